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
 * The platform's event outbox ({@link EventOutbox}, ADR 0008), {@code platform.outbox.*} (the same prefix as
 * the Modulith resubmission's {@link OutboxProperties}: other keys).
 *
 * @param enabled the outbox and its relay exist only when {@code true}; default {@code false} (a service
 *     opts in; the table {@code event_outbox} is in every service's schema through the platform migrations)
 * @param relayInterval pause between two drains that are not triggered by a commit (rows left by a broker
 *     outage or a crash); default 1 s, at least 100 ms. A failed send is tried again after
 *     {@code min(1 s, relayInterval)}
 * @param relayBatchSize the most rows one drain batch sends, flushes and marks sent together; default 500,
 *     at most 10,000
 * @param sendTimeout how long a batch waits for Kafka's acknowledgements before the unacknowledged rows count
 *     as failed (sent again later); default 30 s
 */
@ConfigurationProperties("platform.outbox")
@Validated
public record EventOutboxProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("1s") @NotNull @DurationMin(millis = 100) Duration relayInterval,
    @DefaultValue("500") @Positive @Max(10_000) int relayBatchSize,
    @DefaultValue("30s") @NotNull @DurationMin(millis = 100) Duration sendTimeout) {
}
