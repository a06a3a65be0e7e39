package gov.civilaffairs.relief.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The minimum living allowance (低保, urban and rural: one scheme with two standards, DOMAIN.md glossary) as a
 * {@link MonthlyEntitlementSource}: every household whose allowance is paid for the month (start month to end
 * month), at the amount in force (the latest amount entry not withdrawn from that month or earlier, as
 * {@code Allowance#amountFor}), with the decision that made that entry: a death record, an allowance standard,
 * a household change (review, member change), else the confirmed application, else the direct registration.
 * One set-based query (window function over {@code allowance_amount}).
 */
@Component
class AllowanceEntitlements implements MonthlyEntitlementSource {

  /** The scheme code of 低保, as in {@code relief.benefit-terminated.v1}. */
  static final String SCHEME = "MINIMUM_LIVING_ALLOWANCE";

  private static final String QUERY = """
      SELECT a.household_id, h.region_code, am.amount, am.death_record_id, am.allowance_standard_id,
             am.household_change_id, app.id AS application_id
      FROM allowance a
      JOIN household h ON h.id = a.household_id
      JOIN (SELECT x.allowance_id, x.amount, x.death_record_id, x.allowance_standard_id, x.household_change_id,
                   ROW_NUMBER() OVER (PARTITION BY x.allowance_id ORDER BY x.from_month DESC, x.id DESC) AS rn
            FROM allowance_amount x WHERE x.withdrawn = FALSE AND x.from_month <= :month %s) am
        ON am.allowance_id = a.id AND am.rn = 1
      LEFT JOIN allowance_application app ON app.household_id = a.household_id
      WHERE a.start_month <= :month AND (a.end_month IS NULL OR a.end_month >= :month) AND am.amount > 0 %s
      ORDER BY a.household_id""";

  private final JdbcClient jdbc;

  AllowanceEntitlements(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String scheme() {
    return SCHEME;
  }

  @Override
  public List<Entitlement> entitlements(YearMonth month) {
    List<Entitlement> rows = new ArrayList<>();
    jdbc.sql(QUERY.formatted("", "")).param("month", month.atDay(1))
        .query(rs -> {
          rows.add(entitlement(rs));
        });
    return rows;
  }

  /** The entitlement of one household for a month, if it is paid then (corrections of unsent rolls). */
  Optional<Entitlement> entitlement(long householdId, YearMonth month) {
    LocalDate first = month.atDay(1);
    return jdbc.sql(QUERY.formatted(
            "AND x.allowance_id IN (SELECT id FROM allowance WHERE household_id = :household)",
            "AND a.household_id = :household"))
        .param("month", first).param("household", householdId)
        .query((rs, n) -> entitlement(rs)).optional();
  }

  private static Entitlement entitlement(ResultSet rs) throws SQLException {
    long householdId = rs.getLong("household_id");
    return new Entitlement(householdId, rs.getString("region_code"), rs.getBigDecimal("amount"), decision(rs, householdId));
  }

  private static DecisionReference decision(ResultSet rs, long householdId) throws SQLException {
    Long death = rs.getObject("death_record_id", Long.class);
    if (death != null) {
      return DecisionReference.of("DEATH_RECORD", death);
    }
    Long standard = rs.getObject("allowance_standard_id", Long.class);
    if (standard != null) {
      return DecisionReference.of("ALLOWANCE_STANDARD", standard);
    }
    Long change = rs.getObject("household_change_id", Long.class);
    if (change != null) {
      return DecisionReference.of("HOUSEHOLD_CHANGE", change);
    }
    Long application = rs.getObject("application_id", Long.class);
    if (application != null) {
      return DecisionReference.of("APPLICATION", application);
    }
    return DecisionReference.of("HOUSEHOLD_REGISTRATION", householdId);
  }
}
