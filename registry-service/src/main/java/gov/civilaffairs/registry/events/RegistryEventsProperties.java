package gov.civilaffairs.registry.events;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the registry's events leave (EVENTS.md) and how its outbox sends them (ADR 0006), under
 * {@code registry.events}.
 *
 * @param topic the topic of every event about a person, keyed by person id; default {@code registry.person.v1}
 *     (partitions, replication and retention: {@code platform.kafka.*}; {@code ce_source}: the
 *     application name)
 * @param relayBatchSize the most outbox rows sent per producer flush and marked sent per UPDATE; default
 *     500, the import's chunk (registry.import.chunk-size), so that one chunk leaves in one batch
 * @param relayInterval how often the relay looks for rows left unsent (Kafka down, a crash between commit
 *     and send); default 1 s: a row left behind waits at most this long once Kafka is back (the
 *     latency floor of issue 4 is 2 s)
 * @param sendTimeout how long a drain waits for Kafka's acknowledgements of one batch before it leaves the
 *     rest for the next drain; default 15 s, above the producer's {@code delivery.timeout.ms} (10 s,
 *     platform-defaults.yml), so a send normally concludes first
 */
@Validated
@ConfigurationProperties("registry.events")
public record RegistryEventsProperties(
    @NotBlank @DefaultValue("registry.person.v1") String topic,
    @Min(1) @Max(10_000) @DefaultValue("500") int relayBatchSize,
    @NotNull @DefaultValue("1s") Duration relayInterval,
    @NotNull @DefaultValue("15s") Duration sendTimeout) {
}
