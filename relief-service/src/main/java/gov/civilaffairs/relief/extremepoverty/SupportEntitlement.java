package gov.civilaffairs.relief.extremepoverty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One extreme-poverty person to be paid for a month: what a payment roll needs (the payment package's
 * {@code MonthlyEntitlementSource} calls {@link ExtremePovertyService#monthlyEntitlements}).
 *
 * @param regionCode the person's 12-digit village code (the roll's township is its first 9 digits)
 * @param amount yuan, scale 2: basic living standard of that month + care allowance
 * @param decisionReference {@code extreme-poverty-case/<id>}: the determination the payment follows from
 * @param decidedOn the day of the determination
 */
public record SupportEntitlement(YearMonth month, long caseId, String nationalIdNumber, String name,
    String regionCode, BigDecimal amount, BigDecimal basicLiving, BigDecimal careAllowance,
    String decisionReference, LocalDate decidedOn) {
}
