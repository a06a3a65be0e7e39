package gov.civilaffairs.relief.death;

import java.util.UUID;

/**
 * The fields this service reads of the registry's {@code gov.civilaffairs.registry.death-record-revoked.v1}
 * event (contracts/events/registry.death-record-revoked.v1.schema.json).
 *
 * @param eventId the event's id (= {@code ce_id}), the idempotency key
 */
public record DeathRecordRevoked(UUID eventId, long deathRecordId) implements DeathEvent {
}
