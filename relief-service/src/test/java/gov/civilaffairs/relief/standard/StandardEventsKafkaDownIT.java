package gov.civilaffairs.relief.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.civilaffairs.relief.ReliefTestSupport;
import gov.civilaffairs.relief.death.DeathRule;
import gov.civilaffairs.relief.death.PersonDeceased;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * QUALITY.md "Kafka down" for a standard's recomputation (ADR 0007): the service's bootstrap address answers
 * nothing while the standard is recorded; the standard is accepted, its benefit-changed events wait in
 * {@code benefit_event_outbox} (a failed send counted), and when Kafka is reachable again (the bootstrap address
 * starts forwarding to the embedded broker) each is delivered exactly once by the relay. The same for the
 * benefit-terminated v1 and v2 of a death applied while Kafka is down ({@code benefit_termination_outbox}, V60).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "relief.events.relay-interval=1s",
    "spring.kafka.admin.operation-timeout=2s"})
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, topics = {StandardEventsIT.TOPIC, StandardEventsKafkaDownIT.BENEFIT_TOPIC})
@DirtiesContext // its relay (every second) must not send other test classes' rows to its broker
class StandardEventsKafkaDownIT extends ReliefTestSupport {

  private static final int KAFKA_PORT = freePort();
  static final String BENEFIT_TOPIC = "relief.benefit.v1";

  @Autowired
  DeathRule deathRule;

  @DynamicPropertySource
  static void brokerThatIsDown(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", () -> InetAddress.getLoopbackAddress().getHostAddress() + ":" + KAFKA_PORT);
  }

  private PortForwarder bootstrap;

  @AfterEach
  void stopForwarding() throws IOException {
    if (bootstrap != null) {
      bootstrap.close();
    }
  }

