package gov.civilaffairs.relief.death;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Processed events, the state of each death record seen, and the benefit changes (V4 migration). */
@Repository
class DeathEventRepository {

  /** A death record as this service applied it. */
  record DeathRecordState(long deathRecordId, String nationalIdNumber, YearMonth lastPaidMonth, boolean revoked) {
  }

  private final JdbcClient jdbc;

  DeathEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records an event as processed; false if it already was (a redelivery). */
  boolean markProcessed(UUID eventId, String eventType) {
    return jdbc.sql("INSERT IGNORE INTO processed_event (event_id, event_type) VALUES (?, ?)")
        .params(eventId.toString(), eventType).update() > 0;
  }

  Optional<DeathRecordState> findDeathRecord(long deathRecordId) {
    return jdbc.sql("SELECT * FROM death_record WHERE death_record_id = ?").param(deathRecordId)
        .query((rs, n) -> {
          LocalDate endMonth = rs.getObject("end_month", LocalDate.class);
          return new DeathRecordState(deathRecordId, rs.getString("national_id_number"),
              endMonth == null ? null : YearMonth.from(endMonth), "REVOKED".equals(rs.getString("status")));
        })
        .optional();
  }

  void insertApplied(long deathRecordId, String nationalIdNumber, LocalDate dateOfDeath, YearMonth lastPaidMonth) {
    jdbc.sql("""
        INSERT INTO death_record (death_record_id, national_id_number, date_of_death, end_month, status)
        VALUES (?, ?, ?, ?, 'APPLIED')""")
        .params(deathRecordId, nationalIdNumber, dateOfDeath, lastPaidMonth.atDay(1)).update();
  }

  /** A revocation that arrived before its death: the record is never applied. */
  void insertRevoked(long deathRecordId) {
    jdbc.sql("INSERT INTO death_record (death_record_id, status) VALUES (?, 'REVOKED')").param(deathRecordId).update();
  }

  void markRevoked(long deathRecordId) {
    jdbc.sql("UPDATE death_record SET status = 'REVOKED' WHERE death_record_id = ?").param(deathRecordId).update();
  }

  void insertChange(long householdId, String nationalIdNumber, long deathRecordId, UUID eventId, ChangeType type,
      String detail) {
    jdbc.sql("""
        INSERT INTO benefit_change (household_id, national_id_number, death_record_id, event_id, change_type, detail)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(householdId, nationalIdNumber, deathRecordId, eventId.toString(), type.name(), detail).update();
  }

  List<BenefitChange> findChangesOfHousehold(long householdId) {
    return jdbc.sql("SELECT * FROM benefit_change WHERE household_id = ? ORDER BY id").param(householdId)
        .query((rs, n) -> change(rs)).list();
  }

  List<BenefitChange> findChangesOfPerson(String nationalIdNumber) {
    return jdbc.sql("""
        SELECT c.* FROM benefit_change c JOIN household_member m ON m.household_id = c.household_id
        WHERE m.national_id_number = ? ORDER BY c.id""")
        .param(nationalIdNumber).query((rs, n) -> change(rs)).list();
  }

  private static BenefitChange change(ResultSet rs) throws SQLException {
    return new BenefitChange(rs.getLong("id"), rs.getLong("household_id"), rs.getString("national_id_number"),
        rs.getLong("death_record_id"), UUID.fromString(rs.getString("event_id")),
        ChangeType.valueOf(rs.getString("change_type")), rs.getString("detail"),
        rs.getObject("recorded_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
  }
}
