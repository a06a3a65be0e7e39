package gov.civilaffairs.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the registry's integration tests: the service on a random port against the real database
 * and an embedded Kafka broker, driven over REST; a consumer reads {@code registry.person.v1} so that
 * tests assert the events as a consumer service would see them. Calls carry real tokens
 * ({@link TestTokens}); the helpers without a token act as {@link #CASEWORKER}. Each test uses fresh persons, so tests
 * share one context (and one topic) without seeing each other's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(TestTokenConfiguration.class)
public abstract class RegistryIntegrationTest {

  /** The token of the helpers without a token parameter: a township caseworker of the persons' township. */
  protected static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  /** A supervisor, who may confirm, reject and revoke held death records. */
  protected static final String SUPERVISOR = TestTokens.staff("zhuji-officer", Role.COUNTY_OFFICER, "330681");

  protected static final String TOPIC = "registry.person.v1";
  protected static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  protected int port;

  @Autowired
  protected JdbcTemplate jdbc;

  @Autowired
  protected EmbeddedKafkaBroker broker;

  private KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

  @BeforeAll
  void subscribe() {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(TOPIC));
  }

  @AfterAll
  void close() {
    consumer.close();
  }

  /** The events on the topic keyed by this person, waiting up to {@code wait} for at least {@code atLeast}. */
  protected List<ConsumerRecord<String, String>> eventsOf(long personId, int atLeast, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    List<ConsumerRecord<String, String>> mine;
    do {
      consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      mine = received.stream().filter(r -> String.valueOf(personId).equals(r.key())).toList();
    } while (mine.size() < atLeast && System.nanoTime() < deadline);
    return mine;
  }

  protected static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  protected long createPerson(String idNumber, String name) throws Exception {
    HttpResponse<String> response = post("/persons", Map.of("nationalIdNumber", idNumber, "name", name,
        "regionCode", "330681001001"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("id").asLong();
  }

  /** A new person born on 1950-03-15 with a fresh valid ID number; returns the ID number. */
  protected String newIdNumber() {
    return TestIdNumbers.valid(LocalDate.of(1950, 3, 15));
  }

  /** A police client, the source of hukou cancellations (registry.death-sources). */
  protected static final String POLICE = TestTokens.client("police", "deaths:write");

  /**
   * The token of the caller that issues this source (registry.death-sources): police, hospital or
   * funeral home for theirs, the township caseworker for CASEWORKER and COURT_DECLARATION.
   */
  protected static String reporterOf(String source) {
    return switch (source) {
      case "HUKOU_CANCELLATION" -> POLICE;
      case "MEDICAL_CERTIFICATE" -> TestTokens.client("hospital", "deaths:write");
      case "CREMATION" -> TestTokens.client("funeral-home", "deaths:write");
      default -> CASEWORKER;
    };
  }

  /** Reports a death as the caller that issues the source ({@link #reporterOf}). */
  protected HttpResponse<String> reportDeath(String idNumber, String name, String source, String reference,
      String dateOfDeath) throws Exception {
    return post(reporterOf(source), "/deaths", Map.of("nationalIdNumber", idNumber, "name", name, "dateOfDeath", dateOfDeath,
        "source", source, "sourceReference", reference));
  }

  protected HttpResponse<String> post(String path, Object body) throws Exception {
    return post(CASEWORKER, path, body);
  }

  protected HttpResponse<String> post(String token, String path, Object body) throws Exception {
    return send(token, path, "application/json", JSON.writeValueAsString(body));
  }

  protected HttpResponse<String> send(String path, String contentType, String body) throws Exception {
    return send(CASEWORKER, path, contentType, body);
  }

  /** POSTs the body with the bearer token; no Authorization header when {@code token} is null. */
  protected HttpResponse<String> send(String token, String path, String contentType, String body) throws Exception {
    return HTTP.send(authorized(HttpRequest.newBuilder(uri(path)), token).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
  }

  protected HttpResponse<String> get(String path) throws Exception {
    return get(CASEWORKER, path);
  }

  /** GETs with the bearer token; no Authorization header when {@code token} is null. */
  protected HttpResponse<String> get(String token, String path) throws Exception {
    return HTTP.send(authorized(HttpRequest.newBuilder(uri(path)), token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  protected static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
