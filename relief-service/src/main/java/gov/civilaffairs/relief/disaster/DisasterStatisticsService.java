package gov.civilaffairs.relief.disaster;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Disaster-relief statistics ({@link DisasterStatistics}) for months {@code from}..{@code to} (civil dates in
 * Asia/Shanghai) within a region, computed in SQL.
 */
@Service
public class DisasterStatisticsService {

  private final JdbcClient jdbc;
  private final BureauClock clock;

  DisasterStatisticsService(JdbcClient jdbc, BureauClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public DisasterStatistics figures(RegionScope region, String regionCode, YearMonth from, YearMonth to) {
    LocalDate first = from.atDay(1);
    LocalDate last = to.atEndOfMonth();
    RegionScope.SqlPredicate o = region.sqlPredicate("o.region_code");
    int registered = jdbc.sql("SELECT COUNT(*) FROM disaster_officer o WHERE o.appointed_on <= ? AND " + o.sql())
        .param(last).params(o.parameters()).query(Integer.class).single();
    DisasterStatistics.Officers officers = jdbc.sql("""
        SELECT COUNT(DISTINCT t.officer_id) AS trained, COUNT(*) AS trainings,
          COUNT(DISTINCT CASE WHEN t.exam_score IS NOT NULL THEN t.officer_id END) AS examined,
          COUNT(DISTINCT CASE WHEN t.exam_passed THEN t.officer_id END) AS passed
        FROM disaster_officer_training t JOIN disaster_officer o ON o.id = t.officer_id
        WHERE t.trained_on BETWEEN ? AND ? AND\s""" + o.sql())
        .param(first).param(last).params(o.parameters())
        .query((rs, n) -> new DisasterStatistics.Officers(registered, rs.getInt("trained"), rs.getInt("trainings"),
            rs.getInt("examined"), rs.getInt("passed")))
        .single();
    RegionScope.SqlPredicate s = region.sqlPredicate("s.region_code");
    DisasterStatistics.Shelters shelters = jdbc.sql("""
        SELECT COALESCE(SUM(s.established_on >= ?), 0) AS added,
          COALESCE(SUM(CASE WHEN s.established_on >= ? THEN s.capacity ELSE 0 END), 0) AS added_capacity,
          COUNT(*) AS total, COALESCE(SUM(s.capacity), 0) AS total_capacity
        FROM disaster_shelter s WHERE s.established_on <= ? AND\s""" + s.sql())
        .param(first).param(first).param(last).params(s.parameters())
        .query((rs, n) -> new DisasterStatistics.Shelters(rs.getInt("added"), rs.getLong("added_capacity"),
            rs.getInt("total"), rs.getLong("total_capacity")))
        .single();
    RegionScope.SqlPredicate e = region.sqlPredicate("e.region_code");
    LocalDateTime start = LocalDateTime.ofInstant(first.atStartOfDay(clock.zone()).toInstant(), ZoneOffset.UTC);
    LocalDateTime end = LocalDateTime.ofInstant(last.plusDays(1).atStartOfDay(clock.zone()).toInstant(), ZoneOffset.UTC);
    DisasterStatistics.Events events = jdbc.sql("""
        SELECT COUNT(*) AS occurred, COALESCE(SUM(e.status = 'CLOSED'), 0) AS closed,
          COALESCE(SUM((SELECT COUNT(*) FROM disaster_report l WHERE l.event_id = e.id AND l.late)), 0) AS late_reports,
          COALESCE(SUM(r.affected_persons), 0) AS affected, COALESCE(SUM(r.relocated_persons), 0) AS relocated,
          COALESCE(SUM(r.deaths), 0) AS deaths, COALESCE(SUM(r.damaged_houses), 0) AS houses,
          COALESCE(SUM(r.direct_economic_loss), 0) AS loss
        FROM disaster_event e
          LEFT JOIN disaster_report r ON r.id = (SELECT MAX(x.id) FROM disaster_report x WHERE x.event_id = e.id)
        WHERE e.occurred_at >= ? AND e.occurred_at < ? AND\s""" + e.sql())
        .param(start).param(end).params(e.parameters())
        .query((rs, n) -> new DisasterStatistics.Events(rs.getInt("occurred"), rs.getInt("closed"),
            rs.getInt("late_reports"), rs.getLong("affected"), rs.getLong("relocated"), rs.getLong("deaths"),
            rs.getLong("houses"), rs.getBigDecimal("loss").setScale(2)))
        .single();
    RegionScope.SqlPredicate d = region.sqlPredicate("d.region_code");
    DisasterStatistics.Relief relief = jdbc.sql("""
        SELECT COUNT(DISTINCT d.national_id_number) AS recipients,
          COALESCE(SUM(CASE WHEN d.kind = 'MONEY' THEN d.amount END), 0) AS money,
          COALESCE(SUM(d.kind = 'GOODS'), 0) AS goods
        FROM disaster_relief_distribution d WHERE d.distributed_on BETWEEN ? AND ? AND\s""" + d.sql())
        .param(first).param(last).params(d.parameters())
        .query((rs, n) -> new DisasterStatistics.Relief(rs.getInt("recipients"), rs.getBigDecimal("money").setScale(2),
            rs.getInt("goods")))
        .single();
    return new DisasterStatistics(from, to, regionCode, officers, shelters, events, relief);
  }

}
