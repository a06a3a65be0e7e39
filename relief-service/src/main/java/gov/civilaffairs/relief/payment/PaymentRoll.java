package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The monthly payment roll (发放花名册) of one scheme in one township, sent to the bank, with its control totals.
 *
 * @param scheme the assistance scheme, e.g. {@code MINIMUM_LIVING_ALLOWANCE} ({@link MonthlyEntitlementSource})
 * @param townshipCode 9-digit township code (GB/T 2260 extended, 乡级) whose beneficiaries it pays
 * @param lineCount number of lines (control total)
 * @param totalAmount sum of the lines' amounts, yuan (control total)
 * @param sentAt when it was marked sent to the bank; null while DRAFT
 */
public record PaymentRoll(long id, String scheme, String townshipCode, YearMonth month, RollStatus status,
    int lineCount, BigDecimal totalAmount, Instant generatedAt, Instant sentAt) {
}
