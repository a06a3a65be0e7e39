package gov.civilaffairs.relief.extremepoverty;

import java.time.Instant;
import java.util.UUID;

/**
 * One change a death record (or its revocation) made to a person's extreme-poverty support: "why was this
 * stopped?" (table {@code scheme_benefit_change}, scheme {@code EXTREME_POVERTY}).
 *
 * @param type SUPPORT_TERMINATED, RESIDENCE_ENDED, FUNERAL_ARRANGEMENT, LINK_ENDED, SUPPORT_RESTORED,
 *     RESIDENCE_RESTORED, LINK_RESTORED, APPLICATION_CLOSED, APPLICATION_REOPENED; and the money, recorded by the payment
 *     package: ROLL_LINE_CORRECTED (an unsent roll's line dropped or put back), OVERPAYMENT_CLAIMED, CLAIM_WITHDRAWN,
 *     ARREARS_ADDED
 */
public record SchemeChange(long id, long caseId, String nationalIdNumber, long deathRecordId, UUID eventId,
    String type, String detail, Instant recordedAt) {
}
