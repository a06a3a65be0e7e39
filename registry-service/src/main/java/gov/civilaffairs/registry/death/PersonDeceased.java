package gov.civilaffairs.registry.death;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published once per confirmed death, on topic {@code registry.person.v1} keyed by person id, as
 * CloudEvent {@code gov.civilaffairs.registry.person-deceased.v1}. The contract is
 * {@code contracts/events/registry.person-deceased.v1.schema.json}.
 *
 * @param eventId the CloudEvent id ({@code ce_id}), fixed when the event is created so that a
 *     republication from the outbox carries the same id (the consumers' idempotency key)
 * @param source the source that confirmed the death (CASEWORKER when a supervisor confirmed it)
 */
public record PersonDeceased(UUID eventId, long personId, long deathRecordId, String nationalIdNumber, String name,
    LocalDate dateOfDeath, DeathSource source, Instant confirmedAt) {
}