  @Test
  void eventsOfAStandardRecordedWhileKafkaIsDownAreDeliveredOnceWhenItIsBack() throws Exception {
    long first = registerHousehold(StandardEventsIT.household("URBAN", idNumber("33068119580303001"), "300.00"));
    long second = registerHousehold(StandardEventsIT.household("URBAN", idNumber("33068119580303002"), "500.00"));

    JsonNode standard = post("/allowance-standards", """
        {"area":"URBAN","year":2025,"effectiveMonth":"2025-06","amount":"1300.00","documentReference":"诸政办发〔2025〕10号"}""",
        201);
    long standardId = standard.path("id").longValue();
    assertThat(standard.path("recomputedAllowances").intValue()).isEqualTo(2);
    String pending = "SELECT COUNT(*) FROM benefit_event_outbox WHERE completed_at IS NULL AND sent_through_amount_id = first_amount_id";
    assertThat(count(pending)).isEqualTo(1);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (count("SELECT COUNT(*) FROM benefit_event_outbox WHERE failed_sends > 0") == 0) {
      assertThat(System.nanoTime()).as("the send while Kafka is down fails").isLessThan(deadline);
      Thread.sleep(200);
    }
    assertThat(count(pending)).as("nothing lost, nothing counted as sent").isEqualTo(1);

    // a death while Kafka is down: the allowance ends, its benefit-terminated v1 and v2 wait in the outbox
    String deceased = idNumber("33068119580303003");
    long third = registerHousehold(StandardEventsIT.household("URBAN", deceased, "400.00"));
    deathRule.apply(new PersonDeceased(UUID.randomUUID(), 880_001L, deceased, LocalDate.of(2025, 7, 19)));
    String unsent = "SELECT COUNT(*) FROM benefit_termination_outbox WHERE household_id = ? AND sent_at IS NULL";
    assertThat(count(unsent, third)).isEqualTo(1);
    Thread.sleep(2_000); // two relay intervals with Kafka down
    assertThat(count(unsent, third)).as("not sent while Kafka is down").isEqualTo(1);

    bootstrap = new PortForwarder(KAFKA_PORT, broker.getBrokersAsString());

    List<ConsumerRecord<byte[], byte[]>> records = eventsOf(standardId, 2, Duration.ofSeconds(60));
    assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .as("each delivered once").containsExactlyInAnyOrder(String.valueOf(first), String.valueOf(second));
    deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (count("SELECT COUNT(*) FROM benefit_event_outbox WHERE completed_at IS NULL") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(count("SELECT COUNT(*) FROM benefit_event_outbox WHERE completed_at IS NULL")).isZero();

    String v1Id = jdbc.queryForObject("SELECT event_id FROM benefit_termination_outbox WHERE household_id = ?",
        String.class, third);
    String v2Id = jdbc.queryForObject("SELECT event_id_v2 FROM benefit_termination_outbox WHERE household_id = ?",
        String.class, third);
    List<ConsumerRecord<byte[], byte[]>> terminations = recordsWithIds(List.of(v1Id, v2Id), Duration.ofSeconds(60));
    assertThat(terminations).extracting(r -> StandardEventsIT.header(r, "ce_type") + " " + r.topic() + " "
        + new String(r.key(), StandardCharsets.UTF_8)).as("v1 and v2 delivered once each").containsExactlyInAnyOrder(
            "gov.civilaffairs.relief.benefit-terminated.v1 " + StandardEventsIT.TOPIC + " " + third,
            "gov.civilaffairs.relief.benefit-terminated.v2 " + BENEFIT_TOPIC + " MINIMUM_LIVING_ALLOWANCE:"
                + JSON.readTree(terminations.get(0).value()).path("caseId").longValue());
    assertThat(count(unsent, third)).isZero();
  }

  /** The records of both topics whose ce_id is one of {@code ids}, read until 5 s after all were seen once. */
  private List<ConsumerRecord<byte[], byte[]>> recordsWithIds(List<String> ids, Duration wait) {
    List<ConsumerRecord<byte[], byte[]>> mine = new ArrayList<>();
    Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (Consumer<byte[], byte[]> consumer = new DefaultKafkaConsumerFactory<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(StandardEventsIT.TOPIC, BENEFIT_TOPIC));
      long deadline = System.nanoTime() + wait.toNanos();
      long settle = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, settle)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.headers().lastHeader("ce_id") != null && ids.contains(StandardEventsIT.header(record, "ce_id"))) {
            mine.add(record);
          }
        }
        if (mine.size() >= ids.size() && settle == Long.MAX_VALUE) {
          settle = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        }
      }
    }
    return mine;
  }

  private List<ConsumerRecord<byte[], byte[]>> eventsOf(long standardId, int expected, Duration wait) {
    List<ConsumerRecord<byte[], byte[]>> mine = new ArrayList<>();
    Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (Consumer<byte[], byte[]> consumer = new DefaultKafkaConsumerFactory<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(StandardEventsIT.TOPIC));
      long deadline = System.nanoTime() + wait.toNanos();
      long settle = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, settle)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.headers().lastHeader("ce_type") != null
              && StandardEventsIT.CHANGED.equals(StandardEventsIT.header(record, "ce_type"))
              && JSON.readTree(record.value()).path("causeId").longValue() == standardId) {
            mine.add(record);
          }
        }
        if (mine.size() >= expected && settle == Long.MAX_VALUE) {
          settle = System.nanoTime() + Duration.ofSeconds(5).toNanos(); // several relay intervals: a repeat would show
        }
      }
    }
    return mine;
  }

  /** Forwards every TCP connection accepted on a local port to {@code host:port}, byte for byte. */
  private static final class PortForwarder implements AutoCloseable {

    private final ServerSocket server;

    PortForwarder(int localPort, String target) throws IOException {
      String host = target.substring(0, target.lastIndexOf(':'));
      int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
      server = new ServerSocket(localPort, 50, InetAddress.getLoopbackAddress());
      daemon(() -> {
        while (!server.isClosed()) {
          try {
            Socket client = server.accept();
            Socket upstream = new Socket(host, port);
            pipe(client, upstream);
            pipe(upstream, client);
          } catch (IOException e) {
            // closed, or one connection failed: the client retries
          }
        }
      });
    }

    private static void pipe(Socket from, Socket to) {
      daemon(() -> {
        try (from; to) {
          from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
          // connection closed
        }
      });
    }

    private static void daemon(Runnable task) {
      Thread thread = new Thread(task, "port-forwarder");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
