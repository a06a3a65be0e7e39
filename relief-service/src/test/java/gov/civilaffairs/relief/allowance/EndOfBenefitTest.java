package gov.civilaffairs.relief.allowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** The last month paid after a death (DOMAIN.md, the death rule point 4). */
class EndOfBenefitTest {

  @Test
  void monthOfDeathCountsTheLastDayOfTheMonth() {
    assertThat(EndOfBenefit.MONTH_OF_DEATH.lastPaidMonth(LocalDate.of(2026, 6, 30))).isEqualTo(YearMonth.of(2026, 6));
    assertThat(EndOfBenefit.MONTH_OF_DEATH.lastPaidMonth(LocalDate.of(2026, 7, 1))).isEqualTo(YearMonth.of(2026, 7));
  }

  @Test
  void nextMonthCrossesTheYear() {
    assertThat(EndOfBenefit.NEXT_MONTH.lastPaidMonth(LocalDate.of(2026, 12, 31))).isEqualTo(YearMonth.of(2027, 1));
  }
}
