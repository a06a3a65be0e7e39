package gov.civilaffairs.registry.death;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Death records, their sources and their history (tables death_record, death_record_source, death_record_history).
 *
 * <p>Instants are bound as UTC text with microseconds ({@link #utc}): MySQL Connector/J reads MariaDB 10.x's
 * handshake version "5.5.5-10.x" as MySQL 5.5, which had no fractional seconds, and drops the fraction of a
 * {@code Timestamp} or {@code Instant} parameter; text keeps it (MySQL 8.4 and MariaDB alike; the session
 * time zone is UTC, {@code forceConnectionTimeZoneToSession}).
 */
@Repository
public class DeathRecordRepository {

  /** A source's report, identified by the source and its own reference. */
  public record SourceKey(DeathSource source, String sourceReference) {
  }

  /** A new death record with its first report, for {@link #insertAll}. */
  record NewRecord(Long personId, String nationalIdNumber, String name, LocalDate dateOfDeath, DeathRecordStatus status,
      HoldReason holdReason, DeathReport report) {
  }

  /** A history entry, for {@link #appendHistoryAll}. */
  record NewHistoryEntry(long deathRecordId, String action, String actor, String note) {
  }

  private static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
      .withZone(ZoneOffset.UTC);

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  DeathRecordRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** An instant as the text of a TIMESTAMP(6) value in UTC, e.g. {@code 2026-11-30 04:05:06.123456}. */
  static String utc(Instant instant) {
    return UTC_MICROS.format(instant);
  }

  /**
   * Inserts the records, their first sources, in one JDBC batch each (one multi-row INSERT with
   * {@code rewriteBatchedStatements=true}).
   *
   * @return the new records' ids, in the order given
   */
  List<Long> insertAll(List<NewRecord> records, Instant now) {
    if (records.isEmpty()) {
      return List.of();
    }
    String createdAt = utc(now);
    KeyHolder keys = new GeneratedKeyHolder();
    batch.batchUpdate(connection -> connection.prepareStatement("""
        INSERT INTO death_record (person_id, national_id_number, name, date_of_death, status, hold_reason, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS), new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            NewRecord r = records.get(i);
            ps.setObject(1, r.personId());
            ps.setString(2, r.nationalIdNumber());
            ps.setString(3, r.name());
            ps.setObject(4, r.dateOfDeath());
            ps.setString(5, r.status().name());
            ps.setString(6, r.holdReason() == null ? null : r.holdReason().name());
            ps.setString(7, createdAt);
          }

          @Override
          public int getBatchSize() {
            return records.size();
          }
        }, keys);
    List<Long> ids = new ArrayList<>(records.size());
    keys.getKeyList().forEach(key -> ids.add(((Number) key.values().iterator().next()).longValue()));
    if (ids.size() != records.size()) {
      throw new IllegalStateException("expected " + records.size() + " generated keys, got " + ids.size());
    }
    batch.batchUpdate("""
        INSERT INTO death_record_source (death_record_id, source, source_reference, date_of_death, reported_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            NewRecord r = records.get(i);
            DeathReport report = r.report();
            ps.setLong(1, ids.get(i));
            ps.setString(2, report.source().name());
            ps.setString(3, report.sourceReference());
            ps.setObject(4, r.dateOfDeath());
            ps.setString(5, utc(report.reportedAt() == null ? now : report.reportedAt()));
            ps.setString(6, createdAt);
          }

          @Override
          public int getBatchSize() {
            return records.size();
          }
        });
    return ids;
  }

  /** Appends the entries in one JDBC batch, in the order given (history is read in id order). */
  void appendHistoryAll(List<NewHistoryEntry> entries, Instant now) {
    String occurredAt = utc(now);
    batch.batchUpdate("INSERT INTO death_record_history (death_record_id, action, actor, occurred_at, note) VALUES (?, ?, ?, ?, ?)",
        entries, entries.size(), (ps, e) -> {
          ps.setLong(1, e.deathRecordId());
          ps.setString(2, e.action());
          ps.setString(3, e.actor());
          ps.setString(4, occurredAt);
          ps.setString(5, e.note());
        });
  }

  /**
   * The open records ({@link #findOpenForPerson}) of these persons, the oldest per person, locked. Run
   * READ COMMITTED after locking the persons: no gap locks, so two imports cannot deadlock on them.
   */
  Map<Long, DeathRecord> findOpenForPersons(Collection<Long> personIds) {
    Map<Long, DeathRecord> open = new HashMap<>();
    if (personIds.isEmpty()) {
      return open;
    }
    jdbc.sql("""
        SELECT * FROM death_record WHERE person_id IN (:persons)
          AND (status = 'CONFIRMED' OR (status = 'HELD_FOR_REVIEW' AND hold_reason = 'AWAITING_SECOND_SOURCE'))
        ORDER BY id FOR UPDATE""")
        .param("persons", personIds).query(DeathRecord.class).list()
        .forEach(r -> open.putIfAbsent(r.personId(), r));
    return open;
  }

  long insert(Long personId, String nationalIdNumber, String name, LocalDate dateOfDeath, DeathRecordStatus status,
      HoldReason holdReason, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO death_record (person_id, national_id_number, name, date_of_death, status, hold_reason, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(personId, nationalIdNumber, name, dateOfDeath, status.name(),
            holdReason == null ? null : holdReason.name(), utc(now))
        .update(key);
    return key.getKey().longValue();
  }

  void insertSource(long deathRecordId, DeathReport report, LocalDate dateOfDeath, Instant now) {
    jdbc.sql("""
        INSERT INTO death_record_source (death_record_id, source, source_reference, date_of_death, reported_at, received_at)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(deathRecordId, report.source().name(), report.sourceReference(), dateOfDeath,
            utc(report.reportedAt() == null ? now : report.reportedAt()), utc(now))
        .update();
  }

  void appendHistory(long deathRecordId, String action, String actor, String note, Instant now) {
    jdbc.sql("INSERT INTO death_record_history (death_record_id, action, actor, occurred_at, note) VALUES (?, ?, ?, ?, ?)")
        .params(deathRecordId, action, actor, utc(now), note)
        .update();
  }

  void updateStatus(long id, DeathRecordStatus status, HoldReason holdReason) {
    jdbc.sql("UPDATE death_record SET status = ?, hold_reason = ? WHERE id = ?")
        .params(status.name(), holdReason == null ? null : holdReason.name(), id)
        .update();
  }

  /** The death record a source's report already belongs to, if this report was received before. */
  public Optional<Long> findRecordIdBySource(DeathSource source, String sourceReference) {
    return jdbc.sql("SELECT death_record_id FROM death_record_source WHERE source = ? AND source_reference = ?")
        .params(source.name(), sourceReference).query(Long.class).optional();
  }

  /** The same for a chunk of a bulk import, in one round trip per source kind. */
  public Map<SourceKey, Long> findRecordIdsBySources(Collection<SourceKey> keys) {
    Map<SourceKey, Long> found = new HashMap<>();
    Map<DeathSource, List<String>> bySource = new HashMap<>();
    keys.forEach(k -> bySource.computeIfAbsent(k.source(), s -> new java.util.ArrayList<>()).add(k.sourceReference()));
    bySource.forEach((source, references) -> jdbc.sql("""
            SELECT source_reference, death_record_id FROM death_record_source
            WHERE source = :source AND source_reference IN (:references)""")
        .param("source", source.name()).param("references", references)
        .query((rs, n) -> found.put(new SourceKey(source, rs.getString(1)), rs.getLong(2)))
        .list());
    return found;
  }

  /** The person's death record that a new report joins: a confirmed one, or one awaiting a second source. */
  Optional<DeathRecord> findOpenForPerson(long personId) {
    return jdbc.sql("""
        SELECT * FROM death_record WHERE person_id = ?
          AND (status = 'CONFIRMED' OR (status = 'HELD_FOR_REVIEW' AND hold_reason = 'AWAITING_SECOND_SOURCE'))
        ORDER BY id LIMIT 1 FOR UPDATE""")
        .param(personId).query(DeathRecord.class).optional();
  }

  public Optional<DeathRecord> findById(long id) {
    return jdbc.sql("SELECT * FROM death_record WHERE id = ?").param(id).query(DeathRecord.class).optional();
  }

  Optional<DeathRecord> findByIdForUpdate(long id) {
    return jdbc.sql("SELECT * FROM death_record WHERE id = ? FOR UPDATE").param(id).query(DeathRecord.class).optional();
  }

  public List<DeathRecordSource> findSources(long deathRecordId) {
    return jdbc.sql("""
        SELECT source, source_reference, date_of_death, reported_at, received_at
        FROM death_record_source WHERE death_record_id = ? ORDER BY id""")
        .param(deathRecordId).query(DeathRecordSource.class).list();
  }

  public List<HistoryEntry> findHistory(long deathRecordId) {
    return jdbc.sql("SELECT action, actor, occurred_at, note FROM death_record_history WHERE death_record_id = ? ORDER BY id")
        .param(deathRecordId).query(HistoryEntry.class).list();
  }

  /**
   * The death record if it lies in the caller's area: the region of a death record is the
   * {@code region_code} of its person in the index (户籍所在地). A record without a person of the
   * index has no region and is seen only by city-wide roles ({@link RegionScope#everything()}).
   *
   * @param area the caller's area ({@code Caller.regionScope()})
   * @return empty when there is no such record or it lies outside the area (answer 404 for both)
   */
  public Optional<DeathRecord> findByIdWithin(long id, RegionScope area) {
    RegionScope.SqlPredicate inArea = area.sqlPredicate("p.region_code");
    return jdbc.sql("SELECT d.* FROM death_record d LEFT JOIN person p ON p.id = d.person_id WHERE d.id = ? AND "
            + inArea.sql())
        .param(id).params(inArea.parameters()).query(DeathRecord.class).optional();
  }

  /**
   * A page of the review queue within the caller's area (rule of {@link #findByIdWithin}), oldest
   * first; filtered in SQL, ORDER BY ends in the primary key.
   */
  public List<DeathRecord> findHeld(RegionScope area, int limit, long offset) {
    RegionScope.SqlPredicate inArea = area.sqlPredicate("p.region_code");
    return jdbc.sql("SELECT d.* FROM death_record d LEFT JOIN person p ON p.id = d.person_id "
            + "WHERE d.status = 'HELD_FOR_REVIEW' AND " + inArea.sql() + " ORDER BY d.id LIMIT ? OFFSET ?")
        .params(inArea.parameters()).param(limit).param(offset).query(DeathRecord.class).list();
  }

  /** The number of held records within the caller's area (rule of {@link #findByIdWithin}). */
  public long countHeld(RegionScope area) {
    RegionScope.SqlPredicate inArea = area.sqlPredicate("p.region_code");
    return jdbc.sql("SELECT COUNT(*) FROM death_record d LEFT JOIN person p ON p.id = d.person_id "
            + "WHERE d.status = 'HELD_FOR_REVIEW' AND " + inArea.sql())
        .params(inArea.parameters()).query(Long.class).single();
  }
}
