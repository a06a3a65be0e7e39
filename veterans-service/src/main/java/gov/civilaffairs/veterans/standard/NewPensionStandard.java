package gov.civilaffairs.veterans.standard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import gov.civilaffairs.veterans.person.DisabilityCause;
import gov.civilaffairs.veterans.person.EntitledCategory;

/**
 * A standard to publish; checked by {@link PensionStandards#publish(NewPensionStandard)}. Fields as in
 * {@link PensionStandard}; {@code localSupplement} {@code null} means 0.00, {@code publishedOn}
 * {@code null} means today.
 */
public record NewPensionStandard(EntitledCategory category, Integer disabilityGrade, DisabilityCause disabilityCause,
    YearMonth effectiveFrom, BigDecimal nationalAmount, BigDecimal localSupplement, String nationalSource,
    String localSource, LocalDate publishedOn) {
}
