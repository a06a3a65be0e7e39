package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One line of a payment roll: what a household is paid in it.
 *
 * @param forMonth the month paid for: the roll's month for MONTHLY, an earlier month for ARREARS
 * @param amount yuan, scale 2
 */
public record RollLine(long id, long householdId, LineKind kind, YearMonth forMonth, BigDecimal amount) {
}
