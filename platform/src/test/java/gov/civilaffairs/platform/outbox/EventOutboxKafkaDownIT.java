package gov.civilaffairs.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.civilaffairs.platform.kafka.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * QUALITY.md "Kafka down" for the platform's event outbox: events committed while nothing listens at the
 * service's bootstrap address stay pending, their sends fail and are counted, and once a broker answers there
 * they are delivered, each once, in order. Its own schema, so that no other test's rows are involved.
 */
@SpringBootTest(classes = OutboxTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
        "spring.datasource.url=jdbc:mysql://127.0.0.1:3306/platform_outbox_down_test${TEST_SCHEMA_SUFFIX:}"
            + "?createDatabaseIfNotExist=true&characterEncoding=UTF-8&connectionTimeZone=UTC"
            + "&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.admin.operation-timeout=2s",
        "platform.audit.relay.interval=1h"})
@TestPropertySource(locations = "classpath:outbox-test.properties")
class EventOutboxKafkaDownIT {

  private static final String TOPIC = "outbox.kafka-down.v1";
  private static final String TYPE = "gov.civilaffairs.test.note-written.v1";
  private static final int KAFKA_PORT = freePort();

  @DynamicPropertySource
  static void brokerThatIsDown(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers",
        () -> InetAddress.getLoopbackAddress().getHostAddress() + ":" + KAFKA_PORT);
  }

  @Autowired OutboxTestApplication.Notes notes;
  @Autowired JdbcTemplate jdbc;

  private EmbeddedKafkaKraftBroker broker;
  private PortForwarder bootstrap;

  @AfterEach
  void stopBroker() throws IOException {
    if (bootstrap != null) {
      bootstrap.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  @Test
  void eventsCommittedWhileKafkaIsDownAreDeliveredOnceInOrderWhenItIsBack() throws Exception {
    List<EventEnvelope> events = List.of(event(1), event(2), event(3));
    notes.write("while Kafka is down", TOPIC, events);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_outbox WHERE sent_at IS NULL", Long.class)).isEqualTo(3);

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (jdbc.queryForObject("SELECT COALESCE(MAX(attempts), 0) FROM event_outbox", Integer.class) < 2) {
      assertThat(System.nanoTime()).as("the sends fail, and are tried again, while Kafka is down").isLessThan(deadline);
      Thread.sleep(200);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_outbox WHERE sent_at IS NULL", Long.class)).isEqualTo(3);

    // Kafka comes back: a broker on a port of its own, reached through the service's bootstrap address
    broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
    broker.afterPropertiesSet();
    bootstrap = new PortForwarder(KAFKA_PORT, broker.getBrokersAsString());

    List<ConsumerRecord<String, String>> received = readAll(Duration.ofSeconds(40), 3);
    assertThat(received).extracting(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
        .as("each once, in order").containsExactlyElementsOf(events.stream().map(e -> e.id().toString()).toList());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_outbox WHERE sent_at IS NULL", Long.class)).isZero();
  }

  private static EventEnvelope event(int n) {
    return new EventEnvelope(UUID.randomUUID(), TYPE, "person-1", Instant.now(), Map.of("n", n));
  }

  /** Reads until {@code expected} arrived (at most {@code wait}), then 3 s more so that a duplicate would show. */
  private List<ConsumerRecord<String, String>> readAll(Duration wait, int expected) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ConsumerConfig.GROUP_ID_CONFIG, "outbox-down-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + wait.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      long settle = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < settle) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forwards connections to a local port to the broker's address: the broker "comes back" at that port. */
  private static final class PortForwarder implements AutoCloseable {

    private final ServerSocket server;

    PortForwarder(int localPort, String target) throws IOException {
      String host = target.substring(0, target.lastIndexOf(':'));
      int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
      server = new ServerSocket(localPort, 50, InetAddress.getLoopbackAddress());
      start(() -> {
        while (!server.isClosed()) {
          try {
            Socket client = server.accept();
            Socket broker = new Socket(host, port);
            start(() -> copy(client, broker));
            start(() -> copy(broker, client));
          } catch (IOException e) {
            // closed, or one connection failed: the client connects again
          }
        }
      });
    }

    private static void copy(Socket from, Socket to) {
      try (from; to) {
        from.getInputStream().transferTo(to.getOutputStream());
      } catch (IOException e) {
        // the connection closed
      }
    }

    private static void start(Runnable task) {
      Thread thread = new Thread(task, "outbox-it-forwarder");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
