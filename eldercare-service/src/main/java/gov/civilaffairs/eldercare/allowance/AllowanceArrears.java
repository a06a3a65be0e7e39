package gov.civilaffairs.eldercare.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * 补发: the allowance of a month that was not paid because of a death record later revoked.
 *
 * @param month the benefit month owed
 * @param amount yuan, scale 2, by the person's age band in that month
 * @param deathRecordId the revoked death record that stopped the payment
 */
public record AllowanceArrears(YearMonth month, BigDecimal amount, long deathRecordId) {
}
