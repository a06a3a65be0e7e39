package gov.civilaffairs.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import gov.civilaffairs.platform.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What every service must answer once started: health with liveness and readiness, Prometheus
 * metrics and its OpenAPI document without a token; problem+json 401 for any other path without a
 * token (an unmapped one included: the path's existence is not revealed) and 404 for an unmapped path
 * with a valid token; its Flyway-managed utf8mb4
 * schema on the real database, and a connection to the Kafka broker. A service's smoke test extends
 * this class and adds {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}, {@code @ActiveProfiles("test")}
 * and {@code @EmbeddedKafka}.
 */
@Import(TestTokenConfiguration.class)
public abstract class ServiceSmokeChecks {

  protected static final HttpClient HTTP = HttpClient.newHttpClient();
  protected static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort
  protected int port;

  @Value("${spring.application.name}")
  protected String applicationName;

  @Autowired
  protected JdbcTemplate jdbc;

  @Autowired
  protected KafkaAdmin kafkaAdmin;

  protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** GET with {@code Authorization: Bearer <token>} (see {@link TestTokens}). */
  protected HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthLivenessAndReadinessAreUp() throws Exception {
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).path("status").asString()).as(path).isEqualTo("UP");
    }
  }

  @Test
  void prometheusMetricsAreExposed() throws Exception {
    HttpResponse<String> response = get("/actuator/prometheus");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("jvm_memory_used_bytes").contains("application=\"" + applicationName + "\"");
  }

  @Test
  void openApiDocumentIsServed() throws Exception {
    HttpResponse<String> response = get("/v3/api-docs");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("openapi").asString()).startsWith("3.");
    assertThat(JSON.readTree(response.body()).path("paths").has("/error"))
        .as("the container's error page is no endpoint").isFalse();
    var document = JSON.readTree(response.body());
    assertThat(document.at("/components/securitySchemes/bearer-jwt/scheme").asString())
        .as("Swagger UI's Authorize button: a bearer token for every operation").isEqualTo("bearer");
    assertThat(document.at("/security/0").has("bearer-jwt")).isTrue();
    assertThat(document.at("/components/schemas/Problem/properties/code").isMissingNode())
        .as("errors documented as problem+json (ProblemResponsesOpenApiCustomizer)").isFalse();
  }

  @Test
  void withoutTokenAnyOtherPathAnswersProblemJson401() throws Exception {
    HttpResponse<String> response = get("/no/such/path");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Bearer"));
    assertProblem(response, 401, "unauthorized");
  }

  @Test
  void withTokenUnmappedPathAnswersProblemJson404() throws Exception {
    HttpResponse<String> response = get("/no/such/path", TestTokens.staff("smoke", Role.OPERATIONS, null));
    assertThat(response.statusCode()).isEqualTo(404);
    assertProblem(response, 404, "not-found");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("code").asString()).as(response.body()).isEqualTo(code);
    assertThat(body.path("type").asString()).isEqualTo("urn:civil-affairs:problem:" + code);
    assertThat(response.headers().firstValue("X-Correlation-Id")).hasValueSatisfying(
        id -> assertThat(id).matches("[0-9a-f]{32}"));
  }

  @Test
  void schemaIsMigratedByFlywayInUtf8mb4() {
    Integer applied = jdbc.queryForObject(
        "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class);
    assertThat(applied).isPositive();
    String charset = jdbc.queryForObject(
        "SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()",
        String.class);
    assertThat(charset).isEqualTo("utf8mb4");
  }

  @Test
  void kafkaBrokerIsReachable() {
    assertThat(kafkaAdmin.clusterId()).isNotBlank();
  }
}
