package gov.civilaffairs.relief.extremepoverty;

import java.time.LocalDate;

/**
 * An extreme-poverty person's stay in a support institution (集中供养): admission and discharge.
 *
 * @param dischargedOn null while resident
 * @param dischargeReason null while resident
 * @param deathRecordId the registry's death record when the stay ended with a death
 */
public record Residence(long id, long institutionId, long caseId, String nationalIdNumber, String name,
    LocalDate admittedOn, String admittedBy, LocalDate dischargedOn, DischargeReason dischargeReason,
    String dischargeNote, Long deathRecordId) {

  /** Why a stay ended. */
  public enum DischargeReason {
    /** 本人申请回家分散供养. */
    RETURNED_HOME,
    /** 转入其他机构. */
    TRANSFERRED,
    /** 死亡 (the death rule, DOMAIN.md point 4). */
    DEATH,
    /** 终止救助供养. */
    SUPPORT_ENDED
  }
}
