package gov.civilaffairs.relief.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/**
 * A household's minimum living allowance (低保金).
 *
 * @param startMonth the first month paid
 * @param endMonth the last month paid; null while active
 * @param terminatedByDeathRecordId the death record that terminated it, if one did
 * @param amounts the amount history, oldest first, withdrawn entries included
 */
public record Allowance(long id, long householdId, YearMonth startMonth, YearMonth endMonth, AllowanceStatus status,
    Long terminatedByDeathRecordId, List<AllowanceAmount> amounts) {

  /** Whether the allowance is paid for a month: from its start month to its end month, if any. */
  public boolean paidFor(YearMonth month) {
    return !month.isBefore(startMonth) && (endMonth == null || !month.isAfter(endMonth));
  }

  /**
   * The amount due for a month: the latest amount entry not withdrawn that applies from that month or
   * earlier; zero for a month the allowance is not paid for.
   *
   * @return yuan, scale 2
   */
  public BigDecimal amountFor(YearMonth month) {
    if (!paidFor(month)) {
      return BigDecimal.ZERO.setScale(2);
    }
    return amounts.stream()
        .filter(a -> !a.withdrawn() && !a.fromMonth().isAfter(month))
        .max(Comparator.comparing(AllowanceAmount::fromMonth).thenComparing(AllowanceAmount::id))
        .map(AllowanceAmount::amount)
        .orElse(BigDecimal.ZERO.setScale(2));
  }
}
