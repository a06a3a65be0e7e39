package gov.civilaffairs.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The platform's Kafka wiring against an embedded broker: what a producer puts on the wire, what a
 * consumer receives, and where records that cannot be processed end up. No database is involved, so
 * the test application runs without DataSource and Flyway.
 */
@SpringBootTest(
    classes = PlatformKafkaIT.KafkaTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
        "spring.application.name=platform-kafka-it",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.group-id=platform-kafka-it",
        "platform.kafka.retry.max-attempts=3",
        "platform.kafka.retry.initial-interval=20ms",
        "platform.kafka.topics[platform.consumed.v1].partitions=2",
    })
@EmbeddedKafka
class PlatformKafkaIT {

  static final String PUBLISHED = "platform.published.v1";
  static final String CONSUMED = "platform.consumed.v1";
  static final String FAILING = "platform.failing.v1";
  static final String BATCH = "platform.batch.v1";
  static final String PERSON_DECEASED = "gov.civilaffairs.registry.person-deceased.v1";

  @Autowired CloudEventPublisher publisher;
  @Autowired KafkaTemplate<Object, Object> kafka;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired KafkaAdmin kafkaAdmin;
  @Autowired MeterRegistry meterRegistry;
  @Autowired Listeners listeners;

  /** A payload as a service would publish it: a record, dates as ISO strings. */
  record PersonDeceased(String personId, LocalDate dateOfDeath) {
  }

  @Test
  void publishedEventCarriesCloudEventsHeadersKeyAndJsonValue() throws Exception {
    EventEnvelope event = new EventEnvelope(UUID.randomUUID(), PERSON_DECEASED, "person-42",
        Instant.parse("2026-06-30T15:30:00Z"), new PersonDeceased("person-42", LocalDate.of(2026, 6, 30)));

    publisher.publish(PUBLISHED, event).get(10, TimeUnit.SECONDS);

    ConsumerRecord<byte[], byte[]> record = readOne(PUBLISHED, "person-42");
    assertThat(text(record.value())).isEqualTo("{\"personId\":\"person-42\",\"dateOfDeath\":\"2026-06-30\"}");
    assertCloudEventHeaders(record.headers(), event);
    assertThat(header(record, "traceparent")).as("W3C trace context of the observation-enabled template")
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
  }

  @Test
  void outboxMessageWithHeadersForCarriesTheSameHeaders() throws Exception {
    // What Spring Modulith's Kafka externaliser sends: the event object, its headers, key and topic.
    EventEnvelope event = EventEnvelope.of(PERSON_DECEASED, "person-43",
        new PersonDeceased("person-43", LocalDate.of(2026, 7, 1)));
    kafka.send(MessageBuilder.withPayload(event.data())
        .copyHeaders(publisher.headersFor(event))
        .setHeader(KafkaHeaders.KEY, event.subject())
        .setHeader(KafkaHeaders.TOPIC, PUBLISHED)
        .build()).get(10, TimeUnit.SECONDS);

    ConsumerRecord<byte[], byte[]> record = readOne(PUBLISHED, "person-43");
    assertThat(text(record.value())).isEqualTo("{\"personId\":\"person-43\",\"dateOfDeath\":\"2026-07-01\"}");
    assertCloudEventHeaders(record.headers(), event);
  }

