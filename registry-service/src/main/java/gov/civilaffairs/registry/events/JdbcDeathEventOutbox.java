package gov.civilaffairs.registry.events;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import gov.civilaffairs.registry.death.DeathEventOutbox;
import gov.civilaffairs.registry.death.DeathRecordRevoked;
import gov.civilaffairs.registry.death.PersonDeceased;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registry's outbox table {@code death_event_outbox} (V15, ADR 0006): {@link #append} writes one row per
 * event in the caller's transaction, one JDBC batch for all of them; after the commit the
 * {@link DeathEventRelay} is told to send at once. The payload is the event as JSON, written by the
 * application's {@link JsonMapper} (the same bytes Spring Modulith's Kafka externalisation sent before:
 * contracts/ schemas unchanged); the CloudEvents attributes are stored beside it and become the headers
 * when the row is sent (platform.kafka's {@code CloudEventPublisher}).
 */
class JdbcDeathEventOutbox implements DeathEventOutbox {

  /** TIMESTAMP(6) as UTC text: Connector/J drops the fraction of temporal parameters on MariaDB 10.x. */
  static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
      .withZone(ZoneOffset.UTC);

  private final JdbcTemplate jdbc;
  private final JsonMapper jsonMapper;
  private final DeathEventRelay relay;
  private final String topic;
  private final Clock clock;

  JdbcDeathEventOutbox(JdbcTemplate jdbc, JsonMapper jsonMapper, DeathEventRelay relay, String topic, Clock clock) {
    this.jdbc = jdbc;
    this.jsonMapper = jsonMapper;
    this.relay = relay;
    this.topic = topic;
    this.clock = clock;
  }

  private record Row(UUID eventId, String subject, String type, Instant time, String payload) {
  }

  @Override
  public void append(List<?> events) {
    if (events.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException("The death event outbox is written in the business transaction only");
    }
    List<Row> rows = new ArrayList<>(events.size());
    for (Object event : events) {
      rows.add(rowOf(event));
    }
    String createdAt = UTC_MICROS.format(clock.instant());
    jdbc.batchUpdate("""
        INSERT INTO death_event_outbox (event_id, topic, subject, event_type, event_time, payload, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
      @Override
      public void setValues(PreparedStatement ps, int i) throws SQLException {
        Row row = rows.get(i);
        ps.setString(1, row.eventId().toString());
        ps.setString(2, topic);
        ps.setString(3, row.subject());
        ps.setString(4, row.type());
        ps.setString(5, row.time().toString());
        ps.setString(6, row.payload());
        ps.setString(7, createdAt);
      }

      @Override
      public int getBatchSize() {
        return rows.size();
      }
    });
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        relay.sendSoon();
      }
    });
  }

  private Row rowOf(Object event) {
    if (event instanceof PersonDeceased e) {
      return new Row(e.eventId(), String.valueOf(e.personId()), RegistryEventsConfiguration.PERSON_DECEASED_TYPE,
          e.confirmedAt(), jsonMapper.writeValueAsString(e));
    }
    if (event instanceof DeathRecordRevoked e) {
      return new Row(e.eventId(), String.valueOf(e.personId()), RegistryEventsConfiguration.DEATH_RECORD_REVOKED_TYPE,
          e.revokedAt(), jsonMapper.writeValueAsString(e));
    }
    throw new IllegalArgumentException("Not a death event: " + event.getClass().getName());
  }
}
