package gov.civilaffairs.veterans.roll;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * 补发: money owed to a pension for a month that a sent roll paid at less than a standard published later
 * makes due (the difference between due and already paid).
 *
 * @param amount yuan, scale 2
 * @param pensionStandardId the standard that made it due
 * @param rollId the roll that pays it; {@code null} until a roll is generated
 */
public record PensionArrears(long id, long entitledPersonId, long pensionId, YearMonth forMonth, BigDecimal amount,
    long pensionStandardId, Long rollId) {
}
