package gov.civilaffairs.relief.extremepoverty;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Extreme-poverty support for a period and region (DOMAIN.md "Reports": 特困 supported, institutional and admission
 * rates, institution-linked count). Persons are counted by the case's region, beds and stays by the institution's.
 *
 * @param supported persons whose support is paid for the last month of the period
 * @param institutional of them, living in an institution on the period's last day (集中供养)
 * @param home supported - institutional (分散供养)
 * @param institutionLinked of them, linked to an institution on the period's last day (户院挂钩)
 * @param institutionalSupportRate 集中供养率 = institutional / supported, 4 decimals, null if none supported
 * @param beds beds of the institutions in the region (current number; bed changes are not dated)
 * @param occupiedBeds stays in those institutions on the period's last day
 * @param admissionRate 入住率 = occupiedBeds / beds, 4 decimals, null without beds
 * @param determined determinations (确认) in the period
 * @param refused refusals in the period
 * @param ended supports ended (last month paid) within the period
 * @param admissions admissions to the region's institutions in the period
 * @param discharges discharges from them in the period
 * @param monthlyAmount yuan, scale 2: what the supported persons are owed for the last month of the period
 */
public record ExtremePovertyStatistics(String regionCode, YearMonth from, YearMonth to, long supported,
    long institutional, long home, long institutionLinked, BigDecimal institutionalSupportRate, long beds,
    long occupiedBeds, BigDecimal admissionRate, long determined, long refused, long ended, long admissions,
    long discharges, BigDecimal monthlyAmount) {
}
