package gov.civilaffairs.relief.orphan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One child to be paid the basic living allowance for a month: what a payment roll needs (the payment package's
 * {@code MonthlyEntitlementSource} calls {@link ChildAllowanceService#monthlyEntitlements}).
 *
 * @param regionCode the child's 12-digit village code
 * @param amount yuan, scale 2, the amount of the registration's kind
 * @param decisionReference {@code child-registration/<id>}: the registration the payment follows from
 * @param registeredOn the day of the registration
 */
public record ChildEntitlement(YearMonth month, long registrationId, ChildRegistration.Kind kind,
    String nationalIdNumber, String name, String regionCode, BigDecimal amount, String decisionReference,
    LocalDate registeredOn) {
}
