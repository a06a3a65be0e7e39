package gov.civilaffairs.relief.death;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The fields this service reads of the registry's {@code gov.civilaffairs.registry.person-deceased.v1}
 * event (contracts/events/registry.person-deceased.v1.schema.json; tolerant reader: the others are
 * ignored).
 *
 * @param eventId the event's id (= {@code ce_id}), the idempotency key
 * @param dateOfDeath civil date in Asia/Shanghai
 */
public record PersonDeceased(UUID eventId, long deathRecordId, String nationalIdNumber, LocalDate dateOfDeath)
    implements DeathEvent {
}
