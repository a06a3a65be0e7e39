package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Money paid to a household for months after a death, to be recovered (追回); WITHDRAWN if the death
 * record is revoked.
 *
 * @param fromMonth first month overpaid
 * @param toMonth last month overpaid
 * @param months number of months overpaid
 * @param amount yuan overpaid over those months
 */
public record OverpaymentClaim(long id, long householdId, long deathRecordId, YearMonth fromMonth,
    YearMonth toMonth, int months, BigDecimal amount, String status) {
}
