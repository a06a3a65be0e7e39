package gov.civilaffairs.veterans.person;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A monthly periodic pension (定期抚恤金, 定期生活补助 or 残疾抚恤金) of an entitled person.
 *
 * @param monthlyAmount yuan per month, scale 2
 * @param startMonth first month paid
 * @param endMonth last month paid when the pension is time-limited, else {@code null}
 * @param paidThroughMonth while {@link PensionStatus#STOPPED}: the last month paid
 * @param stoppedByDeathRecordId while {@link PensionStatus#STOPPED}: the registry's death record that stopped it
 */
public record PeriodicPension(long id, long entitledPersonId, PensionKind kind, BigDecimal monthlyAmount,
    YearMonth startMonth, YearMonth endMonth, PensionStatus status, YearMonth paidThroughMonth,
    Long stoppedByDeathRecordId) {

  /**
   * Whether the pension is due for {@code month} by its start and end months, whatever its status.
   */
  public boolean covers(YearMonth month) {
    return !month.isBefore(startMonth) && (endMonth == null || !month.isAfter(endMonth));
  }

  /**
   * Whether the pension is paid for {@code month}: it covers the month and, if a death stopped it, the
   * month is not after the last month paid (the death rule's month rule, {@code veterans.death.pension-paid-through}).
   */
  public boolean isPayableFor(YearMonth month) {
    return covers(month) && (status == PensionStatus.ACTIVE || !month.isAfter(paidThroughMonth));
  }
}
