package gov.civilaffairs.systemtests;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The registry's person topic ({@value SystemUnderTest#PERSON_TOPIC}) and its dead-letter topic, read and
 * written with plain Kafka clients: what was published, whether every consumer has caught up, and raw
 * records that no well-behaved producer would send.
 */
final class PersonTopic {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String bootstrapServers;

  PersonTopic(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Waits until each of the services' consumer groups has committed every record now on the topic: after
   * this, whatever the services will do with what was published so far is done.
   */
  void awaitConsumedByAll() {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Map<TopicPartition, Long> ends = endOffsets(admin, SystemUnderTest.PERSON_TOPIC);
      await("consumers of " + SystemUnderTest.PERSON_TOPIC + " caught up with " + ends).atMost(TIMEOUT)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> SystemUnderTest.PERSON_TOPIC_CONSUMERS.stream().allMatch(group -> caughtUp(admin, group, ends)));
    }
  }

  private static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> ends) {
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot read the offsets of consumer group " + group, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
        || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
    try {
      Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
          .partitions().stream()
          .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition.partition()),
              partition -> OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot read the end offsets of " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every event on the topic keyed by this person id ({@code ce_type} of each, oldest first). */
  List<String> eventTypesOf(long personId) {
    return read(SystemUnderTest.PERSON_TOPIC).stream()
        .filter(record -> String.valueOf(personId).equals(new String(record.key(), StandardCharsets.UTF_8)))
        .map(record -> header(record, "ce_type")).toList();
  }

  /**
   * A record on the dead-letter topic: the {@code ce_id} of the original and the consumer group that gave up
   * on it (Spring Kafka's {@code kafka_dlt-original-consumer-group} header).
   */
  record DeadLetter(String eventId, String consumerGroup) {
  }

  /** Every record on the dead-letter topic, oldest first. */
  List<DeadLetter> deadLetters() {
    return read(SystemUnderTest.PERSON_DEAD_LETTER_TOPIC).stream()
        .map(record -> new DeadLetter(header(record, "ce_id"), header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)))
        .toList();
  }

  /** Every record of a topic from the beginning, with a throw-away consumer (no group). */
  private List<ConsumerRecord<byte[], byte[]>> read(String topic) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
      Map<TopicPartition, Long> ends = endOffsets(admin, topic);
      Collection<TopicPartition> partitions = ends.keySet();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Could not read " + topic + " to " + ends + " within " + TIMEOUT);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * Puts a poison message on the topic: CloudEvents headers of a {@code person-deceased} event, keyed by the
   * person id, with a value that is not JSON.
   *
   * @return its {@code ce_id}
   */
  UUID sendPoison(long personId) {
    UUID eventId = UUID.randomUUID();
    ProducerRecord<String, String> poison = new ProducerRecord<>(SystemUnderTest.PERSON_TOPIC,
        String.valueOf(personId), "{\"eventId\": \"not json");
    Map.of("ce_specversion", "1.0", "ce_id", eventId.toString(),
            "ce_type", "gov.civilaffairs.registry.person-deceased.v1", "ce_source", "registry-service",
            "ce_time", "2026-11-01T00:00:00Z", "ce_subject", String.valueOf(personId),
            "content-type", "application/json")
        .forEach((key, value) -> poison.headers().add(key, value.getBytes(StandardCharsets.UTF_8)));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      producer.send(poison).get();
      return eventId;
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not send the poison message", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a record again, byte for byte with its headers (a duplicate delivery, as after a rebalance). */
  private void redeliver(ConsumerRecord<byte[], byte[]> record) {
    ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
        record.headers());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      producer.send(copy).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not redeliver " + record, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Redelivers every event already published for this person (each then arrives twice). */
  void redeliverEventsOf(long personId) {
    read(SystemUnderTest.PERSON_TOPIC).stream()
        .filter(record -> String.valueOf(personId).equals(new String(record.key(), StandardCharsets.UTF_8)))
        .forEach(this::redeliver);
  }
}
