package gov.civilaffairs.registry.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The meters of the registry's death-event outbox (ADR 0006), in {@code /actuator/prometheus} (names as
 * Prometheus shows them; what to alarm on: registry-service/README.md):
 * <ul>
 *   <li>{@code registry_outbox_pending} (gauge, rows): rows not yet acknowledged by Kafka;</li>
 *   <li>{@code registry_outbox_oldest_pending_age_seconds} (gauge, seconds): how long ago the oldest of
 *       them was written ({@code created_at}, the business transaction's time); 0 when none is pending;</li>
 *   <li>{@code registry_outbox_sent_total} (counter, events): sends acknowledged by Kafka and marked sent;</li>
 *   <li>{@code registry_outbox_send_failures_total} (counter, events): sends that failed (no metadata within
 *       {@code max.block.ms}, no acknowledgement within the send timeout); the row is sent again later;</li>
 *   <li>{@code registry_outbox_relay_batch_seconds} (timer): one batch of the relay that had rows, from its
 *       SELECT to its UPDATE (send, flush and acknowledgements included);</li>
 *   <li>{@code registry_outbox_purged_total} (counter, rows): sent rows deleted by the purge.</li>
 * </ul>
 * The gauges read the table (one indexed query on {@code (sent_at, id)}), at most once a second however
 * often they are scraped; a failed read gives NaN, not an error.
 */
class DeathEventOutboxMetrics {

  private static final Logger log = LoggerFactory.getLogger(DeathEventOutboxMetrics.class);
  private static final long SNAPSHOT_NANOS = Duration.ofSeconds(1).toNanos();

  /** What the table held at {@code takenAt} (nanoTime); {@code readFailed}: the gauges show NaN. */
  private record Snapshot(long takenAt, long pending, long oldestAgeNanos, boolean readFailed) {

    double pendingRows() {
      return readFailed ? Double.NaN : pending;
    }

    double oldestAgeSeconds() {
      return readFailed ? Double.NaN : oldestAgeNanos / 1e9;
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Counter sent;
  private final Counter failed;
  private final Counter purged;
  private final Timer batch;
  private Snapshot snapshot;

  DeathEventOutboxMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    Gauge.builder("registry.outbox.pending", this, m -> m.snapshot().pendingRows())
        .description("Death-event outbox rows not yet acknowledged by Kafka").strongReference(true)
        .register(registry);
    Gauge.builder("registry.outbox.oldest.pending.age", this, m -> m.snapshot().oldestAgeSeconds())
        .description("Age of the oldest death-event outbox row not yet acknowledged by Kafka (0 when none)")
        .baseUnit("seconds").strongReference(true).register(registry);
    this.sent = Counter.builder("registry.outbox.sent").description("Death events acknowledged by Kafka and marked sent")
        .register(registry);
    this.failed = Counter.builder("registry.outbox.send.failures")
        .description("Death-event sends that failed; the row is sent again later").register(registry);
    this.purged = Counter.builder("registry.outbox.purged")
        .description("Sent death-event outbox rows deleted after the retention period").register(registry);
    this.batch = Timer.builder("registry.outbox.relay.batch")
        .description("One relay batch: select, send, flush, acknowledgements, mark sent").register(registry);
  }

  void sent(int events) {
    sent.increment(events);
  }

  void failed(int events) {
    failed.increment(events);
  }

  void purged(int rows) {
    purged.increment(rows);
  }

  void batch(long nanos) {
    batch.record(Duration.ofNanos(nanos));
  }

  private synchronized Snapshot snapshot() {
    long now = System.nanoTime();
    if (snapshot == null || now - snapshot.takenAt() > SNAPSHOT_NANOS) {
      snapshot = read(now);
    }
    return snapshot;
  }

  private Snapshot read(long now) {
    try {
      return jdbc.queryForObject("""
          SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM death_event_outbox WHERE sent_at IS NULL""",
          (rs, i) -> {
            LocalDateTime oldest = rs.getObject("oldest", LocalDateTime.class);
            long age = oldest == null ? 0
                : Math.max(0, Duration.between(oldest.toInstant(ZoneOffset.UTC), Instant.now(clock)).toNanos());
            return new Snapshot(now, rs.getLong("pending"), age, false);
          });
    } catch (RuntimeException e) {
      log.debug("Death event outbox gauges: read failed ({})", e.toString());
      return new Snapshot(now, 0, 0, true);
    }
  }
}
