package gov.civilaffairs.relief.allowance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

/** The difference method (民发〔2021〕57号) with the city's standard, floor and rounding. */
class AllowanceCalculatorTest {

  private static AllowanceCalculator calculator(String floor, int scale, RoundingMode rounding) {
    return new AllowanceCalculator(new AllowanceProperties(new BigDecimal("1240.00"), new BigDecimal("1100.00"),
        new BigDecimal(floor), scale, rounding, EndOfBenefit.MONTH_OF_DEATH));
  }

  private final AllowanceCalculator calculator = calculator("100.00", 0, RoundingMode.HALF_UP);

  @Test
  void membersTimesStandardLessIncome() {
    assertThat(calculator.monthlyAmount(Area.URBAN, 3, new BigDecimal("1000.00"))).isEqualTo("2720.00");
    assertThat(calculator.monthlyAmount(Area.RURAL, 3, new BigDecimal("1000.00"))).isEqualTo("2300.00");
  }

  @Test
  void neverBelowTheFloorPerMember() {
    assertThat(calculator.monthlyAmount(Area.URBAN, 2, new BigDecimal("2400.00"))).isEqualTo("200.00");
  }

  @Test
  void roundedToTheYuanAsConfigured() {
    assertThat(calculator.monthlyAmount(Area.URBAN, 1, new BigDecimal("100.50"))).isEqualTo("1140.00");
    assertThat(calculator.monthlyAmount(Area.URBAN, 1, new BigDecimal("100.49"))).isEqualTo("1140.00");
    assertThat(calculator.monthlyAmount(Area.URBAN, 1, new BigDecimal("100.51"))).isEqualTo("1139.00");
    assertThat(calculator("0", 0, RoundingMode.UP).monthlyAmount(Area.URBAN, 1, new BigDecimal("100.99")))
        .isEqualTo("1140.00");
    assertThat(calculator("0", 1, RoundingMode.HALF_UP).monthlyAmount(Area.URBAN, 1, new BigDecimal("100.55")))
        .isEqualTo("1139.50");
  }

  @Test
  void eligibleOnlyUnderTheStandard() {
    assertThat(calculator.isEligible(Area.URBAN, 2, new BigDecimal("2479.99"))).isTrue();
    assertThat(calculator.isEligible(Area.URBAN, 2, new BigDecimal("2480.00"))).isFalse();
  }

  @Test
  void rejectsAHouseholdWithoutMembersOrWithNegativeIncome() {
    assertThatIllegalArgumentException().isThrownBy(() -> calculator.monthlyAmount(Area.URBAN, 0, BigDecimal.ZERO));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> calculator.monthlyAmount(Area.URBAN, 1, new BigDecimal("-0.01")));
  }
}
