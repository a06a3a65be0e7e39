package gov.civilaffairs.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.registry.TestIdNumbers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * EVENTS.md: "a committed state change produces its event, even if Kafka is down at that moment". The
 * service starts with no broker at its bootstrap address; a death is registered (the write succeeds
 * and the publication stays incomplete in the outbox); then a broker starts at that address and the
 * event arrives, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "registry.events.resubmit-older-than=1s", "registry.events.resubmission-interval=1s",
    "spring.kafka.producer.properties.max.block.ms=1000", "spring.kafka.admin.operation-timeout=2s"})
@ActiveProfiles("test")
class KafkaDownOutboxIT {

  private static final int KAFKA_PORT = freePort();

  @DynamicPropertySource
  static void brokerThatIsDown(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
  }

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aDeathRegisteredWhileKafkaIsDownIsPublishedOnceItIsBack() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    HttpClient http = HttpClient.newHttpClient();
    String idNumber = TestIdNumbers.valid(LocalDate.of(1948, 8, 8));
    long personId = json.readTree(post(http, json, "/persons", Map.of("nationalIdNumber", idNumber, "name", "何一",
        "regionCode", "330681001001")).body()).path("id").asLong();

    HttpResponse<String> response = post(http, json, "/deaths", Map.of("nationalIdNumber", idNumber, "name", "何一",
        "dateOfDeath", "2025-06-01", "source", "HUKOU_CANCELLATION", "sourceReference", "PSB-" + idNumber));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(json.readTree(response.body()).at("/deathRecord/status").asString()).isEqualTo("CONFIRMED");
    Thread.sleep(1500);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL",
        Integer.class)).isEqualTo(1);

    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, "registry.person.v1").kafkaPorts(KAFKA_PORT);
    broker.afterPropertiesSet();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(), ConsumerConfig.GROUP_ID_CONFIG, "down-test",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("registry.person.v1"));
      List<ConsumerRecord<String, String>> received = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
      while (received.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(received::add);
      }
      consumer.poll(Duration.ofSeconds(3)).forEach(received::add);
      assertThat(received).hasSize(1);
      assertThat(received.get(0).key()).isEqualTo(String.valueOf(personId));
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION_ARCHIVE", Integer.class)).isEqualTo(1);
    } finally {
      broker.destroy();
    }
  }

  private HttpResponse<String> post(HttpClient http, JsonMapper json, String path, Object body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
