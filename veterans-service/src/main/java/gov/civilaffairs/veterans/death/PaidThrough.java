package gov.civilaffairs.veterans.death;

import java.time.LocalDate;
import java.time.YearMonth;

/** The month rule: the last month a periodic pension is paid for when its holder dies. */
public enum PaidThrough {
  /** Paid through the month of death, stopped from the next month (default; 死亡次月起停发). */
  MONTH_OF_DEATH,
  /** Paid through the month after the month of death. */
  MONTH_AFTER_DEATH;

  /** The last month paid for a death on {@code dateOfDeath} (a civil date in Asia/Shanghai). */
  public YearMonth lastPaidMonth(LocalDate dateOfDeath) {
    YearMonth month = YearMonth.from(dateOfDeath);
    return this == MONTH_OF_DEATH ? month : month.plusMonths(1);
  }
}
