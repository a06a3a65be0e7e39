package gov.civilaffairs.relief.allowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The amount due for a month from an allowance's amount history. */
class AllowanceTest {

  private static final YearMonth JAN = YearMonth.of(2026, 1);

  private final List<AllowanceAmount> history = List.of(
      new AllowanceAmount(1, JAN, new BigDecimal("2000.00"), 2, null, false, null),
      new AllowanceAmount(2, YearMonth.of(2026, 7), new BigDecimal("900.00"), 1, 5L, false, null));

  @Test
  void theLatestEntryFromTheMonthOnApplies() {
    Allowance allowance = new Allowance(1, 1, JAN, null, AllowanceStatus.ACTIVE, null, history);
    assertThat(allowance.amountFor(YearMonth.of(2026, 6))).isEqualTo("2000.00");
    assertThat(allowance.amountFor(YearMonth.of(2026, 7))).isEqualTo("900.00");
    assertThat(allowance.amountFor(YearMonth.of(2025, 12))).isEqualTo("0.00");
  }

  @Test
  void aWithdrawnEntryNoLongerApplies() {
    List<AllowanceAmount> withdrawn = List.of(history.get(0),
        new AllowanceAmount(2, YearMonth.of(2026, 7), new BigDecimal("900.00"), 1, 5L, true, null));
    Allowance allowance = new Allowance(1, 1, JAN, null, AllowanceStatus.ACTIVE, null, withdrawn);
    assertThat(allowance.amountFor(YearMonth.of(2026, 8))).isEqualTo("2000.00");
  }

  @Test
  void nothingIsDueAfterTheEndMonth() {
    Allowance allowance = new Allowance(1, 1, JAN, YearMonth.of(2026, 6), AllowanceStatus.TERMINATED, 5L, history);
    assertThat(allowance.amountFor(YearMonth.of(2026, 6))).isEqualTo("2000.00");
    assertThat(allowance.amountFor(YearMonth.of(2026, 7))).isEqualTo("0.00");
  }
}
