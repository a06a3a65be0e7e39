package gov.civilaffairs.registry.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
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
 * Sends the rows of {@code death_event_outbox} (ADR 0006) to Kafka, on one thread, oldest first (row id
 * order, so each person's events in order: they share the key and so the partition). A drain reads up to
 * {@code registry.events.relay-batch-size} unsent rows, sends them all asynchronously through
 * {@link CloudEventPublisher#publish} (same CloudEvents headers and payload bytes as before), flushes the
 * producer once, waits for the acknowledgements ({@code acks=all}) and marks the acknowledged rows sent
 * with one UPDATE; it goes on while batches are full. A drain starts right after each commit that wrote
 * rows ({@link #sendSoon}) and every {@code registry.events.relay-interval} (rows left unsent because Kafka
 * was down, or by a crash between commit and send). A send that fails stops the batch (later rows wait, so
 * that a person's events stay in order) and the row is sent again by a later drain: at-least-once with the
 * same {@code ce_id}; the consumers' processed-event records make a repeat a no-op (EVENTS.md).
 *
 * <p>Several registry instances: a drain holds the database's named lock {@code death_event_outbox}
 * ({@code GET_LOCK}); an instance that does not get it leaves the drain to the one that has it.
 *
 * <p>Each batch that had rows counts its sent and failed sends and its duration ({@link DeathEventOutboxMetrics}).
 */
class DeathEventRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeathEventRelay.class);
  private static final String LOCK = "death_event_outbox";

  private record Row(long id, UUID eventId, String topic, String subject, String type, Instant time, String payload) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Supplier<CloudEventPublisher> publisher;
  private final Supplier<KafkaOperations<String, byte[]>> kafka;
  private final RegistryEventsProperties properties;
  private final DeathEventOutboxMetrics metrics;
  private final Clock clock;
  /** After a failed send or drain, the next try comes this soon (or at the relay interval, if that is shorter). */
  private static final java.time.Duration RETRY_AFTER_FAILURE = java.time.Duration.ofSeconds(1);

  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile boolean running;
  private ScheduledExecutorService executor;

  DeathEventRelay(JdbcTemplate jdbc, TransactionTemplate transaction, Supplier<CloudEventPublisher> publisher,
      Supplier<KafkaOperations<String, byte[]>> kafka, RegistryEventsProperties properties, DeathEventOutboxMetrics metrics, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.publisher = publisher;
    this.kafka = kafka;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Starts a drain soon, unless one is already waiting to start (called after a commit that wrote rows). */
  void sendSoon() {
    ScheduledExecutorService current = executor;
    if (running && current != null && queued.compareAndSet(false, true)) {
      current.execute(this::drain);
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
      log.warn("Death event relay: drain failed, retried in {} ({})", RETRY_AFTER_FAILURE, e.toString());
    }
    if (sent < 0) {
      // a failed send, a failed drain or another instance draining: try again soon, not only at the next
      // relay interval (which may be long), so that a transient failure costs about a second of latency
      retrySoon();
    }
  }

  private void retrySoon() {
    ScheduledExecutorService current = executor;
    if (running && current != null && !current.isShutdown()) {
      long delay = Math.min(RETRY_AFTER_FAILURE.toMillis(), properties.relayInterval().toMillis());
      try {
        current.schedule(this::sendSoon, delay, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        // the relay is stopping; the next start sends what is left
      }
    }
  }

  /**
   * Sends the oldest unsent rows, at most one batch.
   *
   * @return how many were sent and marked sent; -1 when a send failed (or another instance is draining)
   */
  int sendBatch() {
    Integer result = transaction.execute(status -> {
      Integer locked = jdbc.queryForObject("SELECT GET_LOCK(?, 0)", Integer.class, LOCK);
      if (locked == null || locked != 1) {
        return -1;
      }
      try {
        return sendLocked();
      } finally {
        jdbc.queryForObject("SELECT RELEASE_LOCK(?)", Integer.class, LOCK);
      }
    });
    return result == null ? -1 : result;
  }

  private int sendLocked() {
    long start = System.nanoTime();
    List<Row> rows = jdbc.query("""
        SELECT id, event_id, topic, subject, event_type, event_time, payload FROM death_event_outbox
        WHERE sent_at IS NULL ORDER BY id LIMIT ?""", (rs, i) -> new Row(rs.getLong("id"),
        UUID.fromString(rs.getString("event_id")), rs.getString("topic"), rs.getString("subject"),
        rs.getString("event_type"), Instant.parse(rs.getString("event_time")),
        rs.getString("payload")), properties.relayBatchSize());
    if (rows.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
    List<Long> failedIds = new ArrayList<>();
    boolean failed = false;
    for (Row row : rows) {
      try {
        sends.add(publisher.get().publish(row.topic(), new EventEnvelope(row.eventId(), row.type(), row.subject(),
            row.time(), row.payload())));
      } catch (RuntimeException e) {
        // no metadata within max.block.ms (Kafka down): the rest waits for the next drain, in order
        log.warn("Death event relay: send of {} failed ({}); {} rows wait", row.eventId(), e.toString(),
            rows.size() - sends.size());
        failedIds.add(row.id());
        failed = true;
        break;
      }
    }
    kafka.get().flush();
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
          log.warn("Death event relay: send of {} failed ({}); sent again later", rows.get(i).eventId(), e.toString());
        }
        failed = true;
      }
    }
    if (!sent.isEmpty()) {
      jdbc.update("UPDATE death_event_outbox SET sent_at = ? WHERE id IN (" + idList(sent) + ")",
          JdbcDeathEventOutbox.UTC_MICROS.format(clock.instant()));
    }
    if (!failedIds.isEmpty()) {
      jdbc.update("UPDATE death_event_outbox SET failed_sends = failed_sends + 1 WHERE id IN (" + idList(failedIds) + ")");
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
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "death-event-relay");
      thread.setDaemon(true);
      return thread;
    });
    running = true;
    long interval = properties.relayInterval().toMillis();
    // the first run sends what a crash or a broker outage left unsent
    executor.scheduleWithFixedDelay(this::sendSoon, 0, interval, TimeUnit.MILLISECONDS);
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

  /** Stopped after the web server (phases DEFAULT_PHASE - 1024 and - 2048): the last commits' drains still run. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
