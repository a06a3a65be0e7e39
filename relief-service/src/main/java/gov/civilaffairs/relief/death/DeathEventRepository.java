package gov.civilaffairs.relief.death;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import gov.civilaffairs.platform.kafka.ProcessedEvents;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Processed events, the state of each death record seen, and the benefit changes (V4 migration). */
@Repository
class DeathEventRepository {

  /** A death record as this service applied it. */
  record DeathRecordState(long deathRecordId, String nationalIdNumber, YearMonth lastPaidMonth, boolean revoked) {
  }

  /** A death record's row as {@link #insertApplied} or {@link #insertRevoked} writes it, for a batch insert. */
  record NewDeathRecord(long deathRecordId, String nationalIdNumber, LocalDate dateOfDeath, YearMonth lastPaidMonth,
      boolean revoked) {
  }

  /** An event to record as processed, for a batch insert. */
  record NewProcessedEvent(UUID eventId, String eventType) {
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final ProcessedEvents processed;

  DeathEventRepository(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.processed = new ProcessedEvents(batches);
  }

  /** Those of {@code eventIds} already in {@code processed_event}; one query. */
  Set<UUID> processedAmong(Collection<UUID> eventIds) {
    return processed.among(eventIds);
  }

  /** The states of those of {@code deathRecordIds} this service has seen, by id; one query. */
  Map<Long, DeathRecordState> findDeathRecords(Collection<Long> deathRecordIds) {
    Map<Long, DeathRecordState> states = new HashMap<>();
    if (!deathRecordIds.isEmpty()) {
      jdbc.sql("SELECT * FROM death_record WHERE death_record_id IN (:ids)").param("ids", deathRecordIds)
          .query((rs, n) -> state(rs.getLong("death_record_id"), rs)).list()
          .forEach(s -> states.put(s.deathRecordId(), s));
    }
    return states;
  }

  /**
   * Records events as processed in one batch statement. A plain INSERT, not INSERT IGNORE: the caller has checked
   * they are new, and an event processed meanwhile by another consumer fails the batch (which is then applied one
   * event at a time) instead of being skipped silently.
   */
  void insertProcessed(List<NewProcessedEvent> processed) {
    if (!processed.isEmpty()) {
      batches.batchUpdate("INSERT INTO processed_event (event_id, event_type) VALUES (?, ?)", processed,
          processed.size(), (ps, e) -> {
            ps.setString(1, e.eventId().toString());
            ps.setString(2, e.eventType());
          });
    }
  }

  /** Inserts death records in one batch statement: the rows {@link #insertApplied} and {@link #insertRevoked} write. */
  void insertDeathRecords(List<NewDeathRecord> records) {
    if (!records.isEmpty()) {
      batches.batchUpdate("""
          INSERT INTO death_record (death_record_id, national_id_number, date_of_death, end_month, status)
          VALUES (?, ?, ?, ?, ?)""", records, records.size(), (ps, r) -> {
            ps.setLong(1, r.deathRecordId());
            ps.setString(2, r.revoked() ? null : r.nationalIdNumber());
            ps.setObject(3, r.revoked() ? null : r.dateOfDeath());
            ps.setObject(4, r.revoked() ? null : r.lastPaidMonth().atDay(1));
            ps.setString(5, r.revoked() ? "REVOKED" : "APPLIED");
          });
    }
  }

  /** Records an event as processed; false if it already was (a redelivery). */
  boolean markProcessed(UUID eventId, String eventType) {
    return jdbc.sql("INSERT IGNORE INTO processed_event (event_id, event_type) VALUES (?, ?)")
        .params(eventId.toString(), eventType).update() > 0;
  }

  Optional<DeathRecordState> findDeathRecord(long deathRecordId) {
    return jdbc.sql("SELECT * FROM death_record WHERE death_record_id = ?").param(deathRecordId)
        .query((rs, n) -> state(deathRecordId, rs)).optional();
  }

  private static DeathRecordState state(long deathRecordId, ResultSet rs) throws SQLException {
    LocalDate endMonth = rs.getObject("end_month", LocalDate.class);
    return new DeathRecordState(deathRecordId, rs.getString("national_id_number"),
        endMonth == null ? null : YearMonth.from(endMonth), "REVOKED".equals(rs.getString("status")));
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

  /** A {@code benefit_change} row waiting for {@link #insertChanges}. */
  record NewChange(long householdId, String nationalIdNumber, long deathRecordId, UUID eventId, ChangeType type,
      String detail) {
  }

  /** Inserts changes in one batch statement, in their order (ids follow it). */
  void insertChanges(List<NewChange> changes) {
    if (!changes.isEmpty()) {
      batches.batchUpdate("""
          INSERT INTO benefit_change (household_id, national_id_number, death_record_id, event_id, change_type, detail)
          VALUES (?, ?, ?, ?, ?, ?)""", changes, changes.size(), (ps, c) -> {
            ps.setLong(1, c.householdId());
            ps.setString(2, c.nationalIdNumber());
            ps.setLong(3, c.deathRecordId());
            ps.setString(4, c.eventId().toString());
            ps.setString(5, c.type().name());
            ps.setString(6, c.detail());
          });
    }
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
