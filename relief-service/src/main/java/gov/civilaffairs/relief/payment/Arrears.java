package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Money owed to a household for a month it was not (fully) paid because of a death record later
 * revoked, or because an allowance standard was raised from an earlier month (补发); paid in the next roll
 * generated.
 *
 * @param deathRecordId the revoked death record that caused it, or null
 * @param allowanceStandardId the allowance standard that caused it, or null
 *
 * @param rollId the roll that pays it; null until one does
 */
public record Arrears(long id, long householdId, YearMonth forMonth, BigDecimal amount, Long deathRecordId,
    Long rollId, Long allowanceStandardId) {
}
