package gov.civilaffairs.relief.orphan;

import java.time.Instant;
import java.util.UUID;

/**
 * One change a death record (or its revocation) made to a child registration: "why was this stopped?" (table
 * {@code scheme_benefit_change}, scheme {@code CHILD_ALLOWANCE}).
 *
 * @param type ALLOWANCE_TERMINATED or ALLOWANCE_RESTORED; and the money, recorded by the payment package:
 *     ROLL_LINE_CORRECTED (an unsent roll's line dropped or put back), OVERPAYMENT_CLAIMED, CLAIM_WITHDRAWN,
 *     ARREARS_ADDED
 */
public record ChildAllowanceChange(long id, long registrationId, String nationalIdNumber, long deathRecordId,
    UUID eventId, String type, String detail, Instant recordedAt) {
}
