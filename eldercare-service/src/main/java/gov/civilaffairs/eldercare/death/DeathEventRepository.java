package gov.civilaffairs.eldercare.death;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import gov.civilaffairs.eldercare.person.PersonDeath;
import gov.civilaffairs.platform.kafka.ProcessedEvents;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code processed_event}, {@code death_record} and {@code benefit_change}; times are UTC. */
@Repository
class DeathEventRepository {

  /** The state of a death record as this service applied it. */
  enum DeathRecordState {
    APPLIED, REVOKED
  }

  private static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
      .withZone(ZoneOffset.UTC);

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final ProcessedEvents processed;

  DeathEventRepository(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.processed = new ProcessedEvents(batches);
  }

  /** Which of {@code eventIds} were applied before: one query for a whole poll. */
  Set<UUID> processedAmong(Collection<UUID> eventIds) {
    return processed.among(eventIds);
  }

  /** Records events as applied, in one JDBC batch ({@link ProcessedEvents#recordAll}). */
  void markAllProcessed(List<Map.Entry<UUID, String>> events, Instant now) {
    processed.recordAll(events, now);
  }

  /** The state of each of {@code deathRecordIds} held here; records never seen are absent. */
  Map<Long, DeathRecordState> statesOf(Collection<Long> deathRecordIds) {
    if (deathRecordIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, DeathRecordState> states = new HashMap<>();
    jdbc.sql("SELECT death_record_id, status FROM death_record WHERE death_record_id IN (:ids)")
        .param("ids", deathRecordIds)
        .query((rs, row) -> states.put(rs.getLong(1), DeathRecordState.valueOf(rs.getString(2)))).list();
    return states;
  }

  /** {@link #markRevoked} for each of {@code deathRecordIds}, in one JDBC batch. */
  void markAllRevoked(Collection<Long> deathRecordIds) {
    batches.batchUpdate("""
        INSERT INTO death_record (death_record_id, status) VALUES (?, 'REVOKED')
        ON DUPLICATE KEY UPDATE status = 'REVOKED'""",
        deathRecordIds.stream().map(id -> new Object[] {id}).toList());
  }

  boolean isProcessed(UUID eventId) {
    return jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(eventId.toString())
        .query(Integer.class).single() > 0;
  }

  /** Records the event as applied; a concurrent second delivery breaks the primary key and rolls back. */
  void markProcessed(UUID eventId, String type, Instant now) {
    jdbc.sql("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?)")
        .params(eventId.toString(), type, utc(now)).update();
  }

  Optional<DeathRecordState> stateOf(long deathRecordId) {
    return jdbc.sql("SELECT status FROM death_record WHERE death_record_id = ?").param(deathRecordId)
        .query(String.class).optional().map(DeathRecordState::valueOf);
  }

  /** The person a death record was applied to, if it was applied here. */
  Optional<Long> personOf(long deathRecordId) {
    return jdbc.sql("SELECT person_id FROM death_record WHERE death_record_id = ? AND person_id IS NOT NULL")
        .param(deathRecordId).query(Long.class).optional();
  }

  void insertApplied(long deathRecordId, long personId, LocalDate dateOfDeath) {
    jdbc.sql("INSERT INTO death_record (death_record_id, person_id, date_of_death, status) VALUES (?, ?, ?, 'APPLIED')")
        .params(deathRecordId, personId, dateOfDeath).update();
  }

  /** {@link #insertApplied} for each death, in one JDBC batch (one multi-row INSERT). */
  void insertAllApplied(List<PersonDeath> deaths) {
    batches.batchUpdate("""
        INSERT INTO death_record (death_record_id, person_id, date_of_death, status) VALUES (?, ?, ?, 'APPLIED')""",
        deaths.stream().map(death -> new Object[] {death.deathRecordId(), death.person().id(), death.dateOfDeath()})
            .toList());
  }

  /** Marks the record REVOKED, remembering it even if it was never applied here. */
  void markRevoked(long deathRecordId) {
    jdbc.sql("""
        INSERT INTO death_record (death_record_id, status) VALUES (?, 'REVOKED')
        ON DUPLICATE KEY UPDATE status = 'REVOKED'""").param(deathRecordId).update();
  }

  /** A benefit change of a person, to be written with others. */
  record PersonChange(long personId, BenefitChange change) {
  }

  /** The changes in their order (ids ascending), as one JDBC batch. */
  void insertChanges(List<PersonChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    batches.batchUpdate("""
        INSERT INTO benefit_change (person_id, benefit, change_kind, detail, death_record_id, event_id, changed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", changes.stream().map(c -> new Object[] {c.personId(),
        c.change().benefit().name(), c.change().change().name(), c.change().detail(), c.change().deathRecordId(),
        c.change().eventId().toString(), utc(c.change().changedAt())}).toList());
  }

  void insertChange(long personId, BenefitChange change) {
    insertChanges(List.of(new PersonChange(personId, change)));
  }

  /**
   * An instant as UTC text with microseconds: MySQL Connector/J takes MariaDB 10.x (handshake "5.5.5-10.x")
   * for MySQL 5.5, which had no fractional seconds, and drops the fraction of a date-time parameter; text
   * keeps it (the session time zone is UTC; column precision DATETIME(3)).
   */
  private static String utc(Instant instant) {
    return UTC_MICROS.format(instant);
  }

  List<BenefitChange> changesOf(long personId) {
    return jdbc.sql("SELECT * FROM benefit_change WHERE person_id = ? ORDER BY id").param(personId)
        .query((rs, row) -> new BenefitChange(
            BenefitChange.Benefit.valueOf(rs.getString("benefit")),
            BenefitChange.Change.valueOf(rs.getString("change_kind")),
            rs.getString("detail"),
            rs.getLong("death_record_id"),
            UUID.fromString(rs.getString("event_id")),
            rs.getObject("changed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
        .list();
  }
}
