package gov.civilaffairs.relief.events;

import java.time.YearMonth;
import java.util.UUID;

/**
 * In-process fact (never leaves the service): the registry revoked the death record that ended a benefit paid to a
 * person, and the scheme restored the case (DOMAIN.md "The death rule" point 7). Published by the scheme's death rule
 * inside the death rule's transaction, once per case and revocation; the payment package puts the person's lines
 * back into unsent rolls, withdraws the death record's overpayment claim and owes arrears for each month a sent roll
 * left out. Not externalized.
 *
 * @param scheme {@link PersonBenefitEnded#EXTREME_POVERTY_SUPPORT} or {@link PersonBenefitEnded#ORPHAN_ALLOWANCE}
 * @param caseId the scheme's case (extreme-poverty case id, child registration id)
 * @param deathRecordId the revoked death record
 * @param eventId the registry event that carried the revocation
 * @param endedWithMonth the end month the death had set (months after it are paid again)
 */
public record PersonBenefitRestored(String scheme, long caseId, String nationalIdNumber, long deathRecordId,
    UUID eventId, YearMonth endedWithMonth) {

  @Override
  public String toString() {
    return "PersonBenefitRestored[scheme=" + scheme + ", caseId=" + caseId + ", deathRecordId=" + deathRecordId
        + ", endedWithMonth=" + endedWithMonth + "]";
  }
}
