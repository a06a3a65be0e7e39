package gov.civilaffairs.platform.time;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Working days (工作日) of mainland China from the official holiday data: Monday to Friday, minus
 * the public holidays, plus the weekend days declared working days in lieu (调休上班), as published
 * each year by the General Office of the State Council (国务院办公厅关于某年部分节假日安排的通知).
 * Deadlines of civil-affairs procedure are counted in these days, for example the 30 working days
 * of a minimum living allowance application (民发〔2021〕57号).
 *
 * <p>Only the years present in the data are covered. Every method throws
 * {@link CalendarNotCoveredException} for a date outside them (an argument or a day it has to count)
 * rather than assume that such a year has weekends only. Immutable and thread-safe.
 */
public final class WorkingDayCalendar {

  private final Set<LocalDate> holidays;
  private final Set<LocalDate> makeUpWorkingDays;
  private final NavigableSet<Year> coveredYears;

  /**
   * @param holidays official public holidays (any day of the week)
   * @param makeUpWorkingDays weekend days declared working days (调休上班)
   * @throws IllegalArgumentException if a day is in both sets, if there is no data, or if the
   *     years of the data are not consecutive (a missing year would be silently wrong)
   */
  public WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
    this.holidays = Set.copyOf(holidays);
    this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    Set<LocalDate> both = new HashSet<>(holidays);
    both.retainAll(makeUpWorkingDays);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("Days both holiday and working day: " + new TreeSet<>(both));
    }
    NavigableSet<Year> years = new TreeSet<>();
    holidays.forEach(day -> years.add(Year.from(day)));
    makeUpWorkingDays.forEach(day -> years.add(Year.from(day)));
    if (years.isEmpty()) {
      throw new IllegalArgumentException("No holiday data");
    }
    if (years.last().getValue() - years.first().getValue() + 1 != years.size()) {
      throw new IllegalArgumentException("Holiday data has gaps; years present: " + years);
    }
    this.coveredYears = Collections.unmodifiableNavigableSet(years);
  }

  /**
   * Reads the official holiday data in the format of {@code cn-holidays.json} (npm package
   * {@code chinese-days}; see SOURCE.md beside it): an object whose member {@code holidays} maps
   * ISO dates to a description and whose member {@code workdays} maps the make-up working days the
   * same way. Other members are ignored. The stream is not closed.
   *
   * @throws tools.jackson.core.JacksonException if the JSON is malformed or a key is not an ISO date
   * @throws IllegalArgumentException if a member is missing or the data is inconsistent
   */
  public static WorkingDayCalendar fromJson(InputStream json) {
    HolidayData data = JsonMapper.shared().readValue(json, HolidayData.class);
    if (data.holidays() == null || data.workdays() == null) {
      throw new IllegalArgumentException("Holiday data needs the members 'holidays' and 'workdays'");
    }
    return new WorkingDayCalendar(data.holidays().keySet(), data.workdays().keySet());
  }

  /**
   * Whether a day is a working day: a make-up working day is; otherwise an official holiday, a
   * Saturday or a Sunday is not; every other day is.
   *
   * @throws CalendarNotCoveredException if the day's year is not covered
   */
  public boolean isWorkingDay(LocalDate day) {
    requireCovered(day);
    if (makeUpWorkingDays.contains(day)) {
      return true;
    }
    DayOfWeek dayOfWeek = day.getDayOfWeek();
    return !holidays.contains(day) && dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
  }

  /**
   * The day on which a period of {@code workingDays} working days that starts with {@code start}
   * ends. The start day itself is not counted, as in "within N working days from intake": counting
   * begins the day after, whatever kind of day {@code start} is (民法典 art. 201: 开始的当日不计入，
   * 自下一日开始计算), and the result is the N-th working day after it (always a working day when
   * N > 0). With N = 0 the result is {@code start}.
   * Example: intake on Tuesday 30 September 2025 plus 1 working day is Thursday 9 October 2025
   * (1-8 October are the National Day and Mid-autumn holidays).
   *
   * @param start the day the period starts from, for example the day of intake (受理)
   * @param workingDays N, zero or more
   * @throws IllegalArgumentException if N is negative
   * @throws CalendarNotCoveredException if {@code start} or a day up to the result is not covered
   */
  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("Working days to add must be zero or more, not " + workingDays);
    }
    requireCovered(start);
    LocalDate day = start;
    for (int counted = 0; counted < workingDays; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The number of working days after {@code startExclusive} up to and including
   * {@code endInclusive}: how many working days of a period starting on {@code startExclusive} have
   * been used by the end of {@code endInclusive}. Zero when both are the same day. The inverse of
   * {@link #addWorkingDays}: {@code workingDaysBetween(s, addWorkingDays(s, n)) == n}.
   *
   * @throws IllegalArgumentException if {@code endInclusive} is before {@code startExclusive}
   * @throws CalendarNotCoveredException if either day, or one between them, is not covered
   */
  public int workingDaysBetween(LocalDate startExclusive, LocalDate endInclusive) {
    if (endInclusive.isBefore(startExclusive)) {
      throw new IllegalArgumentException(
          "End " + endInclusive + " is before start " + startExclusive);
    }
    requireCovered(startExclusive);
    requireCovered(endInclusive);
    return (int) startExclusive.plusDays(1).datesUntil(endInclusive.plusDays(1))
        .filter(this::isWorkingDay)
        .count();
  }

  /** The years the data covers, consecutive and in order, for example 2004 to 2026. */
  public NavigableSet<Year> coveredYears() {
    return coveredYears;
  }

  private void requireCovered(LocalDate day) {
    Year year = Year.from(day);
    if (!coveredYears.contains(year)) {
      throw new CalendarNotCoveredException(year, coveredYears.first(), coveredYears.last());
    }
  }

  /** The members of the holiday data this calendar reads; the descriptions are not used. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record HolidayData(Map<LocalDate, String> holidays, Map<LocalDate, String> workdays) {
  }
}
