package gov.civilaffairs.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import gov.civilaffairs.platform.kafka.EventEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link EventOutbox} on table {@code event_outbox} (platform migration V3, ADR 0008).
 *
 * <p>The events of a transaction are collected in memory (serialised at once) and written in
 * {@link TransactionSynchronization#beforeCommit}: one JDBC batch, which Connector/J sends as one
 * multi-row INSERT with {@code rewriteBatchedStatements=true}. Writing at commit rather than at each
 * append is what makes a transaction that appends one event at a time (a consumer applying a poll of
 * deaths person by person) cost one statement, not one per event. The write is still inside the
 * transaction: if it fails, the commit fails and the business change rolls back with it. A transaction
 * that rolls back never reaches {@code beforeCommit}: nothing is written. After the commit the relay is
 * told to send ({@link EventOutboxRelay#sendSoon}).
 *
 * <p>The buffer belongs to the synchronization registered in the current transaction, so that an inner
 * {@code REQUIRES_NEW} transaction (whose synchronizations are separate) writes its own events with its
 * own commit.
 */
public class JdbcEventOutbox implements EventOutbox {

  /** TIMESTAMP(6) as UTC text: Connector/J drops the fraction of temporal parameters on MariaDB 10.x. */
  static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
      .withZone(ZoneOffset.UTC);

  private final JdbcTemplate jdbc;
  private final JsonMapper jsonMapper;
  private final EventOutboxRelay relay;
  private final Clock clock;

  /**
   * @param jdbc the service's database (the business transaction's data source)
   * @param jsonMapper the application's JSON mapper: the payload bytes are those the platform's Kafka value
   *     serializer would write
   * @param relay told to send after each commit that wrote events
   * @param clock {@code created_at}
   */
  public JdbcEventOutbox(JdbcTemplate jdbc, JsonMapper jsonMapper, EventOutboxRelay relay, Clock clock) {
    this.jdbc = jdbc;
    this.jsonMapper = jsonMapper;
    this.relay = relay;
    this.clock = clock;
  }

  record Row(String topic, EventEnvelope event, String payload) {
  }

  @Override
  public void append(String topic, EventEnvelope event) {
    appendAll(topic, List.of(event));
  }

  @Override
  public void appendAll(String topic, Collection<EventEnvelope> events) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("An outbox event needs a topic");
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException(
          "The event outbox is written in the business transaction only (no transaction is active)");
    }
    if (events.isEmpty()) {
      return;
    }
    List<Row> rows = new ArrayList<>(events.size());
    for (EventEnvelope event : events) {
      rows.add(new Row(topic, event, jsonOf(event.data())));
    }
    pendingOfCurrentTransaction().rows.addAll(rows);
  }

  private Pending pendingOfCurrentTransaction() {
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Pending pending && pending.outbox() == this) {
        return pending;
      }
    }
    Pending pending = new Pending();
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending;
  }

  private String jsonOf(Object data) {
    if (data instanceof String text) {
      return validJson(text);
    }
    if (data instanceof byte[] bytes) {
      return validJson(new String(bytes, StandardCharsets.UTF_8));
    }
    return jsonMapper.writeValueAsString(data);
  }

  private String validJson(String text) {
    try {
      jsonMapper.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Event payload is not JSON: " + e.getOriginalMessage(), e);
    }
    return text;
  }

  /** Writes {@code rows} as one JDBC batch (one multi-row INSERT with {@code rewriteBatchedStatements}). */
  void write(List<Row> rows) {
    String createdAt = UTC_MICROS.format(clock.instant());
    jdbc.batchUpdate("""
        INSERT INTO event_outbox (topic, message_key, ce_id, ce_type, ce_subject, ce_time, payload, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
      @Override
      public void setValues(PreparedStatement ps, int i) throws SQLException {
        Row row = rows.get(i);
        EventEnvelope event = row.event();
        ps.setString(1, row.topic());
        ps.setString(2, event.subject());
        ps.setString(3, event.id().toString());
        ps.setString(4, event.type());
        ps.setString(5, event.subject());
        ps.setString(6, event.time().toString());
        ps.setString(7, row.payload());
        ps.setString(8, createdAt);
      }

      @Override
      public int getBatchSize() {
        return rows.size();
      }
    });
  }

  /** The events of one transaction; written before its commit, the relay told after it. */
  private final class Pending implements TransactionSynchronization {

    final List<Row> rows = new ArrayList<>();

    JdbcEventOutbox outbox() {
      return JdbcEventOutbox.this;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      if (!rows.isEmpty()) {
        write(rows);
      }
    }

    @Override
    public void afterCommit() {
      if (!rows.isEmpty()) {
        relay.sendSoon();
      }
    }

    /** Late, so that other synchronizations' beforeCommit work (which may append events) comes first. */
    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
