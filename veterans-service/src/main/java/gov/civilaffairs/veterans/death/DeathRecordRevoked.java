package gov.civilaffairs.veterans.death;

import java.util.UUID;

/**
 * The fields this service reads from {@code registry.death-record-revoked.v1} (tolerant reader).
 *
 * @param eventId ce_id, the idempotency key
 * @param deathRecordId the revoked record, as cited by the earlier person-deceased event
 */
record DeathRecordRevoked(UUID eventId, long deathRecordId) implements DeathEvent {

  static final String TYPE = "gov.civilaffairs.registry.death-record-revoked.v1";
}
