package gov.civilaffairs.relief.events;

import java.time.YearMonth;
import java.util.UUID;

/**
 * In-process fact (never leaves the service): a death record ended a benefit paid to a person, 特困 support or a
 * child's basic living allowance (DOMAIN.md "The death rule" point 4). Published by the scheme's death rule inside
 * the death rule's transaction, once per case and death record; the payment package drops the person's lines from
 * unsent rolls, opens an overpayment claim for months already in sent rolls and publishes
 * {@link BenefitTerminatedV2}. Not externalized ({@code ReliefEventsConfiguration} selects only contract events).
 *
 * @param scheme the scheme's code in payment rolls and events: {@value #EXTREME_POVERTY_SUPPORT} or
 *     {@value #ORPHAN_ALLOWANCE}
 * @param caseId the scheme's case, as the beneficiary of its roll lines (extreme-poverty case id, child registration id)
 * @param nationalIdNumber the person who died (full; never logged)
 * @param deathRecordId the registry's death record
 * @param eventId the registry event that carried the death
 * @param lastPaidMonth the case's last month paid after the death (its end month)
 */
public record PersonBenefitEnded(String scheme, long caseId, String nationalIdNumber, long deathRecordId, UUID eventId,
    YearMonth lastPaidMonth) {

  /** Scheme code of 特困 support (国发〔2016〕14号) in rolls and events. */
  public static final String EXTREME_POVERTY_SUPPORT = "EXTREME_POVERTY_SUPPORT";
  /** Scheme code of the basic living allowance of orphans and de-facto unsupported children in rolls and events. */
  public static final String ORPHAN_ALLOWANCE = "ORPHAN_ALLOWANCE";

  @Override
  public String toString() {
    return "PersonBenefitEnded[scheme=" + scheme + ", caseId=" + caseId + ", deathRecordId=" + deathRecordId
        + ", lastPaidMonth=" + lastPaidMonth + "]";
  }
}
