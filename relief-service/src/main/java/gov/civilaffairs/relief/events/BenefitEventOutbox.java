package gov.civilaffairs.relief.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import gov.civilaffairs.platform.time.BureauClock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * relief's own outbox table {@code benefit_event_outbox} (V56, ADR 0007) for events written in bulk: a standard's
 * recomputation writes one {@link BenefitChanged} per new amount entry, 200,000 for a city, where Spring Modulith's
 * registry inserts one publication row per event. {@link #append} writes the events in the caller's transaction
 * (mandatory) in JDBC batches of {@code relief.events.insert-batch-size}; after the commit
 * {@link BenefitEventRelay} sends them. The payload is the event as JSON by the application's {@link JsonMapper}
 * (the bytes Modulith's externalisation sent: the contract is unchanged); the CloudEvents attributes are stored
 * beside it and become the headers when the row is sent (platform.kafka's {@code CloudEventPublisher}), on topic
 * {@value ReliefEventsConfiguration#TOPIC}, keyed by household id.
 */
public class BenefitEventOutbox {

  /** TIMESTAMP(6) as UTC text: Connector/J drops the fraction of temporal parameters on MariaDB 10.x. */
  static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
      .withZone(ZoneOffset.UTC);

  private record Row(UUID eventId, String subject, String type, Instant time, String payload) {
  }

  private final JdbcTemplate jdbc;
  private final JsonMapper jsonMapper;
  private final BenefitEventRelay relay;
  private final BureauClock clock;
  private final int batchSize;

  BenefitEventOutbox(JdbcTemplate jdbc, JsonMapper jsonMapper, BenefitEventRelay relay, BureauClock clock,
      int batchSize) {
    this.jdbc = jdbc;
    this.jsonMapper = jsonMapper;
    this.relay = relay;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /**
   * Writes the events to the outbox in the caller's transaction; they leave after its commit, never if it rolls
   * back. May be called several times in one transaction (chunks of a large recomputation).
   *
   * @param events benefit-changed events, each with its own {@code eventId} (the {@code ce_id})
   * @throws IllegalTransactionStateException when no transaction is active
   */
  public void append(List<BenefitChanged> events) {
    if (events.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException("The benefit event outbox is written in the business transaction only");
    }
    List<Row> rows = new ArrayList<>(events.size());
    for (BenefitChanged e : events) {
      rows.add(new Row(e.eventId(), String.valueOf(e.householdId()), ReliefEventsConfiguration.BENEFIT_CHANGED,
          e.changedAt(), jsonMapper.writeValueAsString(e)));
    }
    String createdAt = UTC_MICROS.format(clock.now());
    jdbc.batchUpdate("""
        INSERT INTO benefit_event_outbox (event_id, topic, subject, event_type, event_time, payload, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", rows, batchSize, (ps, row) -> {
          ps.setString(1, row.eventId().toString());
          ps.setString(2, ReliefEventsConfiguration.TOPIC);
          ps.setString(3, row.subject());
          ps.setString(4, row.type());
          ps.setString(5, row.time().toString());
          ps.setString(6, row.payload());
          ps.setString(7, createdAt);
        });
    if (!TransactionSynchronizationManager.getSynchronizations().contains(afterCommit)) {
      TransactionSynchronizationManager.registerSynchronization(afterCommit);
    }
  }

  /** One drain after the commit, however many chunks the transaction appended. */
  private final TransactionSynchronization afterCommit = new TransactionSynchronization() {
    @Override
    public void afterCommit() {
      relay.sendSoon();
    }
  };
}
