package gov.civilaffairs.relief.orphan;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Scattered orphans and de-facto unsupported children for a period and region (DOMAIN.md "Reports"), by the child's
 * region.
 *
 * @param scatteredOrphans orphans paid for the last month of the period
 * @param deFactoUnsupported de-facto unsupported children paid for the last month of the period
 * @param registered registrations in the period
 * @param endedAdopted allowances ended by adoption within the period (last month paid in it)
 * @param endedDeath allowances ended by death within the period
 * @param endedAge allowances whose month of the 18th birthday fell in the period (and not ended before)
 * @param amountPaid yuan, scale 2: the allowances of all months of the period
 * @param monthlyAmount yuan, scale 2: the allowances of the last month of the period
 */
public record ChildStatistics(String regionCode, YearMonth from, YearMonth to, long scatteredOrphans,
    long deFactoUnsupported, long registered, long endedAdopted, long endedDeath, long endedAge, BigDecimal amountPaid,
    BigDecimal monthlyAmount) {
}
