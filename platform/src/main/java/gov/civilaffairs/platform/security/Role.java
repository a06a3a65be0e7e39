package gov.civilaffairs.platform.security;

import java.util.Optional;

/**
 * The roles of the bureau's staff and systems, as carried in the {@code roles} claim of a token
 * (claims contract, docs/security.md). Spring authority: {@code ROLE_<code>}.
 *
 * <p>Each local role works in one administrative division of GB/T 2260; {@link #regionDigits()} is the
 * length of the code prefix that bounds what it may see (county 6, township 9, village 12). City-wide
 * roles have no such bound.
 */
public enum Role {

  /** 市民政局 staff: the whole city. */
  CITY_ADMINISTRATOR(0),
  /** 县（市、区）民政局 officer: one county, 6-digit code. */
  COUNTY_OFFICER(6),
  /** 乡镇（街道）caseworker: one township, 9-digit code. */
  TOWNSHIP_CASEWORKER(9),
  /** 村（社区）assistant: one village or community, 12-digit code. */
  VILLAGE_ASSISTANT(12),
  /** Internal or external auditor: reads everything, changes nothing (enforced per endpoint). */
  AUDITOR(0),
  /** Operations team: runs the platform; no business data by default. */
  OPERATIONS(0),
  /** Another government system calling with client credentials (given to every machine client). */
  EXTERNAL_SYSTEM(0);

  private final int regionDigits;

  Role(int regionDigits) {
    this.regionDigits = regionDigits;
  }

  /** Length of the GB/T 2260 code prefix bounding this role's area; 0 for city-wide roles. */
  public int regionDigits() {
    return regionDigits;
  }

  /** Whether the role sees every region of the city. */
  public boolean isCityWide() {
    return regionDigits == 0;
  }

  /** The Spring Security authority of the role, {@code ROLE_<code>}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The role of a claim value, or empty for a code this platform does not know. */
  public static Optional<Role> ofCode(String code) {
    for (Role role : values()) {
      if (role.name().equals(code)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
