package gov.civilaffairs.veterans.person;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * What a caseworker records to register an entitled person with their monthly pension; checked by
 * {@link EntitledPersons#register(NewEntitledPerson)}.
 *
 * @param nationalIdNumber a valid national ID number (normalised to upper-case {@code X})
 * @param monthlyAmount yuan per month, more than zero, at most 2 decimals
 * @param endMonth last month of a time-limited pension, else {@code null}
 */
public record NewEntitledPerson(String nationalIdNumber, String name, EntitledCategory category,
    Integer disabilityGrade, DisabilityCause disabilityCause, String regionCode, BigDecimal monthlyAmount,
    YearMonth startMonth, YearMonth endMonth) {
}
