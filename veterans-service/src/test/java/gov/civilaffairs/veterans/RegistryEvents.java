package gov.civilaffairs.veterans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.KafkaAdmin;

/**
 * Produces the registry's person events onto {@code registry.person.v1} as the registry does (CloudEvents
 * binary mode, the payload fields of contracts/events/registry.person-*.schema.json), each twice, and waits
 * until the service has consumed them.
 */
public final class RegistryEvents {

  private static final String TOPIC = "registry.person.v1";
  private static final String DECEASED = "gov.civilaffairs.registry.person-deceased.v1";
  private static final String REVOKED = "gov.civilaffairs.registry.death-record-revoked.v1";
  private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 + 5_000_000);

  private final CloudEventPublisher cloudEvents;
  private final KafkaAdmin kafkaAdmin;

  public RegistryEvents(CloudEventPublisher cloudEvents, KafkaAdmin kafkaAdmin) {
    this.cloudEvents = cloudEvents;
    this.kafkaAdmin = kafkaAdmin;
  }

  /** A fresh id for a registry person or death record. */
  public static long nextId() {
    return IDS.incrementAndGet();
  }

  /** Delivers a confirmed death twice and waits until it is consumed. */
  public void deceased(long personId, long deathRecordId, String idNumber, String dateOfDeath) throws Exception {
    String payload = RestClientSupport.JSON.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(),
        "personId", personId, "deathRecordId", deathRecordId, "nationalIdNumber", idNumber, "name", "王𠮷国",
        "dateOfDeath", dateOfDeath, "source", "HUKOU_CANCELLATION", "confirmedAt", "2026-11-01T02:00:00Z"));
    deliverTwice(DECEASED, personId, payload);
  }

  /** Delivers the revocation of a death record twice and waits until it is consumed. */
  public void revoked(long personId, long deathRecordId) throws Exception {
    String payload = RestClientSupport.JSON.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(),
        "personId", personId, "deathRecordId", deathRecordId, "reason", "wrong person",
        "revokedAt", "2026-11-10T02:00:00Z"));
    deliverTwice(REVOKED, personId, payload);
  }

  private void deliverTwice(String type, long personId, String payload) throws Exception {
    UUID eventId = UUID.fromString(RestClientSupport.JSON.readTree(payload).path("eventId").asString());
    for (int i = 0; i < 2; i++) {
      cloudEvents.publish(TOPIC, new EventEnvelope(eventId, type, String.valueOf(personId),
          Instant.parse("2026-11-01T02:00:00Z"), payload)).get();
    }
    awaitConsumed();
  }

  /** Waits until the service's consumer group has committed every record of the topic. */
  private void awaitConsumed() throws Exception {
    try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (true) {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("veterans-service")
            .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(TOPIC)).allTopicNames().get()
            .get(TOPIC).partitions().stream()
            .collect(Collectors.toMap(partition -> new TopicPartition(TOPIC, partition.partition()),
                partition -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        boolean done = ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
            || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset()));
        if (done) {
          return;
        }
        assertThat(System.nanoTime()).as("consumer caught up within 30 s").isLessThan(deadline);
        Thread.sleep(100);
      }
    }
  }
}
