package gov.civilaffairs.eldercare.university;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Elderly-university enrolment (老年电大) per school and term; the bureau's report compares a term with the same
 * term a year before ({@link #sameTermLastYear}). Table {@code elderly_university_enrolment}.
 */
@Service
public class ElderlyUniversity {

  private final JdbcClient jdbc;
  private final ElderlyUniversityProperties terms;
  private final RegionDirectory regions;
  private final BureauClock clock;

  ElderlyUniversity(JdbcClient jdbc, ElderlyUniversityProperties terms, RegionDirectory regions, BureauClock clock) {
    this.jdbc = jdbc;
    this.terms = terms;
    this.regions = regions;
    this.clock = clock;
  }

  /**
   * Records a school's enrolment of a term.
   *
   * @throws ProblemException 422 unknown region, 422 {@code future-term} for a term starting after the current month;
   *     409 {@code duplicate} when the school's term is recorded already
   */
  @Transactional
  public Enrolment record(String schoolName, String regionCode, int termYear, Enrolment.Season season, int enrolled) {
    regions.require(regionCode);
    LocalDate termStart = termStart(termYear, season);
    if (termStart.isAfter(clock.currentMonth().atDay(1))) {
      throw ProblemException.unprocessable("future-term", "The " + season + " term of " + termYear
          + " has not started yet (starts " + termStart + ").");
    }
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO elderly_university_enrolment (school_name, region_code, term_year, season, term_start, enrolled,
          created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(schoolName, regionCode, termYear, season.name(), termStart, enrolled, clock.now()).update(key);
    return find(key.getKey().longValue()).orElseThrow();
  }

  /** Enrolments within {@code area} (filtered in SQL), newest term first. */
  public List<Enrolment> list(RegionScope area, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM elderly_university_enrolment WHERE " + within.sql()
        + " ORDER BY term_start DESC, id LIMIT ?").params(within.parameters()).param(size)
        .query(Enrolment.class).list();
  }

  /** The first day of the term's start month. */
  public LocalDate termStart(int year, Enrolment.Season season) {
    return LocalDate.of(year, season == Enrolment.Season.SPRING ? terms.springStartMonth() : terms.autumnStartMonth(), 1);
  }

  private Optional<Enrolment> find(long id) {
    return jdbc.sql("SELECT * FROM elderly_university_enrolment WHERE id = ?").param(id).query(Enrolment.class)
        .optional();
  }

  /** The start of the same term one year earlier. */
  public static LocalDate sameTermLastYear(LocalDate termStart) {
    return termStart.minusYears(1);
  }
}
