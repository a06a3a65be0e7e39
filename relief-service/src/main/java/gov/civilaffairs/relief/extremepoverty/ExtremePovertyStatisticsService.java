package gov.civilaffairs.relief.extremepoverty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.relief.allowance.AllowanceCalculator;
import gov.civilaffairs.relief.allowance.Area;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Figures of {@link ExtremePovertyStatistics} in SQL, within a {@link RegionScope}. */
@Service
public class ExtremePovertyStatisticsService {

  private static final String PAID_FOR_TO = "c.status IN ('SUPPORTED', 'ENDED') AND c.start_month <= :to "
      + "AND (c.end_month IS NULL OR c.end_month >= :to)";
  private static final String RESIDENT_AT_END = "EXISTS (SELECT 1 FROM institution_residence r WHERE r.case_id = c.id "
      + "AND r.admitted_on <= :end AND (r.discharged_on IS NULL OR r.discharged_on > :end))";
  private static final String LINKED_AT_END = "EXISTS (SELECT 1 FROM institution_link l WHERE l.case_id = c.id "
      + "AND l.linked_on <= :end AND (l.ended_on IS NULL OR l.ended_on > :end))";

  private final JdbcClient jdbc;
  private final AllowanceCalculator allowances;
  private final ExtremePovertyProperties properties;

  ExtremePovertyStatisticsService(JdbcClient jdbc, AllowanceCalculator allowances,
      ExtremePovertyProperties properties) {
    this.jdbc = jdbc;
    this.allowances = allowances;
    this.properties = properties;
  }

  /**
   * @param area the region counted (the caller's area or a region within it)
   * @param regionCode the region asked for, reported back; null for the caller's whole area
   */
  public ExtremePovertyStatistics figures(RegionScope area, String regionCode, YearMonth from, YearMonth to) {
    LocalDate start = from.atDay(1);
    LocalDate end = to.atEndOfMonth();
    String persons = named(area.sqlPredicate("c.region_code"));
    List<?> personArgs = area.sqlPredicate("c.region_code").parameters();
    long supported = count("FROM extreme_poverty_case c WHERE " + PAID_FOR_TO + " AND " + persons, personArgs, to, end,
        start);
    long institutional = count("FROM extreme_poverty_case c WHERE " + PAID_FOR_TO + " AND " + RESIDENT_AT_END + " AND "
        + persons, personArgs, to, end, start);
    long linked = count("FROM extreme_poverty_case c WHERE " + PAID_FOR_TO + " AND " + LINKED_AT_END + " AND "
        + persons, personArgs, to, end, start);
    long determined = count("FROM extreme_poverty_case c WHERE c.status IN ('SUPPORTED', 'ENDED') AND c.decided_on "
        + "BETWEEN :start AND :end AND " + persons, personArgs, to, end, start);
    long refused = count("FROM extreme_poverty_case c WHERE c.status = 'REFUSED' AND c.decided_on BETWEEN :start AND "
        + ":end AND " + persons, personArgs, to, end, start);
    long ended = count("FROM extreme_poverty_case c WHERE c.status = 'ENDED' AND c.end_month BETWEEN :from AND :to "
        + "AND " + persons, personArgs, to, end, start, from);
    String institutions = named(area.sqlPredicate("i.region_code"));
    List<?> institutionArgs = area.sqlPredicate("i.region_code").parameters();
    long beds = sum("SELECT COALESCE(SUM(i.beds), 0) FROM support_institution i WHERE " + institutions,
        institutionArgs, to, end, start);
    String stays = "FROM institution_residence r JOIN support_institution i ON i.id = r.institution_id WHERE ";
    long occupied = count(stays + "r.admitted_on <= :end AND (r.discharged_on IS NULL OR r.discharged_on > :end) AND "
        + institutions, institutionArgs, to, end, start);
    long admissions = count(stays + "r.admitted_on BETWEEN :start AND :end AND " + institutions, institutionArgs, to,
        end, start);
    long discharges = count(stays + "r.discharged_on BETWEEN :start AND :end AND " + institutions, institutionArgs, to,
        end, start);
    BigDecimal amount = BigDecimal.ZERO.setScale(2);
    record Group(Area area, ExtremePovertyCase.CareLevel level, long persons) {
    }
    List<Group> groups = params(jdbc.sql("SELECT c.area, c.care_level, COUNT(*) AS persons FROM extreme_poverty_case c "
            + "WHERE " + PAID_FOR_TO + " AND " + persons + " GROUP BY c.area, c.care_level"), personArgs, to, end, start,
        from)
        .query((rs, n) -> new Group(Area.valueOf(rs.getString("area")),
            ExtremePovertyCase.CareLevel.valueOf(rs.getString("care_level")), rs.getLong("persons"))).list();
    for (Group g : groups) {
      amount = amount.add(SupportAmount.of(allowances.standard(g.area(), to), properties, g.level()).total()
          .multiply(BigDecimal.valueOf(g.persons())));
    }
    return new ExtremePovertyStatistics(regionCode, from, to, supported, institutional, supported - institutional,
        linked, SupportRates.rate(institutional, supported), beds, occupied, SupportRates.rate(occupied, beds),
        determined, refused, ended, admissions, discharges, amount);
  }

  /** The area predicate with named parameters {@code :area0, :area1...} instead of {@code ?}. */
  private static String named(RegionScope.SqlPredicate predicate) {
    String sql = predicate.sql();
    int i = 0;
    while (sql.contains("?")) {
      sql = sql.replaceFirst("\\?", ":area" + i++);
    }
    return sql;
  }

  private long count(String fromWhere, List<?> areaArgs, YearMonth to, LocalDate end, LocalDate start) {
    return count(fromWhere, areaArgs, to, end, start, null);
  }

  private long count(String fromWhere, List<?> areaArgs, YearMonth to, LocalDate end, LocalDate start,
      YearMonth from) {
    return params(jdbc.sql("SELECT COUNT(*) " + fromWhere), areaArgs, to, end, start, from).query(Long.class).single();
  }

  private long sum(String sql, List<?> areaArgs, YearMonth to, LocalDate end, LocalDate start) {
    return params(jdbc.sql(sql), areaArgs, to, end, start, null).query(Long.class).single();
  }

  private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, List<?> areaArgs, YearMonth to,
      LocalDate end, LocalDate start, YearMonth from) {
    for (int i = 0; i < areaArgs.size(); i++) {
      spec = spec.param("area" + i, areaArgs.get(i));
    }
    spec = spec.param("to", to.toString()).param("end", end).param("start", start);
    return from == null ? spec : spec.param("from", from.toString());
  }
}
