package gov.civilaffairs.relief.events;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How relief's own outbox ({@code benefit_event_outbox}, ADR 0007) writes and sends, under {@code relief.events}.
 *
 * @param relayBatchSize the most events sent per producer flush and recorded sent per UPDATE; default 1,000
 * @param relayInterval how often the relay looks for rows left unsent (Kafka down, a crash between commit and
 *     send); default 1 s. Rows are sent right after their commit in any case.
 * @param sendTimeout how long a drain waits for Kafka's acknowledgements of one batch before it leaves the rest
 *     for the next drain; default 15 s, above the producer's {@code delivery.timeout.ms} (10 s, platform-defaults.yml)
 */
@Validated
@ConfigurationProperties("relief.events")
public record ReliefEventsProperties(
    @Min(1) @Max(10_000) @DefaultValue("1000") int relayBatchSize,
    @NotNull @DefaultValue("1s") Duration relayInterval,
    @NotNull @DefaultValue("15s") Duration sendTimeout) {
}
