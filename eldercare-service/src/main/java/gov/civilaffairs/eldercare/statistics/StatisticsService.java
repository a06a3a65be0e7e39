package gov.civilaffairs.eldercare.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.eldercare.lottery.LotterySales;
import gov.civilaffairs.eldercare.statistics.EldercareStatistics.AllowanceFigures;
import gov.civilaffairs.eldercare.statistics.EldercareStatistics.EnrolmentFigures;
import gov.civilaffairs.eldercare.statistics.EldercareStatistics.InspectionFigures;
import gov.civilaffairs.eldercare.statistics.EldercareStatistics.InstitutionFigures;
import gov.civilaffairs.eldercare.statistics.EldercareStatistics.LotteryFigures;
import gov.civilaffairs.eldercare.statistics.EldercareStatistics.WelfareEnterpriseFigures;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The eldercare figures of the bureau's reports (DOMAIN.md "Reports") for a period of months and a region, counted
 * in SQL over this service's tables. Civil dates and months are Asia/Shanghai; times stored in UTC are compared
 * with the period's bounds converted from Asia/Shanghai.
 */
@Service
public class StatisticsService {

  private final JdbcClient jdbc;
  private final LotterySales lottery;
  private final BureauClock clock;

  StatisticsService(JdbcClient jdbc, LotterySales lottery, BureauClock clock) {
    this.jdbc = jdbc;
    this.lottery = lottery;
    this.clock = clock;
  }

