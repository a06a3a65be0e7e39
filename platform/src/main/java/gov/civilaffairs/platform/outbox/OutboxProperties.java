package gov.civilaffairs.platform.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox sends again the publications whose send failed ({@code platform.outbox.*}); the
 * defaults suit every service. How long a send may take before Modulith marks it failed is Modulith's
 * own {@code spring.modulith.events.staleness.*} (2 minutes each, META-INF/platform-defaults.yml).
 *
 * @param resubmitOlderThan a failed publication is sent again only once it is at least this old, so
 *     that a broker that just failed is not asked again at once; default 30 s
 * @param resubmissionInterval pause between two looks for failed publications; default 15 s, at least
 *     100 ms
 * @param resubmissionBatchSize the most failed publications sent again in one look, and the most
 *     resubmissions in flight at once, so that a broker that just came back is not flooded; default
 *     100, at most 10,000
 */
@ConfigurationProperties("platform.outbox")
@Validated
public record OutboxProperties(
    @DefaultValue("30s") @NotNull Duration resubmitOlderThan,
    @DefaultValue("15s") @NotNull @DurationMin(millis = 100) Duration resubmissionInterval,
    @DefaultValue("100") @Positive @Max(10_000) int resubmissionBatchSize) {
}
