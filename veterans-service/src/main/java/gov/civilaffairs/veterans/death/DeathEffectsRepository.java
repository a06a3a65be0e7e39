package gov.civilaffairs.veterans.death;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import gov.civilaffairs.platform.kafka.ProcessedEvents;
import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code processed_event}, {@code death_record}, {@code benefit_grant}, {@code caseworker_task}
 * and {@code benefit_change}. Instants are stored in UTC.
 */
@Repository
class DeathEffectsRepository {

  private static final String GRANT_COLUMNS =
      "id, entitled_person_id, death_record_id, kind, amount, basis, status, granted_at, paid_at";
  private static final String TASK_COLUMNS = "id, entitled_person_id, death_record_id, kind, status, opened_at, "
      + "closed_at, outcome, survivor_person_id, note, closed_by";
  private static final String CHANGE_COLUMNS = "id, entitled_person_id, death_record_id, event_id, change_type, "
      + "subject, subject_id, amount, detail, changed_at";

  private static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
      .withZone(ZoneOffset.UTC);

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final ProcessedEvents processed;

  DeathEffectsRepository(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.processed = new ProcessedEvents(batches);
  }

  /** Which of {@code eventIds} were processed before: one query for a whole poll. */
  Set<UUID> processedAmong(Collection<UUID> eventIds) {
    return processed.among(eventIds);
  }

  /** {@link #markProcessed} for many events in one JDBC batch ({@link ProcessedEvents#recordAll}). */
  void markAllProcessed(List<Map.Entry<UUID, String>> events, Instant now) {
    processed.recordAll(events, now);
  }

