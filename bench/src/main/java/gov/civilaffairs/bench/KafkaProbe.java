package gov.civilaffairs.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the benchmark asks the broker directly (kafka-clients, no Spring): how far each consumer group
 * of the registry's topic lags behind (the services commit an offset after applying the event, so lag
 * 0 means every effect is applied), the size of a real event, and the raw produce-and-consume baseline.
 */
final class KafkaProbe implements AutoCloseable {

  /** The baseline's result: wall time for all messages, and per-message latency percentiles (ms). */
  record Baseline(int messages, int bytes, double seconds, double p50Millis, double p99Millis) {
    double perSecond() {
      return messages / seconds;
    }
  }

  private final String bootstrap;
  private final Admin admin;

  KafkaProbe(String bootstrap) {
    this.bootstrap = bootstrap;
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  /** The groups that have committed offsets on the topic, i.e. the services consuming it. */
  List<String> consumerGroups(String topic) {
    List<String> groups = new ArrayList<>();
    for (ConsumerGroupListing group : get(admin.listConsumerGroups().all())) {
      Map<TopicPartition, OffsetAndMetadata> offsets = committed(group.groupId());
      // A group that has not committed yet (an empty topic) counts by its members' assignment.
      boolean assigned = get(admin.describeConsumerGroups(List.of(group.groupId())).all()).values().stream()
          .flatMap(d -> d.members().stream())
          .anyMatch(m -> m.assignment().topicPartitions().stream().anyMatch(tp -> tp.topic().equals(topic)));
      if (assigned || offsets.keySet().stream().anyMatch(tp -> tp.topic().equals(topic))) {
        groups.add(group.groupId());
      }
    }
    groups.sort(null);
    return groups;
  }

  /** Messages ever published on the topic: the sum of its partitions' end offsets. */
  long published(String topic) {
    return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Messages on the topic not yet committed by each group. */
  Map<String, Long> lag(String topic, Collection<String> groups) {
    Map<TopicPartition, Long> ends = endOffsets(topic);
    Map<String, Long> lags = new HashMap<>();
    for (String group : groups) {
      Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
      lags.put(group, ends.entrySet().stream().mapToLong(e -> {
        OffsetAndMetadata at = committed.get(e.getKey());
        return e.getValue() - (at == null ? 0 : at.offset());
      }).sum());
    }
    return lags;
  }

  /** Size in bytes (key, value and headers) of the newest message on the topic; 0 when empty. */
  int newestMessageSize(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
      List<TopicPartition> partitions = partitions(topic);
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      ends.forEach((tp, end) -> consumer.seek(tp, Math.max(0, end - 1)));
      for (int i = 0; i < 10; i++) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          int size = (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
          for (Header h : r.headers()) {
            size += h.key().length() + (h.value() == null ? 0 : h.value().length);
          }
          return size;
        }
      }
      return 0;
    }
  }

  /**
   * Produces {@code count} messages of {@code bytes} bytes (acks=all, like the services) to a fresh
   * topic with as many partitions as {@code likeTopic}, while one consumer reads them; deletes the
   * topic afterwards. Latency per message: consumer receipt minus the record's create time.
   */
  Baseline baseline(String likeTopic, int count, int bytes) {
    String topic = "bench.baseline." + UUID.randomUUID();
    int partitions = partitions(likeTopic).size();
    get(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all());
    try (KafkaConsumer<byte[], byte[]> consumer = consumer("bench-" + UUID.randomUUID());
        KafkaProducer<byte[], byte[]> producer = producer()) {
      consumer.subscribe(List.of(topic));
      while (consumer.assignment().size() < partitions) {
        consumer.poll(Duration.ofMillis(100));
      }
      byte[] payload = new byte[bytes];
      long[] latencies = new long[count];
      long start = System.nanoTime();
      Thread sender = new Thread(() -> {
        for (int i = 0; i < count; i++) {
          producer.send(new ProducerRecord<>(topic, Integer.toString(i).getBytes(), payload));
        }
        producer.flush();
      });
      sender.start();
      int received = 0;
      while (received < count) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          latencies[received++] = System.currentTimeMillis() - r.timestamp();
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      join(sender);
      Arrays.sort(latencies);
      return new Baseline(count, bytes, seconds, Percentiles.of(latencies, 0.50), Percentiles.of(latencies, 0.99));
    } finally {
      get(admin.deleteTopics(Set.of(topic)).all());
    }
  }

  @Override
  public void close() {
    admin.close();
  }

  private Map<TopicPartition, Long> endOffsets(String topic) {
    Map<TopicPartition, OffsetSpec> latest = partitions(topic).stream()
        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    return get(admin.listOffsets(latest).all()).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private List<TopicPartition> partitions(String topic) {
    return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
    Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(
        Map.of(group, new ListConsumerGroupOffsetsSpec())).partitionsToOffsetAndMetadata(group));
    offsets.values().removeIf(Objects::isNull);
    return offsets;
  }

  private KafkaConsumer<byte[], byte[]> consumer(String group) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    if (group != null) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static <T> T get(KafkaFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }
}
