package gov.civilaffairs.veterans.roll;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The monthly pension roll (抚恤补助金发放花名册) sent to the bank, with its control totals.
 *
 * @param lineCount number of lines (control total)
 * @param totalAmount sum of the lines' amounts, yuan, scale 2 (control total)
 * @param sentAt when it was marked sent to the bank; {@code null} while {@link RollStatus#DRAFT}
 */
public record PensionRoll(long id, YearMonth month, RollStatus status, int lineCount, BigDecimal totalAmount,
    Instant generatedAt, Instant sentAt) {
}
