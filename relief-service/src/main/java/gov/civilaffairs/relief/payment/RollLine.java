package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One line of a payment roll: what one beneficiary is paid in it, and why.
 *
 * @param rollId the roll (scheme, township, month) the line belongs to
 * @param beneficiaryId the scheme's id of who is paid (minimum living allowance: the household id)
 * @param regionCode 12-digit village code the beneficiary is paid in
 * @param forMonth the month paid for: the roll's month for MONTHLY, an earlier month for ARREARS
 * @param amount yuan, scale 2
 * @param decision the decision that set the amount ({@link DecisionReference})
 * @param bankResult the bank's result from its return file, {@code PAID} or {@code FAILED}; null until returned
 * @param bankReason the bank's reason for a failure (e.g. account closed)
 * @param carriedLineId for a RETRY line: the failed line it pays again
 */
public record RollLine(long id, long rollId, long beneficiaryId, String regionCode, LineKind kind, YearMonth forMonth,
    BigDecimal amount, DecisionReference decision, String bankResult, String bankReason, Long carriedLineId) {
}