  /**
   * The figures of the months {@code from}..{@code to} (inclusive) within {@code area}.
   *
   * @param region the region code asked for (for the answer), {@code null} for the caller's area
   * @throws ProblemException 422 {@code period} when {@code to} is before {@code from}
   */
  @Transactional(readOnly = true)
  public EldercareStatistics figures(YearMonth from, YearMonth to, RegionScope area, String region) {
    if (to.isBefore(from)) {
      throw ProblemException.unprocessable("period", "to " + to + " is before from " + from + ".");
    }
    LocalDate first = from.atDay(1);
    LocalDate last = to.atEndOfMonth();
    Instant start = first.atStartOfDay(clock.zone()).toInstant();
    Instant end = last.plusDays(1).atStartOfDay(clock.zone()).toInstant();

    long persons = count("SELECT COUNT(*) FROM elderly_person p WHERE p.registered_at < ? AND %s", "p.region_code",
        area, end);
    Map<String, Long> cards = grouped("SELECT c.kind AS k, COUNT(*) AS n FROM card c JOIN elderly_person p ON p.id = c.person_id"
        + " WHERE c.issued_on BETWEEN ? AND ? AND %s GROUP BY c.kind", "p.region_code", area, first, last);

    AllowanceFigures allowance = jdbc.sql(("SELECT COUNT(DISTINCT l.person_id) AS persons, COUNT(*) AS person_months,"
        + " COALESCE(SUM(l.amount), 0) AS amount FROM allowance_roll_line l JOIN allowance_roll r ON r.id = l.roll_id"
        + " WHERE r.status = 'SENT' AND r.month BETWEEN ? AND ? AND %s").formatted(area.sqlPredicate("l.region_code").sql()))
        .param(first).param(last).params(area.sqlPredicate("l.region_code").parameters())
        .query((rs, row) -> new AllowanceFigures(rs.getLong("persons"), rs.getLong("person_months"),
            rs.getBigDecimal("amount").setScale(2)))
        .single();

    Map<String, Long> ownership = grouped("SELECT i.ownership AS k, COUNT(*) AS n FROM care_institution i"
        + " WHERE i.registered_on <= ? AND %s GROUP BY i.ownership", "i.region_code", area, last);
    long beds = count("SELECT COALESCE(SUM(i.beds), 0) FROM care_institution i WHERE i.registered_on <= ? AND %s",
        "i.region_code", area, last);
    long residents = count("SELECT COUNT(*) FROM residence r JOIN care_institution i ON i.id = r.institution_id"
        + " WHERE r.admitted_on <= ? AND (r.discharged_on IS NULL OR r.discharged_on > ?) AND %s", "i.region_code",
        area, last, last);
    long admissions = count("SELECT COUNT(*) FROM residence r JOIN care_institution i ON i.id = r.institution_id"
        + " WHERE r.admitted_on BETWEEN ? AND ? AND %s", "i.region_code", area, first, last);
    long discharges = count("SELECT COUNT(*) FROM residence r JOIN care_institution i ON i.id = r.institution_id"
        + " WHERE r.discharged_on BETWEEN ? AND ? AND %s", "i.region_code", area, first, last);
    long publicOnes = ownership.getOrDefault("PUBLIC", 0L);
    long privateOnes = ownership.getOrDefault("PRIVATE", 0L);
    InstitutionFigures institutions = new InstitutionFigures(publicOnes + privateOnes, publicOnes, privateOnes, beds,
        residents, admissions, discharges);

    Map<String, Long> inspectionResults = grouped("SELECT n.result AS k, COUNT(*) AS n FROM inspection n"
        + " JOIN care_institution i ON i.id = n.institution_id WHERE n.inspected_on BETWEEN ? AND ? AND %s"
        + " GROUP BY n.result", "i.region_code", area, first, last);
    long orders = count("SELECT COUNT(*) FROM rectification_order o JOIN inspection n ON n.id = o.inspection_id"
        + " JOIN care_institution i ON i.id = o.institution_id WHERE n.inspected_on BETWEEN ? AND ? AND %s",
        "i.region_code", area, first, last);
    InspectionFigures inspections = new InspectionFigures(
        inspectionResults.values().stream().mapToLong(Long::longValue).sum(),
        inspectionResults.getOrDefault("FINDINGS", 0L), orders);

    Map<String, Long> byType = grouped("SELECT o.service_type AS k, COUNT(*) AS n FROM home_care_order o"
        + " JOIN home_care_station s ON s.id = o.station_id WHERE o.status = 'COMPLETED' AND o.closed_at >= ?"
        + " AND o.closed_at < ? AND %s GROUP BY o.service_type", "s.region_code", area, start, end);
    Map<String, Long> byPayment = grouped("SELECT o.payment_kind AS k, COUNT(*) AS n FROM home_care_order o"
        + " JOIN home_care_station s ON s.id = o.station_id WHERE o.status = 'COMPLETED' AND o.closed_at >= ?"
        + " AND o.closed_at < ? AND %s GROUP BY o.payment_kind", "s.region_code", area, start, end);
    Map<String, Long> levels = grouped("SELECT a.care_level AS k, COUNT(*) AS n FROM care_assessment a"
        + " JOIN elderly_person p ON p.id = a.person_id WHERE a.assessed_on BETWEEN ? AND ? AND %s GROUP BY a.care_level",
        "p.region_code", area, first, last);

    long enrolled = count("SELECT COALESCE(SUM(e.enrolled), 0) FROM elderly_university_enrolment e"
        + " WHERE e.term_start BETWEEN ? AND ? AND %s", "e.region_code", area, first, last);
    long enrolledLastYear = count("SELECT COALESCE(SUM(e.enrolled), 0) FROM elderly_university_enrolment e"
        + " WHERE e.term_start BETWEEN ? AND ? AND %s", "e.region_code", area, first.minusYears(1), last.minusYears(1));
    EnrolmentFigures university = new EnrolmentFigures(enrolled, enrolledLastYear, enrolled - enrolledLastYear,
        rate(enrolled - enrolledLastYear, enrolledLastYear));

    Map<String, Long> passed = grouped("SELECT CASE WHEN w.passed THEN 'PASSED' ELSE 'FAILED' END AS k, COUNT(*) AS n"
        + " FROM welfare_enterprise_inspection w JOIN welfare_enterprise e ON e.id = w.enterprise_id"
        + " WHERE w.inspected_on BETWEEN ? AND ? AND %s GROUP BY w.passed", "e.region_code", area, first, last);
    long inspected = passed.values().stream().mapToLong(Long::longValue).sum();
    WelfareEnterpriseFigures enterprises = new WelfareEnterpriseFigures(inspected, passed.getOrDefault("PASSED", 0L),
        rate(passed.getOrDefault("PASSED", 0L), inspected));

    LotterySales.Totals sales = lottery.totals(from, to, area);

    return new EldercareStatistics(region, from, to, persons, cards.getOrDefault("ELDERLY_CARD", 0L),
        cards.getOrDefault("TRANSIT_CARD", 0L), allowance, institutions, inspections, byType, byPayment, levels,
        university, enterprises, new LotteryFigures(sales.byGameType(), sales.total()));
  }

  /** {@code part / whole} with 4 decimals (HALF_UP), {@code null} when {@code whole} is 0. */
  static BigDecimal rate(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
  }

  private long count(String sql, String column, RegionScope area, Object... params) {
    RegionScope.SqlPredicate within = area.sqlPredicate(column);
    return jdbc.sql(sql.formatted(within.sql())).params(List.of(params)).params(within.parameters())
        .query(Long.class).single();
  }

  private Map<String, Long> grouped(String sql, String column, RegionScope area, Object... params) {
    RegionScope.SqlPredicate within = area.sqlPredicate(column);
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql(sql.formatted(within.sql())).params(List.of(params)).params(within.parameters())
        .query(rs -> {
          counts.put(rs.getString("k"), rs.getLong("n"));
        });
    return counts;
  }
}
