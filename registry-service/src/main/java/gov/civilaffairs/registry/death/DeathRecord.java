package gov.civilaffairs.registry.death;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A death record (死亡记录): one death of one person, supported by one or more sources.
 *
 * @param personId the matched person of the index; null when no person has the ID number
 * @param holdReason why the record is held; null unless status is HELD_FOR_REVIEW
 */
public record DeathRecord(long id, Long personId, String nationalIdNumber, String name, LocalDate dateOfDeath,
    DeathRecordStatus status, HoldReason holdReason, Instant createdAt) {
}
