package gov.civilaffairs.relief.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Aggregates over relief's tables, filtered by region in SQL. Months as the DATE of their first day. */
@Repository
class StatisticsRepository {

  private final JdbcClient jdbc;

  StatisticsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Households and living members with an allowance paid for {@code month}, by area (URBAN, RURAL). */
  List<AreaCount> allowanceStock(RegionScope region, YearMonth month) {
    RegionScope.SqlPredicate within = region.sqlPredicate("h.region_code");
    LocalDate first = month.atDay(1);
    return jdbc.sql("SELECT h.area, COUNT(DISTINCT h.id) AS households, COUNT(m.id) AS persons "
            + "FROM household h JOIN allowance a ON a.household_id = h.id "
            + "LEFT JOIN household_member m ON m.household_id = h.id AND m.deceased_death_record_id IS NULL "
            + "WHERE a.start_month <= ? AND (a.end_month IS NULL OR a.end_month >= ?) AND " + within.sql()
            + " GROUP BY h.area")
        .param(first).param(first).params(within.parameters())
        .query((rs, n) -> new AreaCount(rs.getString("area"), rs.getInt("households"), rs.getInt("persons"))).list();
  }

  record AreaCount(String area, int households, int persons) {
  }

  int allowancesStarted(RegionScope region, YearMonth from, YearMonth to) {
    RegionScope.SqlPredicate within = region.sqlPredicate("h.region_code");
    return jdbc.sql("SELECT COUNT(*) FROM allowance a JOIN household h ON h.id = a.household_id "
            + "WHERE a.start_month BETWEEN ? AND ? AND " + within.sql())
        .param(from.atDay(1)).param(to.atDay(1)).params(within.parameters()).query(Integer.class).single();
  }

  int allowancesEnded(RegionScope region, YearMonth from, YearMonth to) {
    RegionScope.SqlPredicate within = region.sqlPredicate("h.region_code");
    return jdbc.sql("SELECT COUNT(*) FROM allowance a JOIN household h ON h.id = a.household_id "
            + "WHERE a.status = 'TERMINATED' AND a.end_month BETWEEN ? AND ? AND " + within.sql())
        .param(from.atDay(1)).param(to.atDay(1)).params(within.parameters()).query(Integer.class).single();
  }

  /** Applications received in the period, and those decided in it by outcome. */
  int applications(RegionScope region, String dateColumn, String status, YearMonth from, YearMonth to) {
    RegionScope.SqlPredicate within = region.sqlPredicate("region_code");
    return jdbc.sql("SELECT COUNT(*) FROM allowance_application WHERE " + dateColumn + " BETWEEN ? AND ? "
            + (status == null ? "" : "AND status = '" + status + "' ") + "AND " + within.sql())
        .param(from.atDay(1)).param(to.atEndOfMonth()).params(within.parameters()).query(Integer.class).single();
  }

  List<SocialAssistanceStatistics.TemporaryFigures> temporary(RegionScope region, YearMonth from, YearMonth to) {
    RegionScope.SqlPredicate within = region.sqlPredicate("region_code");
    return jdbc.sql("SELECT kind, COUNT(*) AS cases, COUNT(DISTINCT national_id_number) AS persons, SUM(amount) AS amount "
            + "FROM temporary_assistance WHERE paid_on BETWEEN ? AND ? AND " + within.sql()
            + " GROUP BY kind ORDER BY kind")
        .param(from.atDay(1)).param(to.atEndOfMonth()).params(within.parameters())
        .query((rs, n) -> new SocialAssistanceStatistics.TemporaryFigures(rs.getString("kind"), rs.getInt("cases"),
            rs.getInt("persons"), rs.getBigDecimal("amount")))
        .list();
  }

  List<SocialAssistanceStatistics.MedicalFigures> medical(RegionScope region, YearMonth from, YearMonth to) {
    RegionScope.SqlPredicate within = region.sqlPredicate("region_code");
    return jdbc.sql("SELECT kind, COUNT(DISTINCT national_id_number) AS persons, COUNT(*) AS times, "
            + "SUM(assistance_paid) AS amount FROM medical_settlement WHERE settled_on BETWEEN ? AND ? AND "
            + within.sql() + " GROUP BY kind ORDER BY kind")
        .param(from.atDay(1)).param(to.atEndOfMonth()).params(within.parameters())
        .query((rs, n) -> new SocialAssistanceStatistics.MedicalFigures(rs.getString("kind"), rs.getInt("persons"),
            rs.getInt("times"), rs.getBigDecimal("amount")))
        .list();
  }

  List<SocialAssistanceStatistics.BatchFigures> batches(RegionScope region, YearMonth from, YearMonth to) {
    RegionScope.SqlPredicate within = region.sqlPredicate("l.region_code");
    return jdbc.sql("SELECT b.id, b.kind, b.title, b.reference_month, COUNT(l.id) AS households, "
            + "COALESCE(SUM(l.persons), 0) AS persons, COALESCE(SUM(l.amount), 0) AS amount "
            + "FROM subsidy_batch b LEFT JOIN subsidy_batch_line l ON l.batch_id = b.id AND " + within.sql()
            + " WHERE b.reference_month BETWEEN ? AND ? GROUP BY b.id, b.kind, b.title, b.reference_month ORDER BY b.id")
        .params(within.parameters()).param(from.atDay(1)).param(to.atDay(1))
        .query((rs, n) -> new SocialAssistanceStatistics.BatchFigures(rs.getLong("id"), rs.getString("kind"),
            rs.getString("title"), YearMonth.from(rs.getObject("reference_month", LocalDate.class)),
            rs.getInt("households"), rs.getInt("persons"), rs.getBigDecimal("amount")))
        .list();
  }

  /** Allowance ids (with household) paid for the month, for the amount due. */
  List<Long> householdsPaidFor(RegionScope region, YearMonth month) {
    RegionScope.SqlPredicate within = region.sqlPredicate("h.region_code");
    LocalDate first = month.atDay(1);
    return jdbc.sql("SELECT h.id FROM household h JOIN allowance a ON a.household_id = h.id "
            + "WHERE a.start_month <= ? AND (a.end_month IS NULL OR a.end_month >= ?) AND " + within.sql())
        .param(first).param(first).params(within.parameters()).query(Long.class).list();
  }

  static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}
