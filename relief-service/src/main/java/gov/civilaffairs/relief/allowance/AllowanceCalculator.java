package gov.civilaffairs.relief.allowance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.stereotype.Component;

/**
 * The monthly amount of a minimum living allowance by the difference method (差额补助, 民发〔2021〕57号;
 * DOMAIN.md): members x standard of the area - the household's monthly income, not below
 * members x the floor per person, rounded as the city says ({@link AllowanceProperties}).
 */
@Component
public class AllowanceCalculator {

  private final AllowanceProperties properties;

  public AllowanceCalculator(AllowanceProperties properties) {
    this.properties = properties;
  }

  /**
   * @param area the standard that applies
   * @param members living members of the household, at least 1
   * @param monthlyIncome the household's monthly income, yuan, not negative
   * @return the monthly amount in yuan, scale 2 (for example {@code 1380.00})
   * @throws IllegalArgumentException if members is below 1 or the income is negative
   */
  public BigDecimal monthlyAmount(Area area, int members, BigDecimal monthlyIncome) {
    if (members < 1) {
      throw new IllegalArgumentException("a household has at least one member, not " + members);
    }
    if (monthlyIncome.signum() < 0) {
      throw new IllegalArgumentException("monthly income must not be negative");
    }
    BigDecimal count = BigDecimal.valueOf(members);
    BigDecimal difference = properties.standard(area).multiply(count).subtract(monthlyIncome);
    BigDecimal floor = properties.floorPerPerson().multiply(count);
    return difference.max(floor).setScale(properties.roundingScale(), properties.rounding()).setScale(2);
  }

  /**
   * Whether a household's income is under the standard (the condition of the allowance).
   *
   * @return true if monthly income / members is below the standard of the area
   */
  public boolean isEligible(Area area, int members, BigDecimal monthlyIncome) {
    return monthlyIncome.compareTo(properties.standard(area).multiply(BigDecimal.valueOf(members))) < 0;
  }

  /** The last month paid for a member who died on the given civil date ({@link AllowanceProperties#endOfBenefit()}). */
  public YearMonth lastPaidMonth(LocalDate dateOfDeath) {
    return properties.endOfBenefit().lastPaidMonth(dateOfDeath);
  }
}