  @Test
  void malformedRecordIsDeadLetteredWithItsBytesAndTheNextOneIsConsumed() throws Exception {
    double deadLettersBefore = deadLetters(CONSUMED);
    byte[] malformed = "not json {".getBytes(StandardCharsets.UTF_8);
    kafka.send(new ProducerRecord<>(CONSUMED, "person-7", malformed)).get(10, TimeUnit.SECONDS);
    EventEnvelope good = EventEnvelope.of(PERSON_DECEASED, "person-7", Map.of("personId", "person-7"));
    publisher.publish(CONSUMED, good).get(10, TimeUnit.SECONDS);

    // Same key, same partition: the good event is consumed after the malformed one was handled.
    IncomingEvent received = listeners.consumed.poll(20, TimeUnit.SECONDS);
    assertThat(received).isNotNull();
    assertThat(received.id()).isEqualTo(good.id());
    assertThat(received.type()).isEqualTo(PERSON_DECEASED);
    assertThat(received.source()).isEqualTo("platform-kafka-it");
    assertThat(received.subject()).isEqualTo("person-7");
    assertThat(received.data().path("personId").asString()).isEqualTo("person-7");

    ConsumerRecord<byte[], byte[]> deadLetter = readOne(TopicDeclarations.deadLetterTopicOf(CONSUMED), "person-7");
    assertThat(deadLetter.value()).isEqualTo(malformed);
    assertThat(header(deadLetter, "kafka_dlt-exception-fqcn"))
        .isEqualTo("org.springframework.kafka.support.serializer.DeserializationException");
    assertThat(header(deadLetter, "kafka_dlt-exception-message")).isNotBlank();
    assertThat(header(deadLetter, "kafka_dlt-exception-stacktrace")).isNotBlank();
    assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(CONSUMED);
    assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
    assertThat(deadLetter.partition())
        .isEqualTo(java.nio.ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-partition").value()).getInt());
    assertThat(deadLetters(CONSUMED) - deadLettersBefore).isEqualTo(1.0);
    assertThat(listeners.deliveries("person-7")).as("the malformed record never reached the listener").isEqualTo(1);
  }

  @Test
  void jsonWithoutCloudEventsHeadersIsDeadLetteredWithoutRetry() throws Exception {
    kafka.send(new ProducerRecord<>(CONSUMED, "person-8", "{\"personId\":\"person-8\"}")).get(10, TimeUnit.SECONDS);
    publisher.publish(CONSUMED, EventEnvelope.of(PERSON_DECEASED, "person-8", Map.of())).get(10, TimeUnit.SECONDS);

    assertThat(listeners.consumed.poll(20, TimeUnit.SECONDS)).extracting(IncomingEvent::subject).isEqualTo("person-8");
    ConsumerRecord<byte[], byte[]> deadLetter = readOne(TopicDeclarations.deadLetterTopicOf(CONSUMED), "person-8");
    assertThat(text(deadLetter.value())).isEqualTo("{\"personId\":\"person-8\"}");
    assertThat(header(deadLetter, "kafka_dlt-exception-cause-fqcn")).isEqualTo(MalformedEventException.class.getName());
    assertThat(listeners.deliveries("person-8")).as("one delivery each, no retry").isEqualTo(2);
  }

  @Test
  void listenerThatThrowsIsRetriedTheBoundedNumberOfTimesThenDeadLettered() throws Exception {
    EventEnvelope event = EventEnvelope.of(PERSON_DECEASED, "person-9", Map.of("personId", "person-9"));
    publisher.publish(FAILING, event).get(10, TimeUnit.SECONDS);

    ConsumerRecord<byte[], byte[]> deadLetter = readOne(TopicDeclarations.deadLetterTopicOf(FAILING), "person-9");
    assertThat(listeners.deliveries("person-9")).isEqualTo(3);
    assertThat(text(deadLetter.value())).isEqualTo("{\"personId\":\"person-9\"}");
    assertThat(header(deadLetter, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalStateException.class.getName());
    assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("benefit ledger unavailable");
    assertThat(header(deadLetter, "ce_id")).isEqualTo(event.id().toString());
  }

  @Test
  void batchListenerAppliesInOrderAndDeadLettersWhatItCannotReadOrApply() throws Exception {
    EventEnvelope first = EventEnvelope.of(PERSON_DECEASED, "person-20", Map.of("n", 1));
    EventEnvelope poison = EventEnvelope.of(PERSON_DECEASED, "person-20", Map.of("n", 2, "poison", true));
    EventEnvelope third = EventEnvelope.of(PERSON_DECEASED, "person-20", Map.of("n", 3));
    byte[] malformed = "{ not json".getBytes(StandardCharsets.UTF_8);
    EventEnvelope fourth = EventEnvelope.of(PERSON_DECEASED, "person-21", Map.of("n", 4));
    publisher.publish(BATCH, first).get(10, TimeUnit.SECONDS);
    publisher.publish(BATCH, poison).get(10, TimeUnit.SECONDS);
    publisher.publish(BATCH, third).get(10, TimeUnit.SECONDS);
    kafka.send(new ProducerRecord<>(BATCH, "person-21", malformed)).get(10, TimeUnit.SECONDS);
    publisher.publish(BATCH, fourth).get(10, TimeUnit.SECONDS);

    ConsumerRecord<byte[], byte[]> poisoned = readOne(TopicDeclarations.deadLetterTopicOf(BATCH), "person-20");
    ConsumerRecord<byte[], byte[]> unreadable = readOne(TopicDeclarations.deadLetterTopicOf(BATCH), "person-21");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (listeners.batchApplied.size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    assertThat(listeners.batchApplied).as("person-20's events in their order, the poison left out")
        .containsExactly(first.id(), third.id(), fourth.id());
    assertThat(header(poisoned, "ce_id")).isEqualTo(poison.id().toString());
    assertThat(header(poisoned, "kafka_dlt-exception-cause-fqcn")).isEqualTo(IllegalStateException.class.getName());
    assertThat(unreadable.value()).as("the malformed record's own bytes").isEqualTo(malformed);
  }

  @Test
  void consumedTopicsAndTheirDeadLetterTopicsHaveAsManyPartitions() throws Exception {
    try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
      Map<String, TopicDescription> topics = admin.describeTopics(java.util.List.of(
          PUBLISHED, CONSUMED, TopicDeclarations.deadLetterTopicOf(CONSUMED))).allTopicNames().get(10, TimeUnit.SECONDS);
      assertThat(topics.get(PUBLISHED).partitions()).hasSize(3);
      assertThat(topics.get(CONSUMED).partitions()).hasSize(2);
      assertThat(topics.get(TopicDeclarations.deadLetterTopicOf(CONSUMED)).partitions()).hasSize(2);
    }
  }

  private static void assertCloudEventHeaders(Headers headers, EventEnvelope event) {
    assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(headers, "ce_id")).isEqualTo(event.id().toString());
    assertThat(header(headers, "ce_type")).isEqualTo(PERSON_DECEASED);
    assertThat(header(headers, "ce_source")).isEqualTo("platform-kafka-it");
    assertThat(header(headers, "ce_subject")).isEqualTo(event.subject());
    assertThat(OffsetDateTime.parse(header(headers, "ce_time")).toInstant()).isEqualTo(event.time());
    assertThat(header(headers, "content-type")).isEqualTo("application/json");
    assertThat(headers.lastHeader("__TypeId__")).as("no Java class name on the wire").isNull();
    assertThat(headers.lastHeader("spring_json_header_types")).isNull();
  }

  private double deadLetters(String topic) {
    Counter counter = meterRegistry.find(DeadLetterMetrics.DEAD_LETTERS).tag(DeadLetterMetrics.TOPIC_TAG, topic).counter();
    return counter == null ? 0 : counter.count();
  }

  /** The first record of {@code topic} with {@code key}, read raw as a foreign consumer would. */
  private ConsumerRecord<byte[], byte[]> readOne(String topic, String key) {
    Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (Consumer<byte[], byte[]> consumer = new DefaultKafkaConsumerFactory<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(java.util.List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(text(record.key()))) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("No record on " + topic + " with key " + key);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    return header(record.headers(), name);
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    assertThat(header).as("header " + name).isNotNull();
    return text(header.value());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Listeners as a service writes them: {@code ConsumerRecord<String, JsonNode>} read into an {@link IncomingEvent}. */
  static class Listeners {

    final BlockingQueue<IncomingEvent> consumed = new LinkedBlockingQueue<>();
    final Map<String, AtomicInteger> deliveriesByKey = new ConcurrentHashMap<>();

    @KafkaListener(topics = CONSUMED)
    void onConsumed(ConsumerRecord<String, JsonNode> record) {
      delivered(record);
      consumed.add(IncomingEvent.from(record));
    }

    /** Ids of the batch listener's applied events, each once, in the order first applied (an idempotent consumer). */
    final Set<UUID> batchApplied = Collections.synchronizedSet(new LinkedHashSet<>());
    private final EventBatchProcessor batches = new EventBatchProcessor(TransactionOperations.withoutTransaction());

    @KafkaListener(topics = BATCH, batch = "true")
    void onBatch(List<ConsumerRecord<String, JsonNode>> records) {
      batches.process(records, new EventBatchProcessor.Handler<IncomingEvent>() {
        @Override
        public IncomingEvent read(ConsumerRecord<String, JsonNode> record) {
          return IncomingEvent.from(record);
        }

        @Override
        public void apply(IncomingEvent event) {
          if (event.data().path("poison").asBoolean(false)) {
            throw new IllegalStateException("cannot apply event " + event.id());
          }
          batchApplied.add(event.id());
        }
      });
    }

    @KafkaListener(topics = FAILING)
    void onFailing(ConsumerRecord<String, JsonNode> record) {
      delivered(record);
      IncomingEvent.from(record);
      throw new IllegalStateException("benefit ledger unavailable");
    }

    private void delivered(ConsumerRecord<String, JsonNode> record) {
      deliveriesByKey.computeIfAbsent(record.key(), key -> new AtomicInteger()).incrementAndGet();
    }

    int deliveries(String key) {
      AtomicInteger deliveries = deliveriesByKey.get(key);
      return deliveries == null ? 0 : deliveries.get();
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class KafkaTestApplication {

    @Bean
    Listeners listeners() {
      return new Listeners();
    }

    @Bean
    NewTopic publishedTopic(TopicDeclarations topics) {
      return topics.published(PUBLISHED);
    }

    @Bean
    KafkaAdmin.NewTopics consumedTopics(TopicDeclarations topics) {
      return topics.consumed(CONSUMED);
    }

    @Bean
    KafkaAdmin.NewTopics failingTopics(TopicDeclarations topics) {
      return topics.consumed(FAILING);
    }

    @Bean
    KafkaAdmin.NewTopics batchTopics(TopicDeclarations topics) {
      return topics.consumed(BATCH);
    }
  }
}
