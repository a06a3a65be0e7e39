package gov.civilaffairs.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The meters of the platform's event outbox (ADR 0008), as Prometheus shows them:
 * <ul>
 *   <li>{@code platform_outbox_pending} (gauge, rows): rows not yet acknowledged by Kafka;</li>
 *   <li>{@code platform_outbox_oldest_pending_age_seconds} (gauge, seconds): how long ago the oldest of them
 *       was written ({@code created_at}); 0 when none is pending;</li>
 *   <li>{@code platform_outbox_sent_total} (counter, events): sends acknowledged and marked sent;</li>
 *   <li>{@code platform_outbox_send_failures_total} (counter, events): sends that failed; sent again later;</li>
 *   <li>{@code platform_outbox_relay_batch_seconds} (timer): one relay batch that had rows, select to update.</li>
 * </ul>
 * The gauges read the table (one query on the index {@code (sent_at, id)}) at most once a second however
 * often they are scraped; a failed read shows NaN.
 */
public class EventOutboxMetrics {

  private static final Logger log = LoggerFactory.getLogger(EventOutboxMetrics.class);
  private static final long SNAPSHOT_NANOS = Duration.ofSeconds(1).toNanos();

  private record Snapshot(long takenAt, double pending, double oldestAgeSeconds) {
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Counter sent;
  private final Counter failed;
  private final Timer batch;
  private Snapshot snapshot;

  public EventOutboxMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    Gauge.builder("platform.outbox.pending", this, m -> m.snapshot().pending())
        .description("Event outbox rows not yet acknowledged by Kafka").strongReference(true).register(registry);
    Gauge.builder("platform.outbox.oldest.pending.age", this, m -> m.snapshot().oldestAgeSeconds())
        .description("Age of the oldest event outbox row not yet acknowledged by Kafka (0 when none)")
        .baseUnit("seconds").strongReference(true).register(registry);
    this.sent = Counter.builder("platform.outbox.sent").description("Outbox events acknowledged by Kafka and marked sent")
        .register(registry);
    this.failed = Counter.builder("platform.outbox.send.failures")
        .description("Outbox event sends that failed; the row is sent again later").register(registry);
    this.batch = Timer.builder("platform.outbox.relay.batch")
        .description("One outbox relay batch: select, send, flush, acknowledgements, mark sent").register(registry);
  }

  void sent(int events) {
    sent.increment(events);
  }

  void failed(int events) {
    failed.increment(events);
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
      return jdbc.query("SELECT COUNT(*), MIN(created_at) FROM event_outbox WHERE sent_at IS NULL", rs -> {
        rs.next();
        long pending = rs.getLong(1);
        Timestamp oldest = rs.getTimestamp(2);
        double age = oldest == null ? 0
            : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toNanos() / 1e9);
        return new Snapshot(now, pending, age);
      });
    } catch (RuntimeException e) {
      log.debug("Event outbox gauges: read failed ({})", e.toString());
      return new Snapshot(now, Double.NaN, Double.NaN);
    }
  }
}
