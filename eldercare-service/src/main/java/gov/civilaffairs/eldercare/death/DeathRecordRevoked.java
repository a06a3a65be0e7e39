package gov.civilaffairs.eldercare.death;

import java.util.UUID;

/**
 * The fields of {@code gov.civilaffairs.registry.death-record-revoked.v1} this service reads (schema:
 * {@code contracts/events/registry.death-record-revoked.v1.schema.json}).
 *
 * @param eventId the event's id ({@code ce_id}), the idempotency key
 * @param deathRecordId the revoked death record
 */
record DeathRecordRevoked(UUID eventId, long deathRecordId) implements DeathEvent {
}
