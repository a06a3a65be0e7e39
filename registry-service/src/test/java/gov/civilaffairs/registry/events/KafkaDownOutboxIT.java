package gov.civilaffairs.registry.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.registry.TestIdNumbers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * EVENTS.md: "a committed state change produces its event, even if Kafka is down at that moment". The
 * service starts with no broker at its bootstrap address; a death is registered: the write succeeds
 * and its publication is kept, incomplete, in the outbox (from where Spring Modulith resubmits it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "registry.events.resubmit-older-than=1s", "registry.events.resubmission-interval=1s",
    "spring.kafka.producer.properties.max.block.ms=1000", "spring.kafka.admin.operation-timeout=2s"})
@ActiveProfiles("test")
@Import(TestTokenConfiguration.class)
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
  void aDeathRegisteredWhileKafkaIsDownIsCommittedAndKeptInTheOutbox() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    HttpClient http = HttpClient.newHttpClient();
    String idNumber = TestIdNumbers.valid(LocalDate.of(1948, 8, 8));
    json.readTree(post(http, json, "/persons", Map.of("nationalIdNumber", idNumber, "name", "何一",
        "regionCode", "330681001001")).body());

    HttpResponse<String> response = post(http, json, "/deaths", Map.of("nationalIdNumber", idNumber, "name", "何一",
        "dateOfDeath", "2025-06-01", "source", "HUKOU_CANCELLATION", "sourceReference", "PSB-" + idNumber));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(json.readTree(response.body()).at("/deathRecord/status").asString()).isEqualTo("CONFIRMED");
    Thread.sleep(1500);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL",
        Integer.class)).isEqualTo(1);

    // TODO: start a broker at KAFKA_PORT and assert the event arrives once. Tried with
    // EmbeddedKafkaKraftBroker: the scheduled resubmission (OutboxResubmission) did not send the
    // failed publication again within 40 s; not yet diagnosed.
  }

  private HttpResponse<String> post(HttpClient http, JsonMapper json, String path, Object body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001"))
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
