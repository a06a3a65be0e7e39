package gov.civilaffairs.veterans.statistics;

import java.math.BigDecimal;

/**
 * What was paid of one type in a period and region (DOMAIN.md, "Reports": pensions and subsidies paid by type).
 *
 * @param group {@code PENSION} (lines of sent pension rolls), {@code SUBSIDY} (one-off subsidies paid) or
 *     {@code DEATH_GRANT} (funeral subsidies, one-off pensions and arrears grants paid) or
 *     {@code MEDICAL_SETTLEMENT} (veterans' medical subsidies paid in one-stop settlements)
 * @param type the pension kind ({@code PERIODIC_PENSION}, ...) or {@code PENSION_ARREARS} for roll arrears
 *     lines; the subsidy type; the grant kind; the care type ({@code OUTPATIENT}, {@code INPATIENT})
 * @param payments number of payments (person-times, 人次)
 * @param persons number of distinct entitled persons
 * @param amount yuan, scale 2
 */
public record PaymentTotal(String group, String type, long payments, long persons, BigDecimal amount) {
}
