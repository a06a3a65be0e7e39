package gov.civilaffairs.eldercare.institution;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A care institution (养老机构) filed with the civil-affairs bureau (养老机构管理办法, 民政部令第66号, 2020: filing
 * 备案 replaced the licence in 2019).
 *
 * @param ownership PUBLIC (公办) or PRIVATE (民办)
 * @param regionCode where it lies: a 9-digit township or 12-digit village code (GB/T 2260)
 * @param filingNumber the filing (备案) number
 * @param beds beds available for residents
 * @param registrationStatus REGISTERED, or RE_REGISTRATION_REQUIRED while a re-registration order is open
 * @param starRating stars of the latest star rating (0 to 5), {@code null} before any rating
 */
public record CareInstitution(
    @Schema(example = "1") long id,
    @Schema(example = "诸暨市社会福利中心") String name,
    @Schema(example = "PUBLIC") Ownership ownership,
    @Schema(example = "330681001001") String regionCode,
    @Schema(example = "33068120190001") String filingNumber,
    @Schema(example = "120") int beds,
    @Schema(example = "REGISTERED") RegistrationStatus registrationStatus,
    @Schema(example = "2019-06-01") LocalDate registeredOn,
    @Schema(example = "3") Integer starRating) {

  /** 公办 or 民办. */
  public enum Ownership {
    PUBLIC, PRIVATE
  }

  /** Whether the institution's filing is in order. */
  public enum RegistrationStatus {
    /** Filed and in order. */
    REGISTERED,
    /** Told to re-register (重新备案); tracked until it does. */
    RE_REGISTRATION_REQUIRED
  }
}
