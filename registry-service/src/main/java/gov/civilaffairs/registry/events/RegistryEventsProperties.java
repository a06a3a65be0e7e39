package gov.civilaffairs.registry.events;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Where the registry's events leave (EVENTS.md) and how its outbox sends them (ADR 0006), under
 * {@code registry.events}.
 *
 * @param topic the topic of every event about a person, keyed by person id; default {@code registry.person.v1}
 *     (partitions, replication and retention: {@code platform.kafka.*}; {@code ce_source}: the
 *     application name)
 * @param relayBatchSize the most outbox rows sent per producer flush and marked sent per UPDATE; default
 *     500, at least the import's chunk (registry.import.chunk-size, 100), so that one chunk leaves in one batch
 * @param relayInterval how often the relay looks for rows left unsent (Kafka down, a crash between commit
 *     and send); default 1 s: a row left behind waits at most this long once Kafka is back (the
 *     latency floor of issue 4 is 2 s)
 * @param sendTimeout how long a drain waits for Kafka's acknowledgements of one batch before it leaves the
 *     rest for the next drain; default 15 s, above the producer's {@code delivery.timeout.ms} (10 s,
 *     platform-defaults.yml), so a send normally concludes first
 * @param purge when sent rows are deleted ({@link Purge}, {@code registry.events.purge.*})
 */
@Validated
@ConfigurationProperties("registry.events")
public record RegistryEventsProperties(
    @NotBlank @DefaultValue("registry.person.v1") String topic,
    @Min(1) @Max(10_000) @DefaultValue("500") int relayBatchSize,
    @NotNull @DefaultValue("1s") Duration relayInterval,
    @NotNull @DefaultValue("15s") Duration sendTimeout,
    @NotNull @Valid @DefaultValue Purge purge) {

  /**
   * The purge of sent outbox rows ({@link DeathEventOutboxPurge}). Unsent rows are never deleted.
   *
   * @param retention a row sent longer ago than this is deleted; default 30 days: longer than the topic's
   *     retention (7 days) and its dead-letter topic's (28 days, platform.kafka.topic-defaults), so an
   *     operator can still read or re-send from the outbox an event that Kafka has already dropped, e.g.
   *     for a consumer restored from a backup or a message replayed from a dead-letter topic at the end of
   *     its retention. The fact itself is kept for good in death_record and death_record_history (the
   *     record of truth) and in the audit trail, not in the outbox.
   * @param cron when the purge runs (Spring cron, six fields, in the bureau's zone Asia/Shanghai); default
   *     {@code 0 30 3 * * *}, 03:30 every night, outside office hours and the morning death feed;
   *     {@code -} disables it
   * @param batchSize the most rows one DELETE removes (each its own short transaction, so that the relay
   *     and the import never wait long for a lock); default 1,000
   */
  public record Purge(
      @NotNull @DefaultValue("30d") Duration retention,
      @NotBlank @DefaultValue("0 30 3 * * *") String cron,
      @Min(1) @Max(100_000) @DefaultValue("1000") int batchSize) {

    /** @throws IllegalArgumentException if {@code cron} is neither {@code -} nor a valid cron expression */
    public Purge {
      if (cron != null && !Scheduled.CRON_DISABLED.equals(cron)) {
        CronExpression.parse(cron);
      }
    }
  }
}
