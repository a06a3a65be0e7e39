package gov.civilaffairs.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.registry.TestIdNumbers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 4, QUALITY.md "Kafka down": with Kafka stopped, a death registered over REST is accepted at
 * once, and its event appears on the topic exactly once when Kafka is back (outbox). The service starts
 * with nothing listening at its bootstrap address; after the write a KRaft broker is started on that
 * very port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "registry.events.relay-interval=1s",
    "spring.kafka.admin.operation-timeout=2s"})
@ActiveProfiles("test")
@Import(TestTokenConfiguration.class)
@DirtiesContext // its relay (every second) must not send other test classes' rows to its broker
class KafkaDownOutboxIT {

  private static final String TOPIC = "registry.person.v1";
  private static final int KAFKA_PORT = freePort();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void brokerThatIsDown(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", () -> InetAddress.getLoopbackAddress().getHostAddress() + ":" + KAFKA_PORT);
  }

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

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
  void aDeathRegisteredWhileKafkaIsDownIsPublishedOnceWhenKafkaIsBack() throws Exception {
    String idNumber = TestIdNumbers.valid(LocalDate.of(1948, 8, 8));
    HttpResponse<String> person = post("/persons", Map.of("nationalIdNumber", idNumber, "name", "何一",
        "regionCode", "330681001001"));
    assertThat(person.statusCode()).as(person.body()).isEqualTo(201);
    long personId = JSON.readTree(person.body()).path("id").asLong();

    long start = System.nanoTime();
    HttpResponse<String> death = post(TestTokens.client("police", "deaths:write"), "/deaths", Map.of("nationalIdNumber", idNumber, "name", "何一",
        "dateOfDeath", "2025-06-01", "source", "HUKOU_CANCELLATION", "sourceReference", "PSB-" + idNumber));
    Duration responseTime = Duration.ofNanos(System.nanoTime() - start);

    assertThat(death.statusCode()).as(death.body()).isEqualTo(201);
    assertThat(JSON.readTree(death.body()).at("/deathRecord/status").asString()).isEqualTo("CONFIRMED");
    assertThat(responseTime).as("response time of a write while Kafka is down").isLessThan(Duration.ofSeconds(2));
    System.out.println("KAFKA-DOWN write response time: " + responseTime.toMillis() + " ms");
    assertThat(incompletePublications()).isEqualTo(1);
    awaitFailedSend(Duration.ofSeconds(30));
    // what an operator sees meanwhile (registry-service/README.md, outbox metrics)
    String down = awaitMetric("registry_outbox_send_failures_total", 1);
    assertThat(DeathEventOutboxMetricsIT.value(down, "registry_outbox_pending")).isEqualTo(1);
    assertThat(DeathEventOutboxMetricsIT.value(down, "registry_outbox_oldest_pending_age_seconds")).isPositive();

    // Kafka comes back. EmbeddedKafkaKraftBroker (spring-kafka-test 4.0) ignores kafkaPorts(..) and its
    // listener ports, so the broker starts on its own port and the service's bootstrap address starts
    // forwarding to it: from then on the service reaches the broker, as if it had started there.
    broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
    broker.afterPropertiesSet();
    bootstrap = new PortForwarder(KAFKA_PORT, broker.getBrokersAsString());

    List<ConsumerRecord<String, String>> events = eventsOf(personId, Duration.ofSeconds(30));
    assertThat(events).singleElement().satisfies(event ->
        assertThat(JSON.readTree(event.value()).path("nationalIdNumber").asString()).isEqualTo(idNumber));
    assertThat(incompletePublications()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM death_event_outbox WHERE sent_at IS NOT NULL", Integer.class))
        .isEqualTo(1);
    String back = awaitMetric("registry_outbox_sent_total", 1);
    assertThat(DeathEventOutboxMetricsIT.value(back, "registry_outbox_relay_batch_seconds_count")).isGreaterThanOrEqualTo(2);
    // the gauges read the table at most once a second
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (DeathEventOutboxMetricsIT.value(back, "registry_outbox_pending") != 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      back = scrape();
    }
    assertThat(DeathEventOutboxMetricsIT.value(back, "registry_outbox_pending")).isZero();
    assertThat(DeathEventOutboxMetricsIT.value(back, "registry_outbox_oldest_pending_age_seconds")).isZero();
  }

  /** Scrapes /actuator/prometheus until the meter is at least {@code atLeast} (at most 10 s). */
  private String awaitMetric(String meter, double atLeast) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String body = scrape();
    while (DeathEventOutboxMetricsIT.value(body, meter) < atLeast) {
      assertThat(System.nanoTime()).as("%s reaches %s", meter, atLeast).isLessThan(deadline);
      Thread.sleep(200);
      body = scrape();
    }
    return body;
  }

  private String scrape() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/actuator/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /**
   * The events keyed by this person: polls until one arrives (at most {@code wait}), then goes on for
   * several resubmission intervals so that a duplicate would be seen.
   */
  private List<ConsumerRecord<String, String>> eventsOf(long personId, Duration wait) {
    List<ConsumerRecord<String, String>> mine = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + wait.toNanos();
      while (mine.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(mine::add);
      }
      long settle = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < settle) {
        consumer.poll(Duration.ofMillis(200)).forEach(mine::add);
      }
    }
    return mine.stream().filter(r -> String.valueOf(personId).equals(r.key())).toList();
  }

  /** Waits until the first send has failed (the broker is down), so that only the relay's next try can succeed. */
  private void awaitFailedSend(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (jdbc.queryForObject("SELECT COUNT(*) FROM death_event_outbox WHERE failed_sends > 0", Integer.class) == 0) {
      assertThat(System.nanoTime()).as("the send while Kafka is down fails within %s", wait).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private int incompletePublications() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM death_event_outbox WHERE sent_at IS NULL", Integer.class);
  }

  private HttpResponse<String> post(String path, Object body) throws Exception {
    return post(TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001"), path, body);
  }

  private HttpResponse<String> post(String token, String path, Object body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build(), HttpResponse.BodyHandlers.ofString());
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
