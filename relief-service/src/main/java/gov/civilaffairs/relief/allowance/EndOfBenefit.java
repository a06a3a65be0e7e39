package gov.civilaffairs.relief.allowance;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The last month a benefit is paid for a person who died (DOMAIN.md, "The death rule" point 4: the
 * month of death by default, or the next month where the city's policy says so).
 */
public enum EndOfBenefit {
  /** Paid up to and including the month of death. */
  MONTH_OF_DEATH,
  /** Paid up to and including the month after the month of death. */
  NEXT_MONTH;

  /**
   * @param dateOfDeath the civil date of death in Asia/Shanghai
   * @return the last month paid: a death on 30 June gives June (or July with {@link #NEXT_MONTH})
   */
  public YearMonth lastPaidMonth(LocalDate dateOfDeath) {
    YearMonth monthOfDeath = YearMonth.from(dateOfDeath);
    return this == MONTH_OF_DEATH ? monthOfDeath : monthOfDeath.plusMonths(1);
  }
}
