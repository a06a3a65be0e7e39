package gov.civilaffairs.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the rows of {@code event_outbox} (ADR 0008) to Kafka on one thread, oldest first (id order, so the
 * events of one key, which share a partition, leave in the order they were written).
 *
 * <p>A drain reads up to {@code platform.outbox.relay-batch-size} pending rows, sends them all
 * asynchronously through {@link CloudEventPublisher#publish} (the CloudEvents headers and value every
 * service sends), flushes the producer once, waits for the acknowledgements ({@code acks=all}) and marks the
 * acknowledged rows sent with one UPDATE; it goes on while batches are full. A drain starts right after each
 * commit that wrote rows ({@link #sendSoon}), at start-up and every {@code platform.outbox.relay-interval}
 * (rows left by a broker outage or a crash between commit and send). A failed send stops the batch (later
 * rows wait, so that a key's events stay in order), adds one to the row's {@code attempts}, and the drain is
 * tried again about a second later: at-least-once with the same {@code ce_id}; consumers' processed-event
 * records make a repeat a no-op (EVENTS.md).
 *
 * <p>Several instances of a service: a drain holds the database's named lock
 * {@code <schema>.event_outbox} ({@code GET_LOCK}, qualified by the schema because named locks are per
 * server); an instance that does not get it tries again a second later. {@code SELECT ... FOR UPDATE SKIP
 * LOCKED} would let two instances send different rows at once, and so a key's later event before its
 * earlier one.
 */
public class EventOutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventOutboxRelay.class);
  /** After a failed send or drain, or a drain held by another instance, the next try comes this soon. */
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

  private record Row(long id, String topic, UUID ceId, String type, String subject, Instant time, String payload) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Supplier<CloudEventPublisher> publisher;
  private final Supplier<KafkaOperations<String, byte[]>> kafka;
  private final EventOutboxProperties properties;
  private final EventOutboxMetrics metrics;
  private final Clock clock;

  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile boolean running;
  private volatile ScheduledExecutorService executor;
  private volatile String lockName;

  /**
   * @param transaction READ COMMITTED, around one batch (lock, select, send, update)
   * @param publisher looked up at the first send: a broker that is down does not stop the start
   */
  public EventOutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, Supplier<CloudEventPublisher> publisher,
      Supplier<KafkaOperations<String, byte[]>> kafka, EventOutboxProperties properties, EventOutboxMetrics metrics,
      Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.publisher = publisher;
    this.kafka = kafka;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Starts a drain soon, unless one is already waiting to start (called after a commit that wrote rows). */
  public void sendSoon() {
    ScheduledExecutorService current = executor;
    if (running && current != null && queued.compareAndSet(false, true)) {
      try {
        current.execute(this::drain);
      } catch (RejectedExecutionException stopping) {
        queued.set(false);
      }
    }
  }

  private void drain() {
    queued.set(false);
    int sent = -1;
    try {
      do {
        sent = sendBatch();
      } while (running && sent == properties.relayBatchSize());
    } catch (RuntimeException e) {
      log.warn("Event outbox relay: drain failed, tried again in {} ({})", RETRY_AFTER_FAILURE, e.toString());
    }
    if (sent < 0) {
      retrySoon();
    }
  }

  private void retrySoon() {
    ScheduledExecutorService current = executor;
    if (running && current != null && !current.isShutdown()) {
      long delay = Math.min(RETRY_AFTER_FAILURE.toMillis(), properties.relayInterval().toMillis());
      try {
        current.schedule(this::sendSoon, delay, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException stopping) {
        // stopping: the next start sends what is left
      }
    }
  }

  /**
   * Sends the oldest pending rows, at most one batch.
   *
   * @return how many were sent and marked sent; -1 when a send failed or another instance is draining
   */
  public int sendBatch() {
    Integer result = transaction.execute(status -> {
      String lock = lockName();
      Integer locked = jdbc.queryForObject("SELECT GET_LOCK(?, 0)", Integer.class, lock);
      if (locked == null || locked != 1) {
        return -1;
      }
      try {
        return sendLocked();
      } finally {
        jdbc.queryForObject("SELECT RELEASE_LOCK(?)", Integer.class, lock);
      }
    });
    return result == null ? -1 : result;
  }

  private String lockName() {
    String name = lockName;
    if (name == null) {
      name = jdbc.queryForObject("SELECT CONCAT(DATABASE(), '.event_outbox')", String.class);
      lockName = name;
    }
    return name;
  }

  private int sendLocked() {
    long start = System.nanoTime();
    List<Row> rows = jdbc.query("""
        SELECT id, topic, ce_id, ce_type, ce_subject, ce_time, payload FROM event_outbox
        WHERE sent_at IS NULL ORDER BY id LIMIT ?""", (rs, i) -> new Row(rs.getLong("id"), rs.getString("topic"),
        UUID.fromString(rs.getString("ce_id")), rs.getString("ce_type"), rs.getString("ce_subject"),
        Instant.parse(rs.getString("ce_time")), rs.getString("payload")), properties.relayBatchSize());
    if (rows.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
    List<Long> failedIds = new ArrayList<>();
    boolean failed = false;
    for (Row row : rows) {
      try {
        sends.add(publisher.get().publish(row.topic(),
            new EventEnvelope(row.ceId(), row.type(), row.subject(), row.time(), row.payload())));
      } catch (RuntimeException e) {
        // no metadata within max.block.ms (Kafka down): the rest waits for the next drain, in order
        log.warn("Event outbox relay: send of {} failed ({}); {} rows wait", row.ceId(), e.toString(),
            rows.size() - sends.size());
        failedIds.add(row.id());
        failed = true;
        break;
      }
    }
    if (!sends.isEmpty()) {
      kafka.get().flush();
    }
    List<Long> sent = new ArrayList<>(sends.size());
    long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        sent.add(rows.get(i).id());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed = true;
        break;
      } catch (Exception e) {
        failedIds.add(rows.get(i).id());
        if (!failed) {
          log.warn("Event outbox relay: send of {} failed ({}); sent again later", rows.get(i).ceId(), e.toString());
        }
        failed = true;
      }
    }
    if (!sent.isEmpty()) {
      jdbc.update("UPDATE event_outbox SET sent_at = ? WHERE id IN (" + idList(sent) + ")",
          JdbcEventOutbox.UTC_MICROS.format(clock.instant()));
    }
    if (!failedIds.isEmpty()) {
      jdbc.update("UPDATE event_outbox SET attempts = attempts + 1 WHERE id IN (" + idList(failedIds) + ")");
    }
    metrics.sent(sent.size());
    metrics.failed(failedIds.size());
    metrics.batch(System.nanoTime() - start);
    return failed ? -1 : sent.size();
  }

  private static String idList(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  @Override
  public void start() {
    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "event-outbox-relay");
      thread.setDaemon(true);
      return thread;
    });
    executor = started;
    running = true;
    // the first run sends what a crash or a broker outage left unsent
    started.scheduleWithFixedDelay(this::sendSoon, 0, properties.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    running = false;
    ScheduledExecutorService current = executor;
    if (current != null) {
      current.shutdown();
      try {
        if (!current.awaitTermination(properties.sendTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
          current.shutdownNow();
        }
      } catch (InterruptedException e) {
        current.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stopped after the web server and the Kafka listeners: the last commits' drains still run. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
