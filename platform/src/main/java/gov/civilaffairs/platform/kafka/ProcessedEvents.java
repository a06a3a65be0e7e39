package gov.civilaffairs.platform.kafka;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A consumer's record of the events it has applied, for a whole poll at once ({@link EventBatchProcessor}): the
 * service's table {@code processed_event (event_id CHAR(36) PRIMARY KEY, event_type VARCHAR(100), processed_at)},
 * written in the same transaction as the events' effects (EVENTS.md, "Delivery guarantees": exactly-once effect).
 * Times are stored in UTC with microseconds.
 */
public final class ProcessedEvents {

  private static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
      .withZone(ZoneOffset.UTC);

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;

  public ProcessedEvents(JdbcTemplate jdbc) {
    this.jdbc = JdbcClient.create(jdbc);
    this.batches = jdbc;
  }

  /** Which of {@code eventIds} were applied before: one query. */
  public Set<UUID> among(Collection<UUID> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.sql("SELECT event_id FROM processed_event WHERE event_id IN (:ids)")
        .param("ids", eventIds.stream().map(UUID::toString).toList())
        .query((rs, row) -> UUID.fromString(rs.getString(1))).list());
  }

  /**
   * Records events as applied, in one JDBC batch (one statement with {@code rewriteBatchedStatements=true}). A
   * concurrent second delivery of one of them breaks the primary key and rolls the caller's transaction back.
   *
   * @param events event id and {@code ce_type} of each, none applied before
   * @param now when they were applied
   */
  public void recordAll(List<Map.Entry<UUID, String>> events, Instant now) {
    String at = UTC_MICROS.format(now);
    batches.batchUpdate("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?)",
        events.stream().map(event -> new Object[] {event.getKey().toString(), event.getValue(), at}).toList());
  }
}
