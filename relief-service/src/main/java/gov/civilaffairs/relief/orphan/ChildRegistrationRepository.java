package gov.civilaffairs.relief.orphan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Child registrations in table {@code child_registration} (V42 migration). */
@Repository
class ChildRegistrationRepository {

  private final JdbcClient jdbc;

  ChildRegistrationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(ChildRegistration r) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO child_registration (region_code, national_id_number, name, birth_date, kind, cause, cause_details,
          guardian_name, guardian_national_id_number, guardian_relation, registered_on, registered_by, start_month,
          age_end_month, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')""")
        .params(r.regionCode(), r.nationalIdNumber(), r.name(), r.birthDate(), r.kind().name(), r.cause().name(),
            r.causeDetails(), r.guardianName(), r.guardianNationalIdNumber(), r.guardianRelation().name(),
            r.registeredOn(), r.registeredBy(), r.startMonth().toString(), r.ageEndMonth().toString())
        .update(key);
    return key.getKey().longValue();
  }

  Optional<ChildRegistration> find(long id, boolean forUpdate) {
    return jdbc.sql("SELECT * FROM child_registration WHERE id = ?" + (forUpdate ? " FOR UPDATE" : "")).param(id)
        .query((rs, n) -> registration(rs)).optional();
  }

  /** The child's active registrations, locked. */
  List<Long> active(String nationalIdNumber) {
    return jdbc.sql("SELECT id FROM child_registration WHERE national_id_number = ? AND status = 'ACTIVE' FOR UPDATE")
        .param(nationalIdNumber).query(Long.class).list();
  }

  List<ChildRegistration> list(RegionScope area, ChildRegistration.Kind kind, int page, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM child_registration WHERE " + within.sql()
            + (kind == null ? "" : " AND kind = '" + kind.name() + "'") + " ORDER BY id LIMIT ? OFFSET ?")
        .params(within.parameters()).param(size).param(page * size).query((rs, n) -> registration(rs)).list();
  }

  /** Registrations paid for {@code month} (start, 18th birthday and early end), ordered by id. */
  List<ChildRegistration> paidFor(YearMonth month) {
    String m = month.toString();
    return jdbc.sql("""
        SELECT * FROM child_registration WHERE start_month <= ? AND age_end_month >= ?
          AND (end_month IS NULL OR end_month >= ?) ORDER BY id""")
        .params(m, m, m).query((rs, n) -> registration(rs)).list();
  }

  void end(long id, YearMonth endMonth, ChildRegistration.EndReason reason, LocalDate on, String reference,
      Long deathRecordId) {
    jdbc.sql("""
        UPDATE child_registration SET status = 'ENDED', end_month = ?, end_reason = ?, ended_on = ?, end_reference = ?,
          end_death_record_id = ? WHERE id = ?""")
        .params(endMonth.toString(), reason.name(), on, reference, deathRecordId, id).update();
  }

  static ChildRegistration registration(ResultSet rs) throws SQLException {
    return new ChildRegistration(rs.getLong("id"), rs.getString("region_code"), rs.getString("national_id_number"),
        rs.getString("name"), rs.getObject("birth_date", LocalDate.class),
        ChildRegistration.Kind.valueOf(rs.getString("kind")), ChildRegistration.Cause.valueOf(rs.getString("cause")),
        rs.getString("cause_details"), rs.getString("guardian_name"), rs.getString("guardian_national_id_number"),
        ChildRegistration.GuardianRelation.valueOf(rs.getString("guardian_relation")),
        rs.getObject("registered_on", LocalDate.class), rs.getString("registered_by"),
        YearMonth.parse(rs.getString("start_month")), YearMonth.parse(rs.getString("age_end_month")),
        ChildRegistration.Status.valueOf(rs.getString("status")),
        rs.getString("end_month") == null ? null : YearMonth.parse(rs.getString("end_month")),
        rs.getString("end_reason") == null ? null : ChildRegistration.EndReason.valueOf(rs.getString("end_reason")),
        rs.getObject("ended_on", LocalDate.class), rs.getString("end_reference"),
        rs.getObject("end_death_record_id", Long.class));
  }
}
