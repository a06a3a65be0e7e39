package gov.civilaffairs.relief.allowance;

import java.time.LocalDate;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.Sex;

/**
 * A member of an allowance household (共同生活家庭成员).
 *
 * @param nationalIdNumber the full, normalised number (never log it; responses mask it)
 * @param deceasedDeathRecordId the registry's death record saying the member died; null while living
 */
public record Member(long id, long householdId, String nationalIdNumber, String name, Relation relation,
    boolean head, Long deceasedDeathRecordId) {

  public boolean living() {
    return deceasedDeathRecordId == null;
  }

  /** Sex, from the ID number's sequence code (GB 11643-1999). */
  public Sex sex() {
    return NationalIdNumber.parse(nationalIdNumber).sex();
  }

  /** Birth date, from the ID number (GB 11643-1999). */
  public LocalDate birthDate() {
    return NationalIdNumber.parse(nationalIdNumber).birthDate();
  }
}
