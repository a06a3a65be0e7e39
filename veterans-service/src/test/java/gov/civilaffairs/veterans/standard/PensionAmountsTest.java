package gov.civilaffairs.veterans.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.veterans.person.DisabilityCause;
import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.PensionKind;
import gov.civilaffairs.veterans.person.PensionStatus;
import gov.civilaffairs.veterans.person.PeriodicPension;
import gov.civilaffairs.veterans.person.PersonPension;
import gov.civilaffairs.veterans.person.PersonStatus;
import org.junit.jupiter.api.Test;

class PensionAmountsTest {

  private static final EntitledPerson VETERAN = new EntitledPerson(1, "330681195203150019", "王建国",
      EntitledCategory.DISABLED_VETERAN, 6, DisabilityCause.WAR, "330681001001", PersonStatus.LIVING, null);

  private final PensionAmounts amounts = new PensionAmounts(List.of(
      standard(2, 6, DisabilityCause.WAR, "2026-01", "2000.00", "100.00"),
      standard(1, 6, DisabilityCause.WAR, "2025-01", "1900.00", "0.00"),
      standard(3, 6, DisabilityCause.ILLNESS, "2026-01", "1500.00", "0.00"),
      standard(4, 5, DisabilityCause.WAR, "2026-01", "2500.00", "0.00")));

  @Test
  void theStandardOfThePersonsScaleInForceThatMonthApplies() {
    PersonPension pensioner = new PersonPension(VETERAN, pension(PensionStatus.ACTIVE, null));
    assertThat(amounts.dueFor(pensioner, YearMonth.of(2024, 12))).as("registered amount").isEqualByComparingTo("1800.00");
    assertThat(amounts.dueFor(pensioner, YearMonth.of(2025, 12))).isEqualByComparingTo("1900.00");
    assertThat(amounts.dueFor(pensioner, YearMonth.of(2026, 1))).as("national + local").isEqualByComparingTo("2100.00");
  }

  @Test
  void nothingIsDueAfterTheLastMonthPaidOfAStoppedPensionOrBeforeItsStart() {
    PersonPension stopped = new PersonPension(VETERAN, pension(PensionStatus.STOPPED, YearMonth.of(2026, 3)));
    assertThat(amounts.dueFor(stopped, YearMonth.of(2026, 3))).isEqualByComparingTo("2100.00");
    assertThat(amounts.dueFor(stopped, YearMonth.of(2026, 4))).isEqualByComparingTo("0.00");
    assertThat(amounts.dueFor(stopped, YearMonth.of(2019, 12))).isEqualByComparingTo("0.00");
  }

  private static PeriodicPension pension(PensionStatus status, YearMonth paidThrough) {
    return new PeriodicPension(7, 1, PensionKind.DISABILITY_PENSION, new BigDecimal("1800.00"), YearMonth.of(2020, 1),
        null, status, paidThrough, paidThrough == null ? null : 99L);
  }

  private static PensionStandard standard(long id, int grade, DisabilityCause cause, String from, String national,
      String local) {
    return new PensionStandard(id, EntitledCategory.DISABLED_VETERAN, grade, cause, YearMonth.parse(from),
        new BigDecimal(national), new BigDecimal(local), "退役军人部发〔2026〕12号", null, LocalDate.of(2026, 7, 10));
  }
}
