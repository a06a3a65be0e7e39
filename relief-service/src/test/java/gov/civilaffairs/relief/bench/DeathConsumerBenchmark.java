package gov.civilaffairs.relief.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.relief.ReliefTestSupport;
import gov.civilaffairs.relief.death.DeathRule;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;

/**
 * Benchmark of issue 4 for relief-service's consumer of {@code registry.person.v1} alone: {@code bench.households}
 * (default 50,000) one-member allowance households (the demo city's size), then {@code bench.deaths} (default 10,000)
 * person-deceased events, of which {@code bench.known-percent} (default 5) % concern a member of a household here
 * (allowance terminated, benefit-terminated published through the outbox) and the rest persons relief does not
 * know, published with the listeners stopped. In one run:
 * <ol>
 *   <li>baseline: a plain Kafka consumer (new group, bytes, no deserialisation) reads the {@value #DEATHS} records;</li>
 *   <li>relief's listener is started and timed until its group's committed offsets reach the end of every partition
 *       (consumer lag 0); the effects are checked after (every event processed, every known death applied);</li>
 *   <li>the time from the listener's start until the relay has sent every termination's benefit-terminated v1 and v2
 *       (no row of {@code benefit_termination_outbox} left unsent) is printed too.</li>
 * </ol>
 * Prints events per second of both. Schema {@code relief_bench_deaths<TEST_SCHEMA_SUFFIX>}, emptied at start. Not a
 * test of the build: runs only under the Maven profile {@code bench} (README, "Benchmark of the death consumer"):
 * {@code TEST_SCHEMA_SUFFIX=_x ../mvnw -o -B -pl relief-service -am -Pbench -DskipTests verify
 * -Dit.test=DeathConsumerBenchmark}. Asserts effects, never timings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:mysql://127.0.0.1:3306/relief_bench_deaths${TEST_SCHEMA_SUFFIX:}?createDatabaseIfNotExist=true"
        + "&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true",
    "logging.level.gov.civilaffairs=WARN"})
@ActiveProfiles({"test", "bench"})
@EmbeddedKafka(partitions = 1)
class DeathConsumerBenchmark extends ReliefTestSupport {

  static final String TOPIC = "registry.person.v1";
  static final String GROUP = "relief-service";
  static final int HOUSEHOLDS = Integer.getInteger("bench.households", 50_000);
  static final int DEATHS = Integer.getInteger("bench.deaths", 10_000);
  static final int KNOWN_PERCENT = Integer.getInteger("bench.known-percent", 5);
  static final int BATCH = 1000;

  @Autowired
  DataSource dataSource;

  @Autowired
  CloudEventPublisher publisher;

  @Autowired
  KafkaListenerEndpointRegistry listeners;

  @Test
  void reliefConsumerThroughputAgainstARawKafkaConsumer() throws Exception {
    String machine = machine();
    load();
    listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
    int known = publishDeaths();

    long rawStart = System.nanoTime();
    int read = rawConsume();
    long rawMillis = (System.nanoTime() - rawStart) / 1_000_000;

    long start = System.nanoTime();
    listeners.getListenerContainers().forEach(MessageListenerContainer::start);
    awaitLagZero();
    long millis = (System.nanoTime() - start) / 1_000_000;
    awaitTerminationsSent();
    long sentMillis = (System.nanoTime() - start) / 1_000_000;

    System.out.printf("%n=== relief death consumer benchmark ===%n%d households; %d deaths (%d of household members);"
            + " machine at start: %s; load average now %.2f%n"
            + "baseline: raw Kafka consumer: %d records in %d ms = %.0f records/s%n"
            + "relief-service listener until lag 0: %d events in %d ms = %.0f events/s (ratio to baseline %.1f)%n"
            + "benefit-terminated v1 and v2 of the %d terminations acknowledged by Kafka (relay) %d ms after the start%n%n",
        HOUSEHOLDS, DEATHS, known, machine, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        read, rawMillis, read * 1000.0 / rawMillis, DEATHS, millis, DEATHS * 1000.0 / millis,
        (double) millis / Math.max(1, rawMillis), known, sentMillis);
    assertThat(read).isEqualTo(DEATHS);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event", Long.class)).isEqualTo(DEATHS);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM death_record WHERE status = 'APPLIED'", Long.class))
        .isEqualTo(DEATHS);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM allowance WHERE status = 'TERMINATED'", Long.class))
        .isEqualTo(known);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM benefit_termination_outbox WHERE sent_at IS NOT NULL",
        Long.class)).isEqualTo(known);
  }

  /** Households, members, allowances and amounts, by plain JDBC batches (not measured). */
  private void load() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement h = c.prepareStatement(
              "INSERT INTO household (id, region_code, area, monthly_income) VALUES (?, ?, 'URBAN', ?)");
          PreparedStatement m = c.prepareStatement(
              "INSERT INTO household_member (household_id, national_id_number, name, relation, head) VALUES (?, ?, '测试', 'HEAD', TRUE)");
          PreparedStatement a = c.prepareStatement(
              "INSERT INTO allowance (id, household_id, start_month, status) VALUES (?, ?, '2026-01-01', 'ACTIVE')");
          PreparedStatement x = c.prepareStatement(
              "INSERT INTO allowance_amount (allowance_id, from_month, amount, members) VALUES (?, '2026-01-01', ?, 1)")) {
        for (int i = 1; i <= HOUSEHOLDS; i++) {
          BigDecimal income = BigDecimal.valueOf(i % 500).setScale(2);
          h.setLong(1, i);
          h.setString(2, "330681%03d%03d".formatted(100 + i % 20, 1 + (i / 20) % 10));
          h.setBigDecimal(3, income);
          h.addBatch();
          m.setLong(1, i);
          m.setString(2, idNumber("330681", i));
          m.addBatch();
          a.setLong(1, i);
          a.setLong(2, i);
          a.addBatch();
          x.setLong(1, i);
          x.setBigDecimal(2, new BigDecimal("1240.00").subtract(income));
          x.addBatch();
          if (i % BATCH == 0 || i == HOUSEHOLDS) {
            h.executeBatch();
            m.executeBatch();
            a.executeBatch();
            x.executeBatch();
          }
        }
      }
      c.commit();
    }
  }

  /** Publishes the deaths ({@code bench.known-percent} % household members), keyed by person id as the registry does. */
  private int publishDeaths() throws Exception {
    List<CompletableFuture<?>> sends = new ArrayList<>(DEATHS);
    int known = 0;
    for (int i = 1; i <= DEATHS; i++) {
      boolean member = i * KNOWN_PERCENT % 100 < KNOWN_PERCENT;
      String number = member ? idNumber("330681", i * (HOUSEHOLDS / DEATHS)) : idNumber("330682", i);
      known += member ? 1 : 0;
      UUID id = UUID.randomUUID();
      long personId = 1_000_000L + i;
      String confirmedAt = "2026-05-20T02:00:00Z";
      String payload = """
          {"eventId":"%s","personId":%d,"deathRecordId":%d,"nationalIdNumber":"%s","name":"测试",
           "dateOfDeath":"2026-05-19","source":"HUKOU_CANCELLATION","confirmedAt":"%s"}"""
          .formatted(id, personId, 500_000L + i, number, confirmedAt);
      sends.add(publisher.publish(TOPIC, new EventEnvelope(id, DeathRule.PERSON_DECEASED, String.valueOf(personId),
          Instant.parse(confirmedAt), payload)));
    }
    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    return known;
  }

  private int rawConsume() {
    Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(broker, "raw-" + UUID.randomUUID(), false));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    int read = 0;
    try (Consumer<byte[], byte[]> consumer = new DefaultKafkaConsumerFactory<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (read < DEATHS && System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
        read += records.count();
      }
    }
    return read;
  }

  /** Until the relay has sent every row of benefit_termination_outbox (ADR 0007); 10 minutes at most. */
  private void awaitTerminationsSent() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (jdbc.queryForObject("SELECT COUNT(*) FROM benefit_termination_outbox WHERE sent_at IS NULL", Long.class) > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("terminations not sent after 10 minutes");
      }
      Thread.sleep(20);
    }
  }

  private void awaitLagZero() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      Set<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
          .partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).collect(Collectors.toSet());
      Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
              .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (System.nanoTime() < deadline) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        if (ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
            && committed.get(e.getKey()).offset() >= e.getValue())) {
          return;
        }
        Thread.sleep(50);
      }
      throw new AssertionError("consumer lag not 0 after 10 minutes");
    }
  }

  /** A valid ID number of the county {@code county}, unique per {@code i} (born 1930 + i / 1000 days). */
  private static String idNumber(String county, int i) {
    String first17 = county + LocalDate.of(1930, 1, 1).plusDays(i / 1000).toString().replace("-", "")
        + "%03d".formatted(i % 1000);
    return first17 + NationalIdNumber.checkCharacter(first17);
  }

  private static String machine() {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Runtime runtime = Runtime.getRuntime();
    return "%d cores, %.1f GiB, %s %s, -Xmx%d MB, load average %.2f".formatted(runtime.availableProcessors(),
        os.getTotalMemorySize() / 1024.0 / 1024 / 1024, System.getProperty("java.vm.name"), Runtime.version(),
        runtime.maxMemory() / 1024 / 1024, os.getSystemLoadAverage());
  }
}
