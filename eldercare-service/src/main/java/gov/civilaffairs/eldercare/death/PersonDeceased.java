package gov.civilaffairs.eldercare.death;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The fields of {@code gov.civilaffairs.registry.person-deceased.v1} this service reads (tolerant reader;
 * schema: {@code contracts/events/registry.person-deceased.v1.schema.json}).
 *
 * @param eventId the event's id ({@code ce_id}), the idempotency key
 * @param deathRecordId the registry's death record, cited by every change it causes
 * @param nationalIdNumber 18 characters, upper-case {@code X}: how the person is matched here
 * @param dateOfDeath civil date in Asia/Shanghai
 */
record PersonDeceased(UUID eventId, long deathRecordId, String nationalIdNumber, LocalDate dateOfDeath)
    implements DeathEvent {
}
