package gov.civilaffairs.relief.death;

import java.time.Instant;
import java.util.UUID;

/**
 * One change a death record made to a household's allowance: the answer to "why was this benefit
 * stopped?".
 *
 * @param nationalIdNumber the person the death record is about (full; responses mask it)
 * @param eventId the event that carried the death or its revocation
 * @param detail what changed, for a person (amounts in yuan, months as yyyy-MM)
 */
public record BenefitChange(long id, long householdId, String nationalIdNumber, long deathRecordId, UUID eventId,
    ChangeType type, String detail, Instant recordedAt) {
}
