package gov.civilaffairs.veterans.roll;

import java.math.BigDecimal;
import java.time.YearMonth;

import gov.civilaffairs.veterans.person.PensionKind;

/**
 * One line of a pension roll: what one pension pays in it.
 *
 * @param forMonth the month paid for: the roll's month for {@link LineKind#MONTHLY}, an earlier month for
 *     {@link LineKind#ARREARS}
 * @param amount yuan, scale 2
 * @param arrearsId the arrears entry an ARREARS line pays, else {@code null}
 */
public record RollLine(long id, long entitledPersonId, long pensionId, PensionKind pensionKind, LineKind kind,
    YearMonth forMonth, BigDecimal amount, Long arrearsId) {
}
