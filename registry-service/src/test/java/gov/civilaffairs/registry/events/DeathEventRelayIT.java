package gov.civilaffairs.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import gov.civilaffairs.registry.RegistryIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * ADR 0006: rows of {@code death_event_outbox} that were committed but never sent (a crash between the
 * commit and the send, or Kafka down at that moment) are sent by the relay, oldest first, with their
 * CloudEvents headers and payload as stored, marked sent, and not sent again by the next drain.
 */
class DeathEventRelayIT extends RegistryIntegrationTest {

  @Autowired
  DeathEventRelay relay;

  @Test
  void rowsLeftUnsentAreSentOldestFirstOnceAndMarkedSent() throws Exception {
    long personId = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    UUID deceasedId = UUID.randomUUID();
    UUID revokedId = UUID.randomUUID();
    String deceased = "{\"eventId\":\"" + deceasedId + "\",\"personId\":" + personId + ",\"deathRecordId\":1,"
        + "\"nationalIdNumber\":\"330681195003150012\",\"name\":\"钱某\",\"dateOfDeath\":\"2025-06-01\","
        + "\"source\":\"HUKOU_CANCELLATION\",\"confirmedAt\":\"2025-06-02T01:02:03.123456Z\"}";
    String revoked = "{\"eventId\":\"" + revokedId + "\",\"personId\":" + personId + ",\"deathRecordId\":1,"
        + "\"reason\":\"wrong person\",\"revokedAt\":\"2025-06-03T01:02:03.654321Z\"}";
    // what a crash right after the business transaction's commit leaves behind
    insertUnsent(deceasedId, personId, RegistryEventsConfiguration.PERSON_DECEASED_TYPE, "2025-06-02T01:02:03.123456Z", deceased);
    insertUnsent(revokedId, personId, RegistryEventsConfiguration.DEATH_RECORD_REVOKED_TYPE, "2025-06-03T01:02:03.654321Z", revoked);
    assertThat(eventsOf(personId, 1, Duration.ofSeconds(2))).as("nothing sends them before the relay runs").isEmpty();

    relay.sendSoon();

    List<ConsumerRecord<String, String>> events = eventsOf(personId, 2, Duration.ofSeconds(20));
    assertThat(events).hasSize(2);
    assertThat(events).extracting(e -> header(e, "ce_id")).containsExactly(deceasedId.toString(), revokedId.toString());
    assertThat(events).extracting(e -> header(e, "ce_type")).containsExactly(
        "gov.civilaffairs.registry.person-deceased.v1", "gov.civilaffairs.registry.death-record-revoked.v1");
    assertThat(events).extracting(ConsumerRecord::value).containsExactly(deceased, revoked);
    assertThat(header(events.get(0), "ce_time")).isEqualTo("2025-06-02T01:02:03.123456Z");
    assertThat(header(events.get(0), "ce_subject")).isEqualTo(String.valueOf(personId));
    assertThat(header(events.get(0), "ce_source")).isEqualTo("registry-service");
    assertThat(header(events.get(0), "content-type")).isEqualTo("application/json");
    awaitSent(deceasedId, revokedId);

    relay.sendSoon();
    assertThat(eventsOf(personId, 3, Duration.ofSeconds(3))).as("a sent row is not sent again").hasSize(2);
  }

  private void insertUnsent(UUID eventId, long personId, String type, String time, String payload) {
    jdbc.update("""
        INSERT INTO death_event_outbox (event_id, topic, subject, event_type, event_time, payload, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", eventId.toString(), TOPIC, String.valueOf(personId), type, time, payload,
        "2025-06-03 01:02:04.000000");
  }

  private void awaitSent(UUID... eventIds) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    for (UUID eventId : eventIds) {
      while (jdbc.queryForObject("SELECT COUNT(*) FROM death_event_outbox WHERE event_id = ? AND sent_at IS NOT NULL",
          Integer.class, eventId.toString()) == 0) {
        assertThat(System.nanoTime()).as("row %s marked sent", eventId).isLessThan(deadline);
        Thread.sleep(100);
      }
    }
  }
}
