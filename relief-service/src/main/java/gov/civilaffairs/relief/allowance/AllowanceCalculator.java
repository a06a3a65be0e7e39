package gov.civilaffairs.relief.allowance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.BiFunction;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The monthly amount of a minimum living allowance by the difference method (差额补助, 民发〔2021〕57号;
 * DOMAIN.md): members x standard of the area - the household's monthly income, not below
 * members x the floor per person, rounded as the city says ({@link AllowanceProperties}).
 *
 * <p>The standard of a month is the city's standard in force that month (table {@code allowance_standard},
 * the latest one effective in or before it, {@link AllowanceStandardRepository}); before the first one
 * recorded, the configured {@code relief.allowance.urban-standard} / {@code rural-standard}.
 */
@Component
public class AllowanceCalculator {

  private final AllowanceProperties properties;
  private final BiFunction<Area, YearMonth, Optional<BigDecimal>> recordedStandards;

  /** With the configured standards only (no recorded standards). */
  public AllowanceCalculator(AllowanceProperties properties) {
    this(properties, (area, month) -> Optional.empty());
  }

  @Autowired
  AllowanceCalculator(AllowanceProperties properties, AllowanceStandardRepository standards) {
    this(properties, standards::standardFor);
  }

  AllowanceCalculator(AllowanceProperties properties, BiFunction<Area, YearMonth, Optional<BigDecimal>> recordedStandards) {
    this.properties = properties;
    this.recordedStandards = recordedStandards;
  }

  /**
   * The standard in force in a month, yuan per person per month.
   *
   * @param month the month; {@code null} for the configured standard
   */
  public BigDecimal standard(Area area, YearMonth month) {
    return (month == null ? Optional.<BigDecimal>empty() : recordedStandards.apply(area, month))
        .orElseGet(() -> properties.standard(area));
  }

  /**
   * @param area the standard that applies
   * @param members living members of the household, at least 1
   * @param monthlyIncome the household's monthly income, yuan, not negative
   * @return the monthly amount in yuan, scale 2 (for example {@code 1380.00}), with the configured standard
   * @throws IllegalArgumentException if members is below 1 or the income is negative
   */
  public BigDecimal monthlyAmount(Area area, int members, BigDecimal monthlyIncome) {
    return monthlyAmount(properties.standard(area), members, monthlyIncome);
  }

  /**
   * The amount for a month, with the standard in force that month ({@link #standard}).
   *
   * @throws IllegalArgumentException if members is below 1 or the income is negative
   */
  public BigDecimal monthlyAmount(Area area, int members, BigDecimal monthlyIncome, YearMonth month) {
    return monthlyAmount(standard(area, month), members, monthlyIncome);
  }

  /**
   * The amount with a given standard (yuan per person per month).
   *
   * @throws IllegalArgumentException if members is below 1 or the income is negative
   */
  public BigDecimal monthlyAmount(BigDecimal standard, int members, BigDecimal monthlyIncome) {
    if (members < 1) {
      throw new IllegalArgumentException("a household has at least one member, not " + members);
    }
    if (monthlyIncome.signum() < 0) {
      throw new IllegalArgumentException("monthly income must not be negative");
    }
    BigDecimal count = BigDecimal.valueOf(members);
    BigDecimal difference = standard.multiply(count).subtract(monthlyIncome);
    BigDecimal floor = properties.floorPerPerson().multiply(count);
    return difference.max(floor).setScale(properties.roundingScale(), properties.rounding()).setScale(2);
  }

  /**
   * Whether a household's income is under the configured standard (the condition of the allowance).
   *
   * @return true if monthly income / members is below the standard of the area
   */
  public boolean isEligible(Area area, int members, BigDecimal monthlyIncome) {
    return isEligible(area, members, monthlyIncome, null);
  }

  /** Whether a household's income is under the standard in force in {@code month} ({@code null}: configured). */
  public boolean isEligible(Area area, int members, BigDecimal monthlyIncome, YearMonth month) {
    return monthlyIncome.compareTo(standard(area, month).multiply(BigDecimal.valueOf(members))) < 0;
  }

  /** The last month paid for a member who died on the given civil date ({@link AllowanceProperties#endOfBenefit()}). */
  public YearMonth lastPaidMonth(LocalDate dateOfDeath) {
    return properties.endOfBenefit().lastPaidMonth(dateOfDeath);
  }
}
