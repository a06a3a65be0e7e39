package gov.civilaffairs.relief.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The monthly amount of an allowance from a month on (one entry of its amount history).
 *
 * @param amount yuan per month, scale 2
 * @param members living members it was computed for
 * @param deathRecordId the death record that caused this recomputation; null for the amount granted
 * @param withdrawn true once that death record was revoked (the entry no longer applies; kept as history)
 * @param allowanceStandardId the allowance standard whose introduction caused this recomputation, if one did
 */
public record AllowanceAmount(long id, YearMonth fromMonth, BigDecimal amount, int members, Long deathRecordId,
    boolean withdrawn, Long allowanceStandardId) {
}
