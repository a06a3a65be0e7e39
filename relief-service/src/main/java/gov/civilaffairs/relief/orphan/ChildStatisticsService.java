package gov.civilaffairs.relief.orphan;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Figures of {@link ChildStatistics} in SQL, within a {@link RegionScope}. */
@Service
public class ChildStatisticsService {

  /** The last month paid of a row: the earlier of the 18th-birthday month and an early end. */
  private static final String LAST = "LEAST(age_end_month, COALESCE(end_month, age_end_month))";

  private final JdbcClient jdbc;
  private final ChildAllowanceProperties properties;

  ChildStatisticsService(JdbcClient jdbc, ChildAllowanceProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * @param area the region counted (the caller's area or a region within it)
   * @param regionCode the region asked for, reported back; null for the caller's whole area
   */
  public ChildStatistics figures(RegionScope area, String regionCode, YearMonth from, YearMonth to) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    String f = from.toString();
    String t = to.toString();
    long orphans = count("kind = 'SCATTERED_ORPHAN' AND start_month <= ? AND " + LAST + " >= ?", within, t, t);
    long deFacto = count("kind = 'DE_FACTO_UNSUPPORTED' AND start_month <= ? AND " + LAST + " >= ?", within, t, t);
    long registered = count("registered_on BETWEEN ? AND ?", within, from.atDay(1), to.atEndOfMonth());
    long adopted = count("end_reason = 'ADOPTED' AND end_month BETWEEN ? AND ?", within, f, t);
    long died = count("end_reason = 'DEATH' AND end_month BETWEEN ? AND ?", within, f, t);
    long aged = count("age_end_month BETWEEN ? AND ? AND (end_month IS NULL OR end_month >= age_end_month)", within,
        f, t);
    BigDecimal paid = BigDecimal.ZERO.setScale(2);
    BigDecimal monthly = BigDecimal.ZERO.setScale(2);
    for (ChildRegistration.Kind kind : ChildRegistration.Kind.values()) {
      long months = sum("""
          SELECT COALESCE(SUM(GREATEST(0, PERIOD_DIFF(REPLACE(LEAST(%s, ?), '-', ''),
            REPLACE(GREATEST(start_month, ?), '-', '')) + 1)), 0)
          FROM child_registration WHERE kind = ? AND start_month <= ? AND %s >= ? AND %s"""
          .formatted(LAST, LAST, within.sql()), within, t, f, kind.name(), t, f);
      paid = paid.add(properties.amount(kind).multiply(BigDecimal.valueOf(months)));
      monthly = monthly.add(properties.amount(kind)
          .multiply(BigDecimal.valueOf(kind == ChildRegistration.Kind.SCATTERED_ORPHAN ? orphans : deFacto)));
    }
    return new ChildStatistics(regionCode, from, to, orphans, deFacto, registered, adopted, died, aged, paid, monthly);
  }

  private long count(String condition, RegionScope.SqlPredicate within, Object... args) {
    return sum("SELECT COUNT(*) FROM child_registration WHERE " + condition + " AND " + within.sql(), within, args);
  }

  private long sum(String sql, RegionScope.SqlPredicate within, Object... args) {
    List<Object> params = new ArrayList<>(List.of(args));
    params.addAll(within.parameters());
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
