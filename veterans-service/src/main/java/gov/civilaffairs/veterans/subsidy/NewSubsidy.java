package gov.civilaffairs.veterans.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A subsidy a caseworker records; checked by {@link Subsidies#grant}.
 *
 * @param causeDate civil date of the cause (treatment, admission, hardship), not after today
 * @param amount yuan, more than zero, at most 2 decimals, at most the type's maximum
 */
public record NewSubsidy(SubsidyType type, LocalDate causeDate, BigDecimal amount, String reason) {
}
