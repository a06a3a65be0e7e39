package gov.civilaffairs.relief.events;

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
import gov.civilaffairs.platform.time.BureauClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the rows of {@code benefit_event_outbox} (ADR 0007) to Kafka on one thread, oldest first (id order: a
 * household's events share the key and so the partition, and leave in the order they were written). A drain takes
 * up to {@code relief.events.relay-batch-size} unsent rows, sends them asynchronously through
 * {@link CloudEventPublisher#publish} (the CloudEvents headers Modulith's externalisation gave them), flushes the
 * producer once, waits for the acknowledgements ({@code acks=all}) and marks the acknowledged rows sent with one
 * UPDATE; it goes on while batches are full. A drain starts after each commit that wrote rows ({@link #sendSoon})
 * and every {@code relief.events.relay-interval} (rows left unsent: Kafka down, a crash between commit and send).
 * A failed send stops its batch (later rows wait, in order), counts in {@code failed_sends} and is tried again
 * about a second later: at-least-once with the same {@code ce_id} (EVENTS.md).
 *
 * <p>Several relief instances: a drain holds the database's named lock {@code benefit_event_outbox}
 * ({@code GET_LOCK}); an instance that does not get it tries again a second later.
 */
class BenefitEventRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(BenefitEventRelay.class);
  private static final String LOCK = "benefit_event_outbox";
  /** After a failed send or drain, the next try comes this soon (or at the relay interval, if that is shorter). */
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

  private record Row(long id, UUID eventId, String topic, String subject, String type, Instant time, String payload) {
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Supplier<CloudEventPublisher> publisher;
  private final Supplier<KafkaOperations<String, byte[]>> kafka;
  private final ReliefEventsProperties properties;
  private final BureauClock clock;

  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile boolean running;
  private ScheduledExecutorService executor;

  BenefitEventRelay(JdbcTemplate jdbc, TransactionTemplate transaction, Supplier<CloudEventPublisher> publisher,
      Supplier<KafkaOperations<String, byte[]>> kafka, ReliefEventsProperties properties, BureauClock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.publisher = publisher;
    this.kafka = kafka;
    this.properties = properties;
    this.clock = clock;
  }

  /** Starts a drain soon, unless one is already waiting to start (called after a commit that wrote rows). */
  void sendSoon() {
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
      log.warn("Benefit event relay: drain failed, retried in {} ({})", RETRY_AFTER_FAILURE, e.toString());
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
        // the relay is stopping; the next start sends what is left
      }
    }
  }

  /**
   * Sends the oldest unsent rows, at most one batch.
   *
   * @return how many were sent and marked sent; -1 when a send failed or another instance is draining
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
    List<Row> rows = jdbc.query("""
        SELECT id, event_id, topic, subject, event_type, event_time, payload FROM benefit_event_outbox
        WHERE sent_at IS NULL ORDER BY id LIMIT ?""", (rs, i) -> new Row(rs.getLong("id"),
        UUID.fromString(rs.getString("event_id")), rs.getString("topic"), rs.getString("subject"),
        rs.getString("event_type"), Instant.parse(rs.getString("event_time")), rs.getString("payload")),
        properties.relayBatchSize());
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
        log.warn("Benefit event relay: send of {} failed ({}); {} rows wait", row.eventId(), e.toString(),
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
        if (!failed) {
          log.warn("Benefit event relay: send of {} failed ({}); sent again later", rows.get(i).eventId(), e.toString());
        }
        failedIds.add(rows.get(i).id());
        failed = true;
      }
    }
    if (!sent.isEmpty()) {
      jdbc.update("UPDATE benefit_event_outbox SET sent_at = ? WHERE id IN (" + idList(sent) + ")",
          BenefitEventOutbox.UTC_MICROS.format(clock.now()));
    }
    if (!failedIds.isEmpty()) {
      jdbc.update("UPDATE benefit_event_outbox SET failed_sends = failed_sends + 1 WHERE id IN (" + idList(failedIds) + ")");
    }
    return failed ? -1 : sent.size();
  }

  private static String idList(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  @Override
  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "benefit-event-relay");
      thread.setDaemon(true);
      return thread;
    });
    running = true;
    // the first run sends what a crash or a broker outage left unsent
    executor.scheduleWithFixedDelay(this::sendSoon, 0, properties.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
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

  /** Stopped after the web server: the last commits' drains still run. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
