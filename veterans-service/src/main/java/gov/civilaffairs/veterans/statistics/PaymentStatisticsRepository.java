package gov.civilaffairs.veterans.statistics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sums over the payment tables of this service ({@code pension_roll_line} of SENT rolls, {@code subsidy},
 * {@code benefit_grant}, {@code medical_settlement}), filtered by the region of the entitled person: a read model for reports.
 */
@Repository
class PaymentStatisticsRepository {

  private final JdbcClient jdbc;

  PaymentStatisticsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Lines of rolls sent for months {@code from} to {@code to}, by pension kind (arrears lines apart). */
  List<PaymentTotal> pensions(YearMonth from, YearMonth to, RegionScope scope) {
    return totals("""
        SELECT 'PENSION' AS grp, CASE WHEN l.kind = 'ARREARS' THEN 'PENSION_ARREARS' ELSE l.pension_kind END AS type,
          COUNT(*) AS payments, COUNT(DISTINCT l.entitled_person_id) AS persons, SUM(l.amount) AS amount
        FROM pension_roll_line l JOIN pension_roll r ON r.id = l.roll_id
          JOIN entitled_person p ON p.id = l.entitled_person_id
        WHERE r.status = 'SENT' AND r.month BETWEEN ? AND ? AND %s
        GROUP BY type ORDER BY type""", scope, List.of(from.toString(), to.toString()));
  }

  /** One-off subsidies paid between two UTC instants (from inclusive, to exclusive), by type. */
  List<PaymentTotal> subsidies(LocalDateTime fromUtc, LocalDateTime toUtc, RegionScope scope) {
    return totals("""
        SELECT 'SUBSIDY' AS grp, s.type AS type, COUNT(*) AS payments, COUNT(DISTINCT s.entitled_person_id) AS persons,
          SUM(s.amount) AS amount
        FROM subsidy s JOIN entitled_person p ON p.id = s.entitled_person_id
        WHERE s.status = 'PAID' AND s.paid_at >= ? AND s.paid_at < ? AND %s
        GROUP BY s.type ORDER BY s.type""", scope, List.of(fromUtc, toUtc));
  }

  /** Death grants paid between two UTC instants (from inclusive, to exclusive), by kind. */
  List<PaymentTotal> deathGrants(LocalDateTime fromUtc, LocalDateTime toUtc, RegionScope scope) {
    return totals("""
        SELECT 'DEATH_GRANT' AS grp, g.kind AS type, COUNT(*) AS payments, COUNT(DISTINCT g.entitled_person_id) AS persons,
          SUM(g.amount) AS amount
        FROM benefit_grant g JOIN entitled_person p ON p.id = g.entitled_person_id
        WHERE g.paid_at >= ? AND g.paid_at < ? AND %s
        GROUP BY g.kind ORDER BY g.kind""", scope, List.of(fromUtc, toUtc));
  }

  /** Veterans' medical subsidies of one-stop settlements dated {@code from} to {@code to} (inclusive), by care type. */
  List<PaymentTotal> medicalSettlements(LocalDate from, LocalDate to, RegionScope scope) {
    return totals("""
        SELECT 'MEDICAL_SETTLEMENT' AS grp, m.care_type AS type, COUNT(*) AS payments,
          COUNT(DISTINCT m.entitled_person_id) AS persons, SUM(m.veterans_subsidy) AS amount
        FROM medical_settlement m JOIN entitled_person p ON p.id = m.entitled_person_id
        WHERE m.settled_on BETWEEN ? AND ? AND m.veterans_subsidy > 0 AND %s
        GROUP BY m.care_type ORDER BY m.care_type""", scope, List.of(from, to));
  }

  private List<PaymentTotal> totals(String sql, RegionScope scope, List<Object> parameters) {
    RegionScope.SqlPredicate area = scope.sqlPredicate("p.region_code");
    List<Object> all = new ArrayList<>(parameters);
    all.addAll(area.parameters());
    return jdbc.sql(sql.formatted(area.sql())).params(all)
        .query((rs, row) -> new PaymentTotal(rs.getString("grp"), rs.getString("type"), rs.getLong("payments"),
            rs.getLong("persons"), rs.getBigDecimal("amount").setScale(2)))
        .list();
  }
}
