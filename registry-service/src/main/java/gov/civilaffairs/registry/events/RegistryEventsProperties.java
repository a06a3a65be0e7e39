package gov.civilaffairs.registry.events;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how the registry's events leave (EVENTS.md), under {@code registry.events}.
 *
 * @param topic the topic of every event about a person, keyed by person id; default {@code registry.person.v1}
 *     (partitions, replication and retention: {@code platform.kafka.*}; {@code ce_source}: the
 *     application name)
 * @param resubmitOlderThan a failed outbox publication (Kafka was down) is sent again once it is at least
 *     this old; default 30 s
 * @param resubmissionInterval how often the outbox is checked for failed publications; default 15 s
 * @param resubmissionBatchSize the most failed publications sent again at once, and the most resubmissions
 *     in flight (a broker that just came back is not flooded); default 100
 */
@Validated
@ConfigurationProperties("registry.events")
public record RegistryEventsProperties(
    @NotBlank @DefaultValue("registry.person.v1") String topic,
    @NotNull @DefaultValue("30s") Duration resubmitOlderThan,
    @NotNull @DefaultValue("15s") Duration resubmissionInterval,
    @Min(1) @DefaultValue("100") int resubmissionBatchSize) {
}
