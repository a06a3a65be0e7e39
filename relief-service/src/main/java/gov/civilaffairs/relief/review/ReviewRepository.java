package gov.civilaffairs.relief.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Reviews and member changes in table {@code household_change} (V12 migration). */
@Repository
class ReviewRepository {

  private final JdbcClient jdbc;

  ReviewRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(HouseholdChange c) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO household_change (household_id, kind, recorded_on, changed_on, from_month, national_id_number,
          member_name, monthly_income_before, monthly_income_after, members_before, members_after, amount_before,
          amount_after, outcome, findings, actor)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(c.householdId(), c.kind().name(), c.recordedOn(), c.changedOn(), c.fromMonth().atDay(1),
            c.nationalIdNumber(), c.memberName(), c.monthlyIncomeBefore(), c.monthlyIncomeAfter(), c.membersBefore(),
            c.membersAfter(), c.amountBefore(), c.amountAfter(), c.outcome().name(), c.findings(), c.actor())
        .update(key);
    return key.getKey().longValue();
  }

  List<HouseholdChange> ofHousehold(long householdId) {
    return jdbc.sql("SELECT * FROM household_change WHERE household_id = ? ORDER BY id").param(householdId)
        .query((rs, n) -> change(rs)).list();
  }

  HouseholdChange find(long id) {
    return jdbc.sql("SELECT * FROM household_change WHERE id = ?").param(id).query((rs, n) -> change(rs)).single();
  }

  private static HouseholdChange change(ResultSet rs) throws SQLException {
    return new HouseholdChange(rs.getLong("id"), rs.getLong("household_id"),
        HouseholdChange.Kind.valueOf(rs.getString("kind")), rs.getObject("recorded_on", LocalDate.class),
        rs.getObject("changed_on", LocalDate.class), YearMonth.from(rs.getObject("from_month", LocalDate.class)),
        rs.getString("national_id_number"), rs.getString("member_name"), rs.getBigDecimal("monthly_income_before"),
        rs.getBigDecimal("monthly_income_after"), rs.getInt("members_before"), rs.getInt("members_after"),
        rs.getBigDecimal("amount_before"), rs.getBigDecimal("amount_after"),
        HouseholdChange.Outcome.valueOf(rs.getString("outcome")), rs.getString("findings"), rs.getString("actor"),
        rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
  }
}
