package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The monthly payment roll (发放花名册) sent to the bank, with its control totals.
 *
 * @param lineCount number of lines (control total)
 * @param totalAmount sum of the lines' amounts, yuan (control total)
 * @param sentAt when it was marked sent to the bank; null while DRAFT
 */
public record PaymentRoll(long id, YearMonth month, RollStatus status, int lineCount, BigDecimal totalAmount,
    Instant generatedAt, Instant sentAt) {
}
