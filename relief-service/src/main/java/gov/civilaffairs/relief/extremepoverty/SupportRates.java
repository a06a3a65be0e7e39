package gov.civilaffairs.relief.extremepoverty;

import java.math.BigDecimal;

/**
 * Extreme-poverty support of a region on a day (the bureau's reports, DOMAIN.md "Reports").
 *
 * @param regionCode the region asked for; null for the caller's whole area
 * @param supported extreme-poverty persons supported (determined, support not ended)
 * @param institutional of them, supported in an institution (集中供养)
 * @param home of them, supported at home (分散供养)
 * @param institutionLinked of the home-supported, linked to an institution (户院挂钩)
 * @param noSelfCare supported persons wholly unable to care for themselves
 * @param noSelfCareInstitutional of them, supported in an institution
 * @param beds beds of the support institutions in the region
 * @param occupiedBeds residents of those institutions
 * @param institutionalSupportRate 集中供养率 = institutional / supported, a fraction with 4 decimals (null if none)
 * @param admissionRate 入住率 (入院率) = occupiedBeds / beds, 4 decimals (null if no beds)
 * @param noSelfCareInstitutionalRate 生活不能自理特困人员集中供养率 = noSelfCareInstitutional / noSelfCare
 */
public record SupportRates(String regionCode, long supported, long institutional, long home, long institutionLinked,
    long noSelfCare, long noSelfCareInstitutional, long beds, long occupiedBeds, BigDecimal institutionalSupportRate,
    BigDecimal admissionRate, BigDecimal noSelfCareInstitutionalRate) {

  /** part / whole with 4 decimals, HALF_UP; null when whole is 0. */
  public static BigDecimal rate(long part, long whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, java.math.RoundingMode.HALF_UP);
  }
}
