package gov.civilaffairs.relief.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

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
 * Sends the {@code benefit-changed} events recorded in {@code benefit_event_outbox} (ADR 0007) to Kafka, on one
 * thread, then the death rule's {@code benefit-terminated} events recorded in {@code benefit_termination_outbox}
 * (V60; {@link #sendTerminationBatch}: v1 and v2 of each row, same ce_ids on every try, {@code sent_at} once both are
 * acknowledged). Each outbox row names a standard's new amount entries; they leave in id order (a household's events share
 * the key and so the partition), {@code relief.events.relay-batch-size} at a time: the entries are read with their
 * household, each becomes a {@link BenefitChanged} (cause {@code ALLOWANCE_STANDARD}, {@code ce_id} derived from the
 * entry's id, so a repeat has the same id), all are sent asynchronously through {@link CloudEventPublisher#publish}
 * (the CloudEvents headers Modulith's externalisation gave them), the producer is flushed once, the acknowledgements
 * ({@code acks=all}) awaited, and the row's {@code sent_through_amount_id} moves past the last entry acknowledged
 * without a gap; a row with nothing left is completed. A drain starts after each commit that wrote a row
 * ({@link #sendSoon}) and every {@code relief.events.relay-interval} (rows left: Kafka down, a crash between commit
 * and send). A failed send stops the batch, counts in {@code failed_sends} and is tried again about a second later:
 * at-least-once with the same {@code ce_id} (EVENTS.md).
 *
 * <p>Several relief instances: a drain holds the database's named lock {@code benefit_event_outbox}
 * ({@code GET_LOCK}); an instance that does not get it tries again a second later.
 */
class BenefitEventRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(BenefitEventRelay.class);
  private static final String LOCK = "benefit_event_outbox";
  /** After a failed send or drain, the next try comes this soon (or at the relay interval, if that is shorter). */
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

  private record Pending(long id, long standardId, long sentThrough, long lastAmountId, Instant time) {
  }

  private record Entry(long id, long allowanceId, long householdId, YearMonth fromMonth, BigDecimal amountBefore,
      BigDecimal amount, int members) {
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
      if (sent >= 0) {
        do {
          sent = sendTerminationBatch();
        } while (running && sent == properties.relayBatchSize());
      }
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
   * Sends at most one batch of the oldest outbox row's entries not yet sent.
   *
   * @return how many were sent (the batch size when a row was completed: the drain goes on); -1 when a send failed
   *     or another instance is draining
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
    List<Pending> pending = jdbc.query("""
        SELECT id, allowance_standard_id, sent_through_amount_id, last_amount_id, event_time FROM benefit_event_outbox
        WHERE completed_at IS NULL ORDER BY id LIMIT 1""", (rs, i) -> new Pending(rs.getLong("id"),
        rs.getLong("allowance_standard_id"), rs.getLong("sent_through_amount_id"), rs.getLong("last_amount_id"),
        Instant.parse(rs.getString("event_time"))));
    if (pending.isEmpty()) {
      return 0;
    }
    Pending row = pending.get(0);
    List<Entry> entries = jdbc.query("""
        SELECT x.id, x.allowance_id, a.household_id, x.from_month, x.amount_before, x.amount, x.members
        FROM allowance_amount x JOIN allowance a ON a.id = x.allowance_id
        WHERE x.id > ? AND x.id <= ? AND x.allowance_standard_id = ? ORDER BY x.id LIMIT ?""",
        (rs, i) -> new Entry(rs.getLong("id"), rs.getLong("allowance_id"), rs.getLong("household_id"),
            YearMonth.from(rs.getObject("from_month", LocalDate.class)), rs.getBigDecimal("amount_before"),
            rs.getBigDecimal("amount"), rs.getInt("members")),
        row.sentThrough(), row.lastAmountId(), row.standardId(), properties.relayBatchSize());
    if (entries.isEmpty()) {
      jdbc.update("UPDATE benefit_event_outbox SET completed_at = ? WHERE id = ?",
          BenefitEventOutbox.UTC_MICROS.format(clock.now()), row.id());
      return properties.relayBatchSize(); // go on with the next row, if any
    }
    List<CompletableFuture<?>> sends = new ArrayList<>(entries.size());
    boolean failed = false;
    for (Entry e : entries) {
      BenefitChanged event = new BenefitChanged(eventIdOf(e.id()), e.householdId(), e.allowanceId(),
          BenefitTerminated.MINIMUM_LIVING_ALLOWANCE, e.fromMonth(), e.amountBefore(), e.amount(), e.members(),
          BenefitChanged.ALLOWANCE_STANDARD, row.standardId(), row.time());
      try {
        sends.add(publisher.get().publish(ReliefEventsConfiguration.TOPIC, new EventEnvelope(event.eventId(),
            ReliefEventsConfiguration.BENEFIT_CHANGED, String.valueOf(e.householdId()), row.time(), event)));
      } catch (RuntimeException ex) {
        // no metadata within max.block.ms (Kafka down): the rest waits for the next drain, in order
        log.warn("Benefit event relay: send of the event of amount entry {} failed ({}); {} wait", e.id(), ex.toString(),
            entries.size() - sends.size());
        failed = true;
        break;
      }
    }
    kafka.get().flush();
    long sentThrough = row.sentThrough();
    long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!failed) {
          sentThrough = entries.get(i).id(); // only without a gap: a later success after a failure is sent again
        }
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        failed = true;
        break;
      } catch (Exception ex) {
        if (!failed) {
          log.warn("Benefit event relay: send of the event of amount entry {} failed ({}); sent again later",
              entries.get(i).id(), ex.toString());
        }
        failed = true;
      }
    }
    // a batch shorter than the batch size was the row's last (the query is bounded by last_amount_id)
    boolean complete = !failed && entries.size() < properties.relayBatchSize();
    jdbc.update("""
        UPDATE benefit_event_outbox SET sent_through_amount_id = ?, failed_sends = failed_sends + ?,
          completed_at = CASE WHEN ? THEN ? ELSE completed_at END WHERE id = ?""",
        sentThrough, failed ? 1 : 0, complete, BenefitEventOutbox.UTC_MICROS.format(clock.now()), row.id());
    return failed ? -1 : complete ? properties.relayBatchSize() : entries.size();
  }

  private record Termination(long id, UUID eventId, UUID eventIdV2, long householdId, long allowanceId,
      long deathRecordId, YearMonth lastPaidMonth, BigDecimal overpayment, Instant terminatedAt) {
  }

  /**
   * Sends at most one batch of the oldest rows of {@code benefit_termination_outbox} not yet sent, each as
   * {@code benefit-terminated.v1} and {@code .v2}, and marks sent those acknowledged before the first failure.
   *
   * @return how many rows were sent (the batch size: the drain goes on); -1 when a send failed or another instance
   *     is draining
   */
  int sendTerminationBatch() {
    Integer result = transaction.execute(status -> {
      Integer locked = jdbc.queryForObject("SELECT GET_LOCK(?, 0)", Integer.class, LOCK);
      if (locked == null || locked != 1) {
        return -1;
      }
      try {
        return sendTerminationsLocked();
      } finally {
        jdbc.queryForObject("SELECT RELEASE_LOCK(?)", Integer.class, LOCK);
      }
    });
    return result == null ? -1 : result;
  }

  private int sendTerminationsLocked() {
    List<Termination> rows = jdbc.query("""
        SELECT id, event_id, event_id_v2, household_id, allowance_id, death_record_id, last_paid_month, overpayment,
          terminated_at FROM benefit_termination_outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?""",
        (rs, i) -> new Termination(rs.getLong("id"), UUID.fromString(rs.getString("event_id")),
            UUID.fromString(rs.getString("event_id_v2")), rs.getLong("household_id"), rs.getLong("allowance_id"),
            rs.getLong("death_record_id"), YearMonth.from(rs.getObject("last_paid_month", LocalDate.class)),
            rs.getBigDecimal("overpayment"), Instant.parse(rs.getString("terminated_at"))),
        properties.relayBatchSize());
    if (rows.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<?>> sends = new ArrayList<>(rows.size() * 2);
    boolean failed = false;
    for (Termination t : rows) {
      BenefitTerminated v1 = new BenefitTerminated(t.eventId(), t.householdId(), t.allowanceId(),
          BenefitTerminated.MINIMUM_LIVING_ALLOWANCE, BenefitTerminated.DEATH, t.deathRecordId(), t.lastPaidMonth(),
          t.overpayment(), t.terminatedAt());
      BenefitTerminatedV2 v2 = new BenefitTerminatedV2(t.eventIdV2(), v1.scheme(), v1.caseId(), v1.householdId(),
          v1.reason(), v1.deathRecordId(), v1.lastPaidMonth(), v1.overpayment(), null, v1.terminatedAt());
      try {
        sends.add(publisher.get().publish(ReliefEventsConfiguration.TOPIC, new EventEnvelope(v1.eventId(),
            ReliefEventsConfiguration.BENEFIT_TERMINATED, String.valueOf(v1.householdId()), v1.terminatedAt(), v1)));
        sends.add(publisher.get().publish(ReliefEventsConfiguration.BENEFIT_TOPIC, new EventEnvelope(v2.eventId(),
            ReliefEventsConfiguration.BENEFIT_TERMINATED_V2, v2.subject(), v2.terminatedAt(), v2)));
      } catch (RuntimeException ex) {
        log.warn("Benefit event relay: send of the termination of outbox row {} failed ({}); {} wait", t.id(),
            ex.toString(), rows.size() - sends.size() / 2);
        failed = true;
        break;
      }
    }
    kafka.get().flush();
    int sent = 0; // rows whose two sends were acknowledged, without a gap before them
    long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
    for (int i = 0; i + 1 < sends.size() && !failed; i += 2) {
      try {
        sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        sends.get(i + 1).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        sent++;
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        failed = true;
      } catch (Exception ex) {
        log.warn("Benefit event relay: send of the termination of outbox row {} failed ({}); sent again later",
            rows.get(i / 2).id(), ex.toString());
        failed = true;
      }
    }
    if (sent > 0) {
      List<Long> ids = rows.subList(0, sent).stream().map(Termination::id).toList();
      jdbc.update("UPDATE benefit_termination_outbox SET sent_at = ? WHERE id IN ("
          + String.join(",", Collections.nCopies(ids.size(), "?")) + ")",
          Stream.concat(Stream.of(BenefitEventOutbox.UTC_MICROS.format(clock.now())),
              ids.stream()).toArray());
    }
    if (failed) {
      jdbc.update("UPDATE benefit_termination_outbox SET failed_sends = failed_sends + 1 WHERE id = ?",
          rows.get(sent).id());
      return -1;
    }
    return rows.size();
  }

  /**
   * The {@code ce_id} of the event of one amount entry: a name-based UUID (RFC 4122 version 3) of the entry's id, the
   * same every time the entry is sent, distinct from every other entry's.
   */
  static UUID eventIdOf(long amountId) {
    return UUID.nameUUIDFromBytes(("gov.civilaffairs.relief.benefit-changed.v1/allowance-amount/" + amountId)
        .getBytes(StandardCharsets.UTF_8));
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
