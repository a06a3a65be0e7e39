package gov.civilaffairs.registry.events;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Deletes the rows of {@code death_event_outbox} that were sent longer ago than
 * {@code registry.events.purge.retention} (default 30 days), on the schedule
 * {@code registry.events.purge.cron} (default 03:30 every night, bureau time), so that the table holds
 * the unsent rows and the recent trail only instead of every death forever. Rows not yet sent are never
 * deleted, however old.
 *
 * <p>Deletes in batches of {@code registry.events.purge.batch-size} rows, oldest sent first, each batch one
 * statement in its own transaction ({@code DELETE ... ORDER BY sent_at, id LIMIT n} on the index
 * {@code (sent_at, id)}), so no lock is held long against the relay's UPDATE or the import's INSERTs.
 * Several instances may purge at once: a row is deleted once, the others find it gone. The facts stay in
 * {@code death_record} and {@code death_record_history} (the record of truth) and in the audit trail.
 */
class DeathEventOutboxPurge implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeathEventOutboxPurge.class);

  private final JdbcTemplate jdbc;
  private final RegistryEventsProperties.Purge properties;
  private final DeathEventOutboxMetrics metrics;
  private final Clock clock;
  private volatile boolean running;
  private ScheduledExecutorService executor;

  DeathEventOutboxPurge(JdbcTemplate jdbc, RegistryEventsProperties.Purge properties, DeathEventOutboxMetrics metrics,
      Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Deletes every row sent before now minus the retention, batch by batch, until none is left or the
   * service stops.
   *
   * @return the number of rows deleted
   */
  int purge() {
    String cutoff = JdbcDeathEventOutbox.UTC_MICROS.format(clock.instant().minus(properties.retention()));
    int total = 0;
    int deleted;
    do {
      deleted = jdbc.update("""
          DELETE FROM death_event_outbox WHERE sent_at IS NOT NULL AND sent_at < ? ORDER BY sent_at, id LIMIT ?""",
          cutoff, properties.batchSize());
      total += deleted;
      metrics.purged(deleted);
    } while (deleted == properties.batchSize() && !Thread.currentThread().isInterrupted());
    return total;
  }

  private void run() {
    try {
      int deleted = purge();
      log.info("Death event outbox: {} rows sent more than {} ago deleted", deleted, properties.retention());
    } catch (RuntimeException e) {
      log.warn("Death event outbox: purge failed, tried again at the next run ({})", e.toString());
    }
  }

  @Override
  public void start() {
    running = true;
    if (Scheduled.CRON_DISABLED.equals(properties.cron())) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "death-event-outbox-purge");
      thread.setDaemon(true);
      return thread;
    });
    new ConcurrentTaskScheduler(executor).schedule(this::run, new CronTrigger(properties.cron(), clock.getZone()));
  }

  @Override
  public void stop() {
    running = false;
    ScheduledExecutorService current = executor;
    if (current != null) {
      current.shutdownNow();
      try {
        current.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
