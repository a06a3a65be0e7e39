package gov.civilaffairs.registry.events;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the registry's events leave (EVENTS.md), under {@code registry.events}. How the outbox sends
 * them again after a failure is the platform's ({@code platform.outbox.*}).
 *
 * @param topic the topic of every event about a person, keyed by person id; default {@code registry.person.v1}
 *     (partitions, replication and retention: {@code platform.kafka.*}; {@code ce_source}: the
 *     application name)
 */
@Validated
@ConfigurationProperties("registry.events")
public record RegistryEventsProperties(@NotBlank @DefaultValue("registry.person.v1") String topic) {
}
