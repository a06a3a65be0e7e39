package gov.civilaffairs.relief.extremepoverty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.relief.allowance.Area;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Extreme-poverty cases in table {@code extreme_poverty_case} (V40 migration). */
@Repository
class ExtremePovertyRepository {

  /** Statuses of a case that still counts as covering the person (open or supported). */
  static final String OPEN_OR_SUPPORTED = "('TOWNSHIP_REVIEW', 'COUNTY_DETERMINATION', 'SUPPORTED')";

  private final JdbcClient jdbc;

  ExtremePovertyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(ExtremePovertyCase c) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO extreme_poverty_case (region_code, national_id_number, name, area, circumstances, status,
          applied_on, created_by, township_review_due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(c.regionCode(), c.nationalIdNumber(), c.name(), c.area().name(), c.circumstances(),
            c.status().name(), c.appliedOn(), c.createdBy(), c.townshipReviewDueOn())
        .update(key);
    return key.getKey().longValue();
  }

  Optional<ExtremePovertyCase> find(long id, boolean forUpdate) {
    return jdbc.sql("SELECT * FROM extreme_poverty_case WHERE id = ?" + (forUpdate ? " FOR UPDATE" : "")).param(id)
        .query((rs, n) -> extremePovertyCase(rs)).optional();
  }

  List<ExtremePovertyCase> list(RegionScope area, ExtremePovertyCase.Status status, int page, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM extreme_poverty_case WHERE " + within.sql()
            + (status == null ? "" : " AND status = '" + status.name() + "'") + " ORDER BY id LIMIT ? OFFSET ?")
        .params(within.parameters()).param(size).param(page * size).query((rs, n) -> extremePovertyCase(rs)).list();
  }

  /** The person's open or supported extreme-poverty cases, locked (the one-case-per-person check). */
  List<Long> openOrSupported(List<String> nationalIdNumbers) {
    return jdbc.sql("SELECT id FROM extreme_poverty_case WHERE national_id_number IN (:numbers) AND status IN "
            + OPEN_OR_SUPPORTED + " ORDER BY id FOR UPDATE")
        .param("numbers", nationalIdNumbers).query(Long.class).list();
  }

  /** Numbers among the given ones with an open or supported extreme-poverty case. */
  List<String> coveredIdNumbers(List<String> nationalIdNumbers) {
    return jdbc.sql("SELECT DISTINCT national_id_number FROM extreme_poverty_case WHERE national_id_number IN "
            + "(:numbers) AND status IN " + OPEN_OR_SUPPORTED)
        .param("numbers", nationalIdNumbers).query(String.class).list();
  }

  /**
   * Whether the person is a living member of a household whose minimum living allowance is active (tables of
   * the allowance package, V2): a person is not both in an allowance household and an extreme-poverty person.
   */
  boolean inActiveAllowanceHousehold(String nationalIdNumber) {
    return jdbc.sql("""
        SELECT COUNT(*) FROM household_member m JOIN allowance a ON a.household_id = m.household_id
        WHERE m.national_id_number = ? AND m.deceased_death_record_id IS NULL AND a.status = 'ACTIVE'""")
        .param(nationalIdNumber).query(Long.class).single() > 0;
  }

  /** Cases whose support is paid for {@code month} (determined, started, not ended before it), ordered by id. */
  List<ExtremePovertyCase> paidFor(YearMonth month) {
    String m = month.toString();
    return jdbc.sql("""
        SELECT * FROM extreme_poverty_case WHERE status IN ('SUPPORTED', 'ENDED') AND start_month <= ?
          AND (end_month IS NULL OR end_month >= ?) ORDER BY id""")
        .params(m, m).query((rs, n) -> extremePovertyCase(rs)).list();
  }

  void townshipReview(long id, boolean noWorkAbility, boolean noIncomeSource, boolean noAbleSupporter,
      String findings, LocalDate on, String by, LocalDate determinationDueOn) {
    jdbc.sql("""
        UPDATE extreme_poverty_case SET status = 'COUNTY_DETERMINATION', no_work_ability = ?, no_income_source = ?,
          no_able_supporter = ?, township_findings = ?, township_reviewed_on = ?, township_reviewed_by = ?,
          determination_due_on = ? WHERE id = ?""")
        .params(noWorkAbility, noIncomeSource, noAbleSupporter, findings, on, by, determinationDueOn, id).update();
  }

  void determine(long id, ExtremePovertyCase.SupportMode mode, ExtremePovertyCase.CareLevel level, LocalDate on,
      String by, YearMonth startMonth) {
    jdbc.sql("""
        UPDATE extreme_poverty_case SET status = 'SUPPORTED', support_mode = ?, care_level = ?, decided_on = ?,
          decided_by = ?, start_month = ? WHERE id = ?""")
        .params(mode.name(), level.name(), on, by, startMonth.toString(), id).update();
  }

  void supportMode(long id, ExtremePovertyCase.SupportMode mode) {
    jdbc.sql("UPDATE extreme_poverty_case SET support_mode = ? WHERE id = ?").params(mode.name(), id).update();
  }

  void refuse(long id, String reason, LocalDate on, String by) {
    jdbc.sql("""
        UPDATE extreme_poverty_case SET status = 'REFUSED', refusal_reason = ?, decided_on = ?, decided_by = ?
        WHERE id = ?""")
        .params(reason, on, by, id).update();
  }

  static ExtremePovertyCase extremePovertyCase(ResultSet rs) throws SQLException {
    return new ExtremePovertyCase(rs.getLong("id"), rs.getString("region_code"), rs.getString("national_id_number"),
        rs.getString("name"), Area.valueOf(rs.getString("area")), rs.getString("circumstances"),
        ExtremePovertyCase.Status.valueOf(rs.getString("status")), rs.getObject("applied_on", LocalDate.class),
        rs.getString("created_by"), rs.getObject("no_work_ability", Boolean.class),
        rs.getObject("no_income_source", Boolean.class), rs.getObject("no_able_supporter", Boolean.class),
        rs.getString("township_findings"), rs.getObject("township_reviewed_on", LocalDate.class),
        rs.getString("township_reviewed_by"),
        rs.getString("support_mode") == null ? null
            : ExtremePovertyCase.SupportMode.valueOf(rs.getString("support_mode")),
        rs.getString("care_level") == null ? null : ExtremePovertyCase.CareLevel.valueOf(rs.getString("care_level")),
        rs.getObject("decided_on", LocalDate.class), rs.getString("decided_by"), rs.getString("refusal_reason"),
        month(rs.getString("start_month")), month(rs.getString("end_month")), rs.getString("end_reason"),
        rs.getObject("end_death_record_id", Long.class), rs.getObject("township_review_due_on", LocalDate.class),
        rs.getObject("determination_due_on", LocalDate.class));
  }

  private static YearMonth month(String value) {
    return value == null ? null : YearMonth.parse(value);
  }
}
