package gov.civilaffairs.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import gov.civilaffairs.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The purge of {@code death_event_outbox} (registry.events.purge.*): rows sent longer ago than the retention
 * are deleted, in batches; rows sent within it and rows never sent (however old) stay.
 */
class DeathEventOutboxPurgeIT extends RegistryIntegrationTest {

  @Autowired
  DeathEventOutboxPurge purge;

  @Autowired
  DeathEventOutboxMetrics metrics;

  @Autowired
  RegistryEventsProperties properties;

  @Autowired
  Clock clock;

  @Test
  void rowsSentBeforeTheRetentionAreDeletedNewerAndUnsentRowsStay() {
    assertThat(properties.purge().retention()).isEqualTo(Duration.ofDays(30));
    Instant now = clock.instant();
    UUID sentLongAgo = insert(now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(31)));
    UUID sentJustAfterRetention = insert(now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(29)));
    UUID sentYesterday = insert(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1)));
    UUID neverSent = insert(now.minus(Duration.ofDays(60)), null);

    int deleted = purge.purge();

    assertThat(deleted).isEqualTo(1);
    assertThat(exists(sentLongAgo)).isFalse();
    assertThat(exists(sentJustAfterRetention)).isTrue();
    assertThat(exists(sentYesterday)).isTrue();
    assertThat(exists(neverSent)).as("an unsent row is never purged").isTrue();
    jdbc.update("DELETE FROM death_event_outbox WHERE event_id = ?", neverSent.toString()); // not for the relay
  }

  @Test
  void manyOldRowsAreDeletedInSeveralBatches() {
    Instant now = clock.instant();
    RegistryEventsProperties.Purge twoPerBatch = new RegistryEventsProperties.Purge(Duration.ofDays(30), "-", 2);
    DeathEventOutboxPurge smallBatches = new DeathEventOutboxPurge(jdbc, twoPerBatch, metrics, clock);
    for (int i = 0; i < 5; i++) {
      insert(now.minus(Duration.ofDays(50)), now.minus(Duration.ofDays(45 - i)));
    }
    UUID recent = insert(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));

    assertThat(smallBatches.purge()).as("two, two, one: three DELETE statements").isEqualTo(5);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM death_event_outbox WHERE sent_at < ?", Integer.class,
        JdbcDeathEventOutbox.UTC_MICROS.format(now.minus(Duration.ofDays(30))))).isZero();
    assertThat(exists(recent)).isTrue();
  }

  @Test
  void thePurgeRunsOnItsCron() throws Exception {
    Instant now = clock.instant();
    UUID old = insert(now.minus(Duration.ofDays(50)), now.minus(Duration.ofDays(40)));
    DeathEventOutboxPurge everySecond = new DeathEventOutboxPurge(jdbc,
        new RegistryEventsProperties.Purge(Duration.ofDays(30), "* * * * * *", 1000), metrics, clock);
    everySecond.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (exists(old)) {
        assertThat(System.nanoTime()).as("the scheduled purge deleted the old row").isLessThan(deadline);
        Thread.sleep(200);
      }
    } finally {
      everySecond.stop();
    }
  }

  private UUID insert(Instant createdAt, Instant sentAt) {
    UUID eventId = UUID.randomUUID();
    jdbc.update("""
        INSERT INTO death_event_outbox (event_id, topic, subject, event_type, event_time, payload, created_at, sent_at)
        VALUES (?, ?, '1', ?, ?, '{}', ?, ?)""", eventId.toString(), TOPIC,
        RegistryEventsConfiguration.PERSON_DECEASED_TYPE, createdAt.toString(),
        JdbcDeathEventOutbox.UTC_MICROS.format(createdAt),
        sentAt == null ? null : JdbcDeathEventOutbox.UTC_MICROS.format(sentAt));
    return eventId;
  }

  private boolean exists(UUID eventId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM death_event_outbox WHERE event_id = ?", Integer.class,
        eventId.toString()) == 1;
  }
}
