package gov.civilaffairs.relief.allowance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * An allowance standard (低保标准) set by the city for a year, urban or rural, from the month it takes
 * effect (民发〔2021〕57号 and 《社会救助暂行办法》 art. 10: the standard is set and published by the
 * municipal or county government and adjusted as living costs change).
 *
 * @param year the year it is the standard of
 * @param effectiveMonth the first month it applies to; months before it keep the standard then in force
 * @param amount yuan per person per month, scale 2
 * @param documentReference the government notice that set it, e.g. {@code 诸政办发〔2026〕15号}
 * @param recomputedAllowances how many allowances it recomputed
 * @param arrearsEntries how many arrears entries (one per household and month) it created
 */
public record AllowanceStandard(long id, Area area, int year, YearMonth effectiveMonth, BigDecimal amount,
    String documentReference, int recomputedAllowances, int arrearsEntries, String createdBy, Instant createdAt) {
}
