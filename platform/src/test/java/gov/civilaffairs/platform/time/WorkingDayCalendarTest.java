package gov.civilaffairs.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Set;

import gov.civilaffairs.platform.web.ProblemException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the official data shipped in the jar (cn-holidays.json). */
class WorkingDayCalendarTest {

  private static WorkingDayCalendar calendar;

  @BeforeAll
  static void loadOfficialData() throws IOException {
    try (InputStream json = WorkingDayCalendar.class.getResourceAsStream("cn-holidays.json")) {
      calendar = WorkingDayCalendar.fromJson(json);
    }
  }

  @ParameterizedTest(name = "{0} ({1}) is a working day: {2}")
  @CsvSource({
      // Spring Festival 2026: 15-23 February off; Saturdays 14 and 28 February worked in lieu.
      "2026-02-13, Friday before Spring Festival, true",
      "2026-02-14, make-up Saturday, true",
      "2026-02-15, Spring Festival (Sunday), false",
      "2026-02-17, New Year's Day of the lunar calendar (Tuesday), false",
      "2026-02-23, last day of Spring Festival (Monday), false",
      "2026-02-24, first weekday after Spring Festival, true",
      "2026-02-28, make-up Saturday, true",
      // National Day and Mid-autumn 2025: 1-8 October off; Sunday 28 September, Saturday 11 October worked.
      "2025-09-28, make-up Sunday, true",
      "2025-10-01, National Day (Wednesday), false",
      "2025-10-06, Mid-autumn Festival (Monday), false",
      "2025-10-08, last day of the holiday (Wednesday), false",
      "2025-10-09, first weekday after the holiday, true",
      "2025-10-11, make-up Saturday, true",
      // An ordinary week.
      "2025-03-07, ordinary Friday, true",
      "2025-03-08, ordinary Saturday, false",
      "2025-03-09, ordinary Sunday, false",
  })
  void officialHolidaysAndMakeUpDaysOverrideTheWeek(LocalDate day, String what, boolean working) {
    assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
      "2025-09-30, 0, 2025-09-30",
      // The start day is not counted; the holiday week is skipped.
      "2025-09-30, 1, 2025-10-09",
      "2025-09-30, 3, 2025-10-11",
      // Starting on a holiday: counting begins the day after all the same.
      "2025-10-05, 1, 2025-10-09",
      // Across the year boundary: 1-3 January 2026 off, Sunday 4 January worked.
      "2025-12-31, 1, 2026-01-04",
      "2025-12-31, 2, 2026-01-05",
      // 30 working days from an intake just before Spring Festival 2026.
      "2026-02-10, 30, 2026-03-30",
  })
  void addWorkingDaysCountsFromTheDayAfterTheStart(LocalDate start, int workingDays, LocalDate end) {
    assertThat(calendar.addWorkingDays(start, workingDays)).isEqualTo(end);
  }

  @Test
  void workingDaysBetweenCountsTheEndButNotTheStart() {
    // October 2025: 23 weekdays, 6 of them holidays, plus the make-up Saturday 11 October.
    assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 31))).isEqualTo(18);
    // February 2026: 20 weekdays, 6 of them Spring Festival, plus two make-up Saturdays.
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28))).isEqualTo(16);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 1))).isZero();
  }

  @Test
  void workingDaysBetweenUndoesAddWorkingDaysOnEveryDayOf2025() {
    for (LocalDate start : LocalDate.of(2025, 1, 1).datesUntil(LocalDate.of(2026, 1, 1)).toList()) {
      for (int n : List.of(0, 1, 3, 7, 30, 45)) {
        LocalDate end = calendar.addWorkingDays(start, n);
        assertThat(calendar.workingDaysBetween(start, end)).as("%s + %d", start, n).isEqualTo(n);
        assertThat(n == 0 || calendar.isWorkingDay(end)).as("%s + %d = %s", start, n, end).isTrue();
      }
    }
  }

  @Test
  void coversTheYearsOfTheData() {
    assertThat(calendar.coveredYears()).hasSize(23);
    assertThat(calendar.coveredYears().first()).isEqualTo(Year.of(2004));
    assertThat(calendar.coveredYears().last()).isEqualTo(Year.of(2026));
    assertThat(calendar.isWorkingDay(LocalDate.of(2004, 1, 1))).isFalse();
  }

  @Test
  void aYearNotYetPublishedIsRefusedNotGuessed() {
    assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2027, 3, 3)))
        .isInstanceOf(CalendarNotCoveredException.class)
        .hasMessage("Working days of 2027 cannot be counted: the official holiday calendar covers 2004-2026 only.")
        .extracting(e -> ((ProblemException) e).getCode()).isEqualTo("calendar-not-covered");
    assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2003, 12, 31)))
        .isInstanceOf(CalendarNotCoveredException.class).hasMessageContaining("2003");
  }

  @Test
  void aDeadlineRunningIntoAnUncoveredYearIsRefused() {
    assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 12, 28), 5))
        .isInstanceOf(CalendarNotCoveredException.class).hasMessageContaining("2027");
    assertThatThrownBy(() -> calendar.workingDaysBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 4)))
        .isInstanceOf(CalendarNotCoveredException.class).hasMessageContaining("2027");
  }

  @Test
  void refusesMeaninglessArguments() {
    LocalDate day = LocalDate.of(2025, 6, 3);
    assertThatIllegalArgumentException().isThrownBy(() -> calendar.addWorkingDays(day, -1));
    assertThatIllegalArgumentException().isThrownBy(() -> calendar.workingDaysBetween(day, day.minusDays(1)));
  }

  @Test
  void refusesInconsistentData() {
    LocalDate day = LocalDate.of(2025, 10, 1);
    assertThatIllegalArgumentException().isThrownBy(() -> new WorkingDayCalendar(Set.of(day), Set.of(day)))
        .withMessageContaining("2025-10-01");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new WorkingDayCalendar(Set.of(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 1, 1)), Set.of()))
        .withMessageContaining("gaps");
    assertThatIllegalArgumentException().isThrownBy(() -> WorkingDayCalendar.fromJson(
        new ByteArrayInputStream("{\"holidays\":{}}".getBytes(StandardCharsets.UTF_8))));
  }
}
