package gov.civilaffairs.eldercare.institution;

import java.time.LocalDate;

/**
 * A person's stay in a care institution, from admission (入住) to discharge (退住).
 *
 * @param dischargedOn {@code null} while the person lives there
 * @param dischargeReason why it ended, {@code null} while open
 * @param endedByDeathRecordId the registry's death record that ended it, {@code null} otherwise
 */
public record Residence(long id, long institutionId, long personId, LocalDate admittedOn, LocalDate dischargedOn,
    DischargeReason dischargeReason, Long endedByDeathRecordId) {

  /** Why a residence ended. */
  public enum DischargeReason {
    /** Left at the person's or family's request. */
    LEFT,
    /** Moved to another institution. */
    TRANSFERRED,
    /** The person died (a death record of the registry). */
    DECEASED
  }

  /** Whether the person still lives there. */
  public boolean open() {
    return dischargedOn == null;
  }
}
