package gov.civilaffairs.registry.death;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when a confirmed death record is revoked (it was wrong): every consumer restores what the
 * death took away. Topic {@code registry.person.v1} keyed by person id, CloudEvent
 * {@code gov.civilaffairs.registry.death-record-revoked.v1}; contract
 * {@code contracts/events/registry.death-record-revoked.v1.schema.json}.
 *
 * @param eventId the CloudEvent id ({@code ce_id}), stable across republication
 */
public record DeathRecordRevoked(UUID eventId, long personId, long deathRecordId, String reason, Instant revokedAt) {
}
