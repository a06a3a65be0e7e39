package gov.civilaffairs.eldercare.allowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.eldercare.allowance.OldAgeAllowanceProperties.Band;
import gov.civilaffairs.eldercare.allowance.OldAgeAllowanceProperties.BandStart;
import gov.civilaffairs.eldercare.allowance.OldAgeAllowanceProperties.LastPaidMonth;
import org.junit.jupiter.api.Test;

class OldAgeAllowancePropertiesTest {

  private final OldAgeAllowanceProperties defaults = new OldAgeAllowanceProperties(null, null, LastPaidMonth.MONTH_OF_DEATH);

  @Test
  void aPersonIsInABandFromTheMonthOfTheBirthday() {
    LocalDate born = LocalDate.of(1946, 7, 31);
    assertThat(defaults.monthlyAmount(born, YearMonth.of(2026, 6))).isEmpty();
    assertThat(defaults.monthlyAmount(born, YearMonth.of(2026, 7))).contains(new BigDecimal("50.00"));
    assertThat(defaults.monthlyAmount(LocalDate.of(1936, 7, 1), YearMonth.of(2026, 7))).contains(new BigDecimal("150.00"));
    assertThat(defaults.monthlyAmount(LocalDate.of(1920, 1, 1), YearMonth.of(2026, 7))).contains(new BigDecimal("500.00"));
  }

  @Test
  void bandsAreReadInAgeOrderWhateverTheirConfiguredOrder() {
    var policy = new OldAgeAllowanceProperties(
        List.of(new Band(90, new BigDecimal("200")), new Band(80, new BigDecimal("60.5"))), null, LastPaidMonth.MONTH_OF_DEATH);
    assertThat(policy.monthlyAmount(LocalDate.of(1940, 1, 1), YearMonth.of(2026, 1))).contains(new BigDecimal("60.50"));
    assertThat(policy.monthlyAmount(LocalDate.of(1930, 1, 1), YearMonth.of(2026, 1))).contains(new BigDecimal("200.00"));
  }

  @Test
  void aDeathOnTheLastDayOfAMonthEndsTheAllowanceWithThatMonthOrTheNext() {
    LocalDate lastDayOfJune = LocalDate.of(2026, 6, 30);
    assertThat(defaults.lastPaidMonth(lastDayOfJune)).isEqualTo(YearMonth.of(2026, 6));
    assertThat(new OldAgeAllowanceProperties(null, null, LastPaidMonth.NEXT_MONTH).lastPaidMonth(lastDayOfJune))
        .isEqualTo(YearMonth.of(2026, 7));
  }

  @Test
  void twoBandsWithTheSameAgeAreRejected() {
    var policy = new OldAgeAllowanceProperties(
        List.of(new Band(80, BigDecimal.ONE), new Band(80, BigDecimal.TEN)), null, LastPaidMonth.MONTH_OF_DEATH);
    assertThat(policy.isEachBandDistinct()).isFalse();
    assertThat(defaults.isEachBandDistinct()).isTrue();
  }

  @Test
  void aCityMayPayABandFromTheMonthAfterTheBirthday() {
    var nextMonth = new OldAgeAllowanceProperties(null, BandStart.MONTH_AFTER_BIRTHDAY, LastPaidMonth.MONTH_OF_DEATH);
    LocalDate born = LocalDate.of(1946, 11, 20);
    assertThat(nextMonth.monthlyAmount(born, YearMonth.of(2026, 11))).isEmpty();
    assertThat(nextMonth.monthlyAmount(born, YearMonth.of(2026, 12))).contains(new BigDecimal("50.00"));
    assertThat(nextMonth.firstMonthOfLowestBand(born)).isEqualTo(YearMonth.of(2026, 12));
    assertThat(defaults.firstMonthOfLowestBand(born)).isEqualTo(YearMonth.of(2026, 11));
    assertThat(defaults.firstMonthOfLowestBand(LocalDate.of(1944, 2, 29))).as("a leap-day birthday")
        .isEqualTo(YearMonth.of(2024, 2));
  }
}