  /**
   * The status of each of {@code deathRecordIds} held here (records never seen are absent). Not locked: a
   * record's events come on one partition (key: the person), so one consumer thread; locking the gaps of
   * hundreds of absent keys would make the consumers of other partitions wait for each other's inserts.
   */
  Map<Long, DeathRecordStatus> statusesOf(Collection<Long> deathRecordIds) {
    if (deathRecordIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, DeathRecordStatus> statuses = new HashMap<>();
    jdbc.sql("SELECT death_record_id, status FROM death_record WHERE death_record_id IN (:ids)")
        .param("ids", deathRecordIds)
        .query((rs, row) -> statuses.put(rs.getLong(1), DeathRecordStatus.valueOf(rs.getString(2)))).list();
    return statuses;
  }

  /**
   * Remembers each of {@code deathRecordIds}, none applied here, as revoked, in one JDBC batch: what
   * {@link #saveDeathRecord} does for a revocation of a record not applied here (a new row without a person,
   * or the status and time of the existing row).
   */
  void markAllRevoked(Collection<Long> deathRecordIds, Instant now) {
    String at = utc(now);
    batches.batchUpdate("""
        INSERT INTO death_record (death_record_id, entitled_person_id, date_of_death, status, updated_at)
        VALUES (?, NULL, NULL, 'REVOKED', ?)
        ON DUPLICATE KEY UPDATE status = VALUES(status), updated_at = VALUES(updated_at)""",
        deathRecordIds.stream().map(id -> new Object[] {id, at}).toList());
  }

  boolean isProcessed(UUID eventId) {
    return jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(eventId.toString())
        .query(Integer.class).single() > 0;
  }

  /** Fails with a duplicate key if the event was recorded meanwhile: the transaction then rolls back. */
  void markProcessed(UUID eventId, String type, Instant now) {
    jdbc.sql("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?)")
        .params(eventId.toString(), type, utc(now)).update();
  }

  Optional<DeathRecordState> findDeathRecord(long deathRecordId) {
    return jdbc.sql("SELECT death_record_id, entitled_person_id, status FROM death_record WHERE death_record_id = ? FOR UPDATE")
        .param(deathRecordId)
        .query((rs, row) -> new DeathRecordState(rs.getLong("death_record_id"),
            rs.getObject("entitled_person_id", Long.class), DeathRecordStatus.valueOf(rs.getString("status"))))
        .optional();
  }

  void saveDeathRecord(long deathRecordId, Long personId, LocalDate dateOfDeath, DeathRecordStatus status, Instant now) {
    jdbc.sql("""
        INSERT INTO death_record (death_record_id, entitled_person_id, date_of_death, status, updated_at)
        VALUES (?, ?, ?, ?, ?)
        ON DUPLICATE KEY UPDATE status = VALUES(status), updated_at = VALUES(updated_at)""")
        .params(deathRecordId, personId, dateOfDeath, status.name(), utc(now)).update();
  }

  long insertGrant(long personId, long deathRecordId, GrantKind kind, Award award, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO benefit_grant (entitled_person_id, death_record_id, kind, amount, basis, status, granted_at)
        VALUES (?, ?, ?, ?, ?, 'DUE', ?)""")
        .params(personId, deathRecordId, kind.name(), award.amount(), fit(award.basis()), utc(now)).update(key);
    return key.getKey().longValue();
  }

  Optional<Grant> findGrant(long id, boolean forUpdate) {
    return jdbc.sql("SELECT " + GRANT_COLUMNS + " FROM benefit_grant WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))
        .param(id).query(DeathEffectsRepository::grant).optional();
  }

  List<Grant> grantsOfPerson(long personId) {
    return jdbc.sql("SELECT " + GRANT_COLUMNS + " FROM benefit_grant WHERE entitled_person_id = ? ORDER BY id")
        .param(personId).query(DeathEffectsRepository::grant).list();
  }

  List<Grant> grantsOfDeathRecord(long deathRecordId) {
    return jdbc.sql("SELECT " + GRANT_COLUMNS + " FROM benefit_grant WHERE death_record_id = ? ORDER BY id FOR UPDATE")
        .param(deathRecordId).query(DeathEffectsRepository::grant).list();
  }

  void updateGrant(long id, GrantStatus status, Instant paidAt) {
    jdbc.sql("UPDATE benefit_grant SET status = ?, paid_at = COALESCE(?, paid_at) WHERE id = ?")
        .params(status.name(), paidAt == null ? null : utc(paidAt), id).update();
  }

  long openTask(long personId, long deathRecordId, String kind, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO caseworker_task (entitled_person_id, death_record_id, kind, status, opened_at)
        VALUES (?, ?, ?, 'OPEN', ?)""").params(personId, deathRecordId, kind, utc(now)).update(key);
    return key.getKey().longValue();
  }

  List<CaseworkerTask> openTasksOfDeathRecord(long deathRecordId) {
    return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM caseworker_task WHERE death_record_id = ? AND status = 'OPEN' ORDER BY id")
        .param(deathRecordId).query(DeathEffectsRepository::task).list();
  }

  /** A page of tasks of persons registered within {@code area} (filtered in SQL), by id. */
  List<CaseworkerTask> tasks(String status, RegionScope area, int offset, int limit) {
    RegionScope.SqlPredicate within = area.sqlPredicate("p.region_code");
    List<Object> parameters = new ArrayList<>();
    if (status != null) {
      parameters.add(status);
    }
    parameters.addAll(within.parameters());
    parameters.add(limit);
    parameters.add(offset);
    return jdbc.sql("SELECT t.id, t.entitled_person_id, t.death_record_id, t.kind, t.status, t.opened_at, t.closed_at, "
            + "t.outcome, t.survivor_person_id, t.note, t.closed_by FROM caseworker_task t JOIN entitled_person p ON p.id = t.entitled_person_id WHERE "
            + (status == null ? "" : "t.status = ? AND ") + within.sql() + " ORDER BY t.id LIMIT ? OFFSET ?")
        .params(parameters)
        .query(DeathEffectsRepository::task).list();
  }

