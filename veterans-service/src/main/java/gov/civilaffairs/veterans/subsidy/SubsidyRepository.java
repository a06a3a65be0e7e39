package gov.civilaffairs.veterans.subsidy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of {@code subsidy}. Instants are stored in UTC. */
@Repository
class SubsidyRepository {

  private static final String COLUMNS = "id, entitled_person_id, type, cause_date, amount, reason, status, "
      + "requested_by, requested_at, approved_by, approved_at, paid_at";

  private final JdbcClient jdbc;

  SubsidyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a subsidy; a second one for the same person, type and date fails with DuplicateKeyException. */
  long insert(NewSubsidy subsidy, long personId, SubsidyStatus status, String requestedBy, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    boolean approved = status == SubsidyStatus.APPROVED;
    jdbc.sql("""
        INSERT INTO subsidy (entitled_person_id, type, cause_date, amount, reason, status, requested_by, requested_at,
          approved_by, approved_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(personId, subsidy.type().name(), subsidy.causeDate(), subsidy.amount(), subsidy.reason(),
            status.name(), requestedBy, utc(now), approved ? requestedBy : null, approved ? utc(now) : null)
        .update(key);
    return key.getKey().longValue();
  }

  /** How many subsidies of the type the person has with a cause date in the calendar year. */
  int countInYear(long personId, SubsidyType type, int year) {
    return jdbc.sql("SELECT COUNT(*) FROM subsidy WHERE entitled_person_id = ? AND type = ? AND cause_date >= ? "
            + "AND cause_date < ?")
        .params(personId, type.name(), LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
        .query(Integer.class).single();
  }

  Optional<Subsidy> find(long id, boolean forUpdate) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM subsidy WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))
        .param(id).query(SubsidyRepository::subsidy).optional();
  }

  List<Subsidy> ofPerson(long personId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM subsidy WHERE entitled_person_id = ? ORDER BY id").param(personId)
        .query(SubsidyRepository::subsidy).list();
  }

  void approve(long id, String approvedBy, Instant now) {
    jdbc.sql("UPDATE subsidy SET status = 'APPROVED', approved_by = ?, approved_at = ? WHERE id = ?")
        .params(approvedBy, utc(now), id).update();
  }

  void markPaid(long id, Instant now) {
    jdbc.sql("UPDATE subsidy SET status = 'PAID', paid_at = ? WHERE id = ?").params(utc(now), id).update();
  }

  private static Subsidy subsidy(ResultSet rs, int row) throws SQLException {
    return new Subsidy(rs.getLong("id"), rs.getLong("entitled_person_id"), SubsidyType.valueOf(rs.getString("type")),
        rs.getObject("cause_date", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("reason"),
        SubsidyStatus.valueOf(rs.getString("status")), rs.getString("requested_by"), instant(rs, "requested_at"),
        rs.getString("approved_by"), instant(rs, "approved_at"), instant(rs, "paid_at"));
  }

  private static LocalDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDateTime();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
