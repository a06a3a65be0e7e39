package gov.civilaffairs.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's event outbox (ADR 0008) against the real database and an embedded broker, through a stand-in
 * service ({@link OutboxTestApplication}). Each test uses its own topic, so rows of other tests do not disturb it.
 */
@SpringBootTest(classes = OutboxTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@org.springframework.test.context.TestPropertySource(locations = "classpath:outbox-test.properties")
@EmbeddedKafka(partitions = 3)
class EventOutboxIT {

  private static final String TYPE = "gov.civilaffairs.test.note-written.v1";

  @Autowired OutboxTestApplication.Notes notes;
  @Autowired EventOutbox outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired CloudEventPublisher publisher;
  @Autowired EmbeddedKafkaBroker broker;

  @Test
  void theTransactionsEventsAreWrittenTogetherAtItsCommitAndSentAfterItInOrder() throws Exception {
    String topic = "outbox.in-order.v1";
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      events.add(event("person-" + (i % 3), Map.of("n", i)));
    }
    transaction.executeWithoutResult(status -> {
      notes.write("thirty events", topic, events.subList(0, 20));
      outbox.appendAll(topic, events.subList(20, 30));
      assertThat(rowsOf(topic)).as("nothing written before the commit").isZero();
    });

    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT id, ce_id, created_at FROM event_outbox WHERE topic = ? ORDER BY id", topic);
    assertThat(rows).extracting(row -> row.get("ce_id"))
        .containsExactlyElementsOf(events.stream().map(e -> e.id().toString()).toList());
    assertThat(rows).extracting(row -> row.get("created_at")).as("one insert: one created_at").containsOnly(
        rows.get(0).get("created_at"));
    long first = ((Number) rows.get(0).get("id")).longValue();
    assertThat(rows).extracting(row -> ((Number) row.get("id")).longValue() - first).as("ids of one multi-row insert")
        .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 30).boxed().toList());

    List<ConsumerRecord<String, byte[]>> received = read(topic, 30);
    for (String key : List.of("person-0", "person-1", "person-2")) {
      assertThat(received.stream().filter(r -> r.key().equals(key)).map(r -> header(r, "ce_id")).toList())
          .as("the events of %s in the order they were appended", key)
          .containsExactlyElementsOf(events.stream().filter(e -> e.subject().equals(key)).map(e -> e.id().toString())
              .toList());
    }
    awaitSent(topic, 30);
  }

  @Test
  void whatLeavesIsWhatTheCloudEventPublisherSendsDirectly() throws Exception {
    String topic = "outbox.same-bytes.v1";
    String direct = "outbox.same-bytes-direct.v1";
    EventEnvelope event = new EventEnvelope(UUID.randomUUID(), TYPE, "person-7",
        Instant.parse("2026-11-30T15:30:00.123456789Z"), new LinkedHashMap<>(Map.of("name", "张三", "amount", 50.00)));
    transaction.executeWithoutResult(status -> outbox.append(topic, event));
    publisher.publish(direct, event).get(10, TimeUnit.SECONDS);

    ConsumerRecord<String, byte[]> viaOutbox = read(topic, 1).get(0);
    ConsumerRecord<String, byte[]> sentDirectly = read(direct, 1).get(0);
    assertThat(viaOutbox.key()).isEqualTo("person-7").isEqualTo(sentDirectly.key());
    assertThat(new String(viaOutbox.value(), StandardCharsets.UTF_8))
        .isEqualTo(new String(sentDirectly.value(), StandardCharsets.UTF_8));
    assertThat(cloudEventHeaders(viaOutbox)).isEqualTo(cloudEventHeaders(sentDirectly))
        .containsEntry("ce_id", event.id().toString()).containsEntry("ce_type", TYPE)
        .containsEntry("ce_source", "outbox-test-service").containsEntry("ce_subject", "person-7")
        .containsEntry("content-type", "application/json");
  }

  @Test
  void nothingIsWrittenOrSentForATransactionThatRollsBack() throws Exception {
    String topic = "outbox.rolled-back.v1";
    long notesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM test_note", Long.class);
    assertThatThrownBy(() -> notes.writeAndFail("fails", topic, List.of(event("person-1", Map.of("n", 1)))))
        .isInstanceOf(IllegalStateException.class);
    EventEnvelope committed = event("person-2", Map.of("n", 2));
    transaction.executeWithoutResult(status -> {
      outbox.append(topic, event("person-2", Map.of("n", 3)));
      notes.writeSeparately("its own transaction", topic, List.of(committed));
      status.setRollbackOnly();
    });

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM test_note", Long.class)).isEqualTo(notesBefore + 1);
    assertThat(jdbc.queryForList("SELECT ce_id FROM event_outbox WHERE topic = ?", String.class, topic))
        .as("only the inner REQUIRES_NEW transaction's event").containsExactly(committed.id().toString());
    List<ConsumerRecord<String, byte[]>> received = readFor(topic, Duration.ofSeconds(3));
    assertThat(received).extracting(r -> header(r, "ce_id")).containsExactly(committed.id().toString());
  }

  @Test
  void anAppendOutsideATransactionIsRefusedAndWritesNothing() {
    String topic = "outbox.no-transaction.v1";
    assertThatThrownBy(() -> outbox.append(topic, event("person-1", Map.of("n", 1))))
        .isInstanceOf(IllegalTransactionStateException.class);
    assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
        outbox.append(topic, new EventEnvelope(UUID.randomUUID(), TYPE, "person-1", Instant.now(), "{ not json"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(rowsOf(topic)).isZero();
  }

  private static EventEnvelope event(String subject, Object data) {
    return new EventEnvelope(UUID.randomUUID(), TYPE, subject, Instant.now(), data);
  }

  private long rowsOf(String topic) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM event_outbox WHERE topic = ?", Long.class, topic);
  }

  private void awaitSent(String topic, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (jdbc.queryForObject("SELECT COUNT(*) FROM event_outbox WHERE topic = ? AND sent_at IS NOT NULL",
        Long.class, topic) < expected) {
      assertThat(System.nanoTime()).as("%s rows of %s marked sent", expected, topic).isLessThan(deadline);
      Thread.sleep(100);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_outbox WHERE topic = ? AND attempts > 0",
        Long.class, topic)).isZero();
  }

  private static Map<String, String> cloudEventHeaders(ConsumerRecord<String, byte[]> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      if (header.key().startsWith("ce_") || header.key().equals("content-type")) {
        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return headers;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** At least {@code count} records of {@code topic}, waiting at most 15 s. */
  private List<ConsumerRecord<String, byte[]>> read(String topic, int count) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (Consumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    assertThat(records).as("records of %s", topic).hasSize(count);
    return records;
  }

  /** Every record of {@code topic} that arrives within {@code wait}. */
  private List<ConsumerRecord<String, byte[]>> readFor(String topic, Duration wait) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (Consumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private Consumer<String, byte[]> consumer() {
    Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(broker, "outbox-it-" + UUID.randomUUID(), false));
    props.put("auto.offset.reset", "earliest");
    return new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer())
        .createConsumer();
  }
}
