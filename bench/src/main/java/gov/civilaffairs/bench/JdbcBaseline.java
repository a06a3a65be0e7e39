package gov.civilaffairs.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The import's baseline (QUALITY.md, "plain JDBC batch vs the import path"): the rows a confirmed death
 * writes in registry-service (the record, its source, two history entries, an outbox publication, the
 * person's status, the row's result), for the same number of deaths, in chunks of the same size, one
 * transaction per chunk, as plain JDBC batches (Connector/J, {@code rewriteBatchedStatements=true}) into
 * copies of the tables in a scratch schema ({@code bench_baseline}, dropped afterwards), on the same
 * database server. No HTTP, no CSV, no rules, no look-ups, no Kafka: what the database alone costs.
 */
final class JdbcBaseline {

  /** Rows per second and the wall time of one run. */
  record Result(int deaths, double seconds) {
    double perSecond() {
      return deaths / seconds;
    }
  }

  private JdbcBaseline() {
  }

  static Result run(String jdbcUrl, String user, String password, int deaths, int chunk) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl + "?rewriteBatchedStatements=true&connectionTimeZone=UTC"
        + "&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8", user, password);
        Statement ddl = c.createStatement()) {
      ddl.execute("DROP DATABASE IF EXISTS bench_baseline");
      ddl.execute("CREATE DATABASE bench_baseline CHARACTER SET utf8mb4");
      ddl.execute("USE bench_baseline");
      ddl.execute("CREATE TABLE person (id BIGINT PRIMARY KEY, status VARCHAR(10) NOT NULL)");
      ddl.execute("""
          CREATE TABLE death_record (id BIGINT AUTO_INCREMENT PRIMARY KEY, person_id BIGINT, national_id_number CHAR(18),
            name VARCHAR(50), date_of_death DATE, status VARCHAR(16), hold_reason VARCHAR(24), created_at TIMESTAMP(6),
            INDEX (person_id, status))""");
      ddl.execute("""
          CREATE TABLE death_record_source (id BIGINT AUTO_INCREMENT PRIMARY KEY, death_record_id BIGINT, source VARCHAR(24),
            source_reference VARCHAR(64), date_of_death DATE, reported_at TIMESTAMP(6), received_at TIMESTAMP(6),
            UNIQUE (source, source_reference))""");
      ddl.execute("""
          CREATE TABLE death_record_history (id BIGINT AUTO_INCREMENT PRIMARY KEY, death_record_id BIGINT, action VARCHAR(16),
            actor VARCHAR(128), occurred_at TIMESTAMP(6), note VARCHAR(500), INDEX (death_record_id, id))""");
      ddl.execute("""
          CREATE TABLE event_publication (id VARCHAR(36) PRIMARY KEY, listener_id VARCHAR(512), event_type VARCHAR(512),
            serialized_event VARCHAR(4000), publication_date TIMESTAMP(6), status VARCHAR(20))""");
      ddl.execute("""
          CREATE TABLE death_import_row (import_id BIGINT, row_no INT, outcome VARCHAR(16), death_record_id BIGINT,
            reason VARCHAR(500), PRIMARY KEY (import_id, row_no))""");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO person VALUES (?, 'LIVING')")) {
        for (int i = 1; i <= deaths; i++) {
          p.setLong(1, i);
          p.addBatch();
        }
        p.executeBatch();
      }
      c.setAutoCommit(false);
      long start = System.nanoTime();
      for (int from = 1; from <= deaths; from += chunk) {
        int to = Math.min(deaths, from + chunk - 1);
        writeChunk(c, from, to);
        c.commit();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      c.setAutoCommit(true);
      ddl.execute("DROP DATABASE bench_baseline");
      return new Result(deaths, seconds);
    }
  }

  private static void writeChunk(Connection c, int from, int to) throws SQLException {
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    LocalDate day = LocalDate.now().minusDays(1);
    long firstId;
    try (PreparedStatement p = c.prepareStatement("""
        INSERT INTO death_record (person_id, national_id_number, name, date_of_death, status, created_at)
        VALUES (?, ?, '王某某', ?, 'CONFIRMED', ?)""", Statement.RETURN_GENERATED_KEYS)) {
      for (int i = from; i <= to; i++) {
        p.setLong(1, i);
        p.setString(2, String.format("33068119500101%04d", i % 10000));
        p.setObject(3, day);
        p.setObject(4, now);
        p.addBatch();
      }
      p.executeBatch();
      try (var keys = p.getGeneratedKeys()) {
        keys.next();
        firstId = keys.getLong(1);
      }
    }
    try (PreparedStatement source = c.prepareStatement("INSERT INTO death_record_source (death_record_id, source, "
        + "source_reference, date_of_death, reported_at, received_at) VALUES (?, 'HUKOU_CANCELLATION', ?, ?, ?, ?)");
        PreparedStatement history = c.prepareStatement("INSERT INTO death_record_history (death_record_id, action, actor, "
            + "occurred_at) VALUES (?, ?, 'HUKOU_CANCELLATION:BENCH', ?)");
        PreparedStatement outbox = c.prepareStatement("INSERT INTO event_publication VALUES (?, 'externalizer', "
            + "'gov.civilaffairs.registry.death.PersonDeceased', ?, ?, 'PUBLISHED')");
        PreparedStatement row = c.prepareStatement("INSERT INTO death_import_row VALUES (1, ?, 'ACCEPTED', ?, NULL)");
        PreparedStatement person = c.prepareStatement("UPDATE person SET status = 'DECEASED' WHERE id BETWEEN ? AND ?")) {
      for (int i = from; i <= to; i++) {
        long recordId = firstId + (i - from);
        source.setLong(1, recordId);
        source.setString(2, "BENCH-" + UUID.randomUUID());
        source.setObject(3, day);
        source.setObject(4, now);
        source.setObject(5, now);
        source.addBatch();
        for (String action : new String[] {"RECEIVED", "CONFIRMED"}) {
          history.setLong(1, recordId);
          history.setString(2, action);
          history.setObject(3, now);
          history.addBatch();
        }
        outbox.setString(1, UUID.randomUUID().toString());
        outbox.setString(2, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"personId\":" + i + ",\"deathRecordId\":" + recordId
            + ",\"nationalIdNumber\":\"330681195001010000\",\"name\":\"王某某\",\"dateOfDeath\":\"" + day
            + "\",\"source\":\"HUKOU_CANCELLATION\",\"confirmedAt\":\"" + now + "Z\"}");
        outbox.setObject(3, now);
        outbox.addBatch();
        row.setInt(1, i);
        row.setLong(2, recordId);
        row.addBatch();
      }
      source.executeBatch();
      history.executeBatch();
      outbox.executeBatch();
      row.executeBatch();
      person.setLong(1, from);
      person.setLong(2, to);
      person.executeUpdate();
    }
  }
}
