package gov.civilaffairs.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.civilaffairs.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox's meters in /actuator/prometheus (registry-service/README.md): rows written but not yet sent
 * raise the pending gauge and the oldest pending age; the relay's batch sends them, which counts them as
 * sent, times the batch and brings the gauges back. The test profile's relay runs only after commits, so rows
 * inserted here wait until the test calls it.
 */
class DeathEventOutboxMetricsIT extends RegistryIntegrationTest {

  @Autowired
  DeathEventRelay relay;

  @Autowired
  Clock clock;

  @Test
  void pendingRowsShowInTheGaugesAndTheirSendInTheCountersAndTheTimer() throws Exception {
    String before = scrape();
    assertThat(before).contains("# TYPE registry_outbox_pending gauge", "# TYPE registry_outbox_oldest_pending_age_seconds gauge",
        "# TYPE registry_outbox_sent_total counter", "# TYPE registry_outbox_send_failures_total counter",
        "# TYPE registry_outbox_relay_batch_seconds summary", "# TYPE registry_outbox_purged_total counter");
    double pendingBefore = value(before, "registry_outbox_pending");
    double sentBefore = value(before, "registry_outbox_sent_total");
    double batchesBefore = value(before, "registry_outbox_relay_batch_seconds_count");

    long personId = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    Instant twoMinutesAgo = clock.instant().minus(Duration.ofMinutes(2));
    insertUnsent(personId, twoMinutesAgo);
    insertUnsent(personId, twoMinutesAgo.plusSeconds(1));

    String waiting = awaitScrape("registry_outbox_pending", v -> v == pendingBefore + 2);
    assertThat(value(waiting, "registry_outbox_oldest_pending_age_seconds")).as("written two minutes ago")
        .isGreaterThanOrEqualTo(120);

    relay.sendSoon();
    assertThat(eventsOf(personId, 2, Duration.ofSeconds(20))).hasSize(2);

    String after = awaitScrape("registry_outbox_pending", v -> v == pendingBefore);
    assertThat(value(after, "registry_outbox_sent_total")).isGreaterThanOrEqualTo(sentBefore + 2);
    assertThat(value(after, "registry_outbox_relay_batch_seconds_count")).isGreaterThanOrEqualTo(batchesBefore + 1);
    assertThat(value(after, "registry_outbox_relay_batch_seconds_sum")).isPositive();
    if (pendingBefore == 0) {
      assertThat(value(after, "registry_outbox_oldest_pending_age_seconds")).isZero();
    }
  }

  private void insertUnsent(long personId, Instant createdAt) {
    UUID eventId = UUID.randomUUID();
    String payload = "{\"eventId\":\"" + eventId + "\",\"personId\":" + personId + ",\"deathRecordId\":1,"
        + "\"reason\":\"metrics test\",\"revokedAt\":\"" + createdAt + "\"}";
    jdbc.update("""
        INSERT INTO death_event_outbox (event_id, topic, subject, event_type, event_time, payload, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", eventId.toString(), TOPIC, String.valueOf(personId),
        RegistryEventsConfiguration.DEATH_RECORD_REVOKED_TYPE, createdAt.toString(), payload,
        JdbcDeathEventOutbox.UTC_MICROS.format(createdAt));
  }

  private String scrape() throws Exception {
    HttpResponse<String> response = get(null, "/actuator/prometheus");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** Scrapes until the meter's value satisfies the condition (the gauges read the table at most once a second). */
  private String awaitScrape(String meter, DoublePredicate condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String body = scrape();
    while (!condition.test(value(body, meter))) {
      assertThat(System.nanoTime()).as("%s reaches the expected value; last scrape: %s", meter, value(body, meter))
          .isLessThan(deadline);
      Thread.sleep(200);
      body = scrape();
    }
    return body;
  }

  /** The value of a meter without tags other than the common ones, as Prometheus' text format shows it. */
  static double value(String scrape, String meter) {
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(meter) + "(\\{[^}]*\\})? (\\S+)$").matcher(scrape);
    assertThat(matcher.find()).as("%s in /actuator/prometheus", meter).isTrue();
    return Double.parseDouble(matcher.group(2));
  }
}