  Optional<CaseworkerTask> findTask(long id, boolean forUpdate) {
    return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM caseworker_task WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))
        .param(id).query(DeathEffectsRepository::task).optional();
  }

  List<CaseworkerTask> completedTasksOfDeathRecord(long deathRecordId) {
    return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM caseworker_task WHERE death_record_id = ? AND status = 'COMPLETED' "
            + "ORDER BY id").param(deathRecordId).query(DeathEffectsRepository::task).list();
  }

  void completeTask(long id, TaskOutcome outcome, Long survivorPersonId, String note, String closedBy, Instant now) {
    jdbc.sql("""
        UPDATE caseworker_task SET status = 'COMPLETED', outcome = ?, survivor_person_id = ?, note = ?, closed_by = ?,
          closed_at = ?
        WHERE id = ?""").params(outcome.name(), survivorPersonId, note, closedBy, utc(now), id).update();
  }

  void closeTask(long id, Instant now) {
    jdbc.sql("UPDATE caseworker_task SET status = 'CLOSED', closed_at = ? WHERE id = ?").params(utc(now), id).update();
  }

  void insertChange(long personId, long deathRecordId, UUID eventId, ChangeType type, String subject, long subjectId,
      BigDecimal amount, String detail, Instant now) {
    jdbc.sql("""
        INSERT INTO benefit_change (entitled_person_id, death_record_id, event_id, change_type, subject, subject_id,
          amount, detail, changed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(personId, deathRecordId, eventId.toString(), type.name(), subject, subjectId, amount, fit(detail), utc(now))
        .update();
  }

  List<BenefitChange> changesOfPerson(long personId) {
    return jdbc.sql("SELECT " + CHANGE_COLUMNS + " FROM benefit_change WHERE entitled_person_id = ? ORDER BY id")
        .param(personId)
        .query((rs, row) -> new BenefitChange(rs.getLong("id"), rs.getLong("entitled_person_id"),
            rs.getLong("death_record_id"), UUID.fromString(rs.getString("event_id")),
            ChangeType.valueOf(rs.getString("change_type")), rs.getString("subject"), rs.getLong("subject_id"),
            rs.getBigDecimal("amount"), rs.getString("detail"), instant(rs, "changed_at")))
        .list();
  }

  /** This service's state of one death record; {@code entitledPersonId} is null if it was revoked before being seen. */
  record DeathRecordState(long deathRecordId, Long entitledPersonId, DeathRecordStatus status) {
  }

  private static Grant grant(ResultSet rs, int row) throws SQLException {
    return new Grant(rs.getLong("id"), rs.getLong("entitled_person_id"), rs.getLong("death_record_id"),
        GrantKind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"), rs.getString("basis"),
        GrantStatus.valueOf(rs.getString("status")), instant(rs, "granted_at"), instant(rs, "paid_at"));
  }

  private static CaseworkerTask task(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    return new CaseworkerTask(rs.getLong("id"), rs.getLong("entitled_person_id"), rs.getLong("death_record_id"),
        rs.getString("kind"), rs.getString("status"), instant(rs, "opened_at"), instant(rs, "closed_at"),
        outcome == null ? null : TaskOutcome.valueOf(outcome), rs.getObject("survivor_person_id", Long.class),
        rs.getString("note"), rs.getString("closed_by"));
  }

  /** Text for a VARCHAR(500) column (basis, detail): long document names are cut, never a failed insert. */
  private static String fit(String text) {
    if (text.length() <= 500) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(498)) ? 498 : 499;
    return text.substring(0, end) + "…";
  }

  /**
   * An instant as UTC text with microseconds: MySQL Connector/J takes MariaDB 10.x (handshake "5.5.5-10.x")
   * for MySQL 5.5, which had no fractional seconds, and drops the fraction of a date-time parameter; text
   * keeps it (the session time zone is UTC).
   */
  private static String utc(Instant instant) {
    return UTC_MICROS.format(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
