package gov.civilaffairs.registry.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import gov.civilaffairs.registry.death.RegistrationOutcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Imports and their per-row results (tables death_import, death_import_row). */
@Repository
class ImportRepository {

  /** The stored result of one row. */
  record RowResult(int rowNo, RegistrationOutcome outcome, Long deathRecordId, String reason) {
  }

  /** An import's header. */
  record DeathImport(long id, String fileName, Instant receivedAt, Instant completedAt, int rowCount) {
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  ImportRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  long start(String fileName, Instant now) {
    var key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO death_import (file_name, received_at) VALUES (?, ?)")
        .params(fileName, Timestamp.from(now)).update(key);
    return key.getKey().longValue();
  }

  void complete(long importId, int rowCount, Instant now) {
    jdbc.sql("UPDATE death_import SET completed_at = ?, row_count = ? WHERE id = ?")
        .params(Timestamp.from(now), rowCount, importId).update();
  }

  /** Stores a chunk's results in one batch. */
  void saveRows(long importId, List<RowResult> rows) {
    batch.batchUpdate("INSERT INTO death_import_row (import_id, row_no, outcome, death_record_id, reason) VALUES (?, ?, ?, ?, ?)",
        rows, rows.size(), (ps, r) -> {
          ps.setLong(1, importId);
          ps.setInt(2, r.rowNo());
          ps.setString(3, r.outcome().name());
          ps.setObject(4, r.deathRecordId());
          ps.setString(5, r.reason());
        });
  }

  Optional<DeathImport> find(long importId) {
    return jdbc.sql("SELECT * FROM death_import WHERE id = ?").param(importId).query(DeathImport.class).optional();
  }

  Map<RegistrationOutcome, Long> countByOutcome(long importId) {
    Map<RegistrationOutcome, Long> counts = new TreeMap<>();
    for (RegistrationOutcome outcome : RegistrationOutcome.values()) {
      counts.put(outcome, 0L);
    }
    jdbc.sql("SELECT outcome, COUNT(*) FROM death_import_row WHERE import_id = ? GROUP BY outcome").param(importId)
        .query((rs, n) -> counts.put(RegistrationOutcome.valueOf(rs.getString(1)), rs.getLong(2))).list();
    return counts;
  }

  /** A page of row results in row order (ORDER BY ends in the primary key). */
  List<RowResult> findRows(long importId, int limit, long offset) {
    return jdbc.sql("""
        SELECT row_no, outcome, death_record_id, reason FROM death_import_row
        WHERE import_id = ? ORDER BY import_id, row_no LIMIT ? OFFSET ?""")
        .params(importId, limit, offset).query(RowResult.class).list();
  }
}
