package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Money owed to a household for a month it was not (fully) paid because of a death record later
 * revoked (补发); paid in the next roll generated.
 *
 * @param rollId the roll that pays it; null until one does
 */
public record Arrears(long id, long householdId, YearMonth forMonth, BigDecimal amount, long deathRecordId,
    Long rollId) {
}
