package gov.civilaffairs.relief.temporary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.relief.person.PersonStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Temporary-assistance cases in table {@code temporary_assistance} (V13 migration). */
@Repository
class TemporaryAssistanceRepository {

  private final JdbcClient jdbc;

  TemporaryAssistanceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(TemporaryAssistance c) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO temporary_assistance (region_code, national_id_number, name, kind, cause, circumstances, amount,
          tier, status, registry_status, applied_on, paid_on, approval_due_on, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(c.regionCode(), c.nationalIdNumber(), c.name(), c.kind().name(), c.cause().name(), c.circumstances(),
            c.amount(), c.tier().name(), c.status().name(), c.registryStatus().name(), c.appliedOn(), c.paidOn(),
            c.approvalDueOn(), c.createdBy())
        .update(key);
    return key.getKey().longValue();
  }

  /** The person's cases of that cause applied for after {@code after} and not refused, oldest first. */
  List<TemporaryAssistance> sameCause(String nationalIdNumber, TemporaryAssistance.Cause cause, LocalDate after) {
    return jdbc.sql("""
        SELECT * FROM temporary_assistance WHERE national_id_number = ? AND cause = ? AND applied_on > ?
          AND status <> 'REFUSED' ORDER BY applied_on, id FOR UPDATE""")
        .params(nationalIdNumber, cause.name(), after).query((rs, n) -> assistance(rs)).list();
  }

  Optional<TemporaryAssistance> find(long id, boolean forUpdate) {
    return jdbc.sql("SELECT * FROM temporary_assistance WHERE id = ?" + (forUpdate ? " FOR UPDATE" : "")).param(id)
        .query((rs, n) -> assistance(rs)).optional();
  }

  List<TemporaryAssistance> list(RegionScope area, int page, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM temporary_assistance WHERE " + within.sql() + " ORDER BY id LIMIT ? OFFSET ?")
        .params(within.parameters()).param(size).param(page * size).query((rs, n) -> assistance(rs)).list();
  }

  void decide(long id, TemporaryAssistance.Status status, LocalDate decidedOn, String decidedBy, String reason,
      LocalDate paidOn, boolean recoveryRequired) {
    jdbc.sql("""
        UPDATE temporary_assistance SET status = ?, decided_on = ?, decided_by = ?, decision_reason = ?,
          paid_on = COALESCE(paid_on, ?), recovery_required = ?
        WHERE id = ?""")
        .params(status.name(), decidedOn, decidedBy, reason, paidOn, recoveryRequired, id).update();
  }

  private static TemporaryAssistance assistance(ResultSet rs) throws SQLException {
    return new TemporaryAssistance(rs.getLong("id"), rs.getString("region_code"), rs.getString("national_id_number"),
        rs.getString("name"), TemporaryAssistance.Kind.valueOf(rs.getString("kind")),
        TemporaryAssistance.Cause.valueOf(rs.getString("cause")), rs.getString("circumstances"),
        rs.getBigDecimal("amount"), TemporaryAssistance.Tier.valueOf(rs.getString("tier")),
        TemporaryAssistance.Status.valueOf(rs.getString("status")), PersonStatus.valueOf(rs.getString("registry_status")),
        rs.getObject("applied_on", LocalDate.class), rs.getObject("paid_on", LocalDate.class),
        rs.getObject("approval_due_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class),
        rs.getString("decided_by"), rs.getString("decision_reason"), rs.getBoolean("recovery_required"),
        rs.getString("created_by"), rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
  }
}
