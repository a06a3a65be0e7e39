package gov.civilaffairs.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * The gateway on a random port in front of stub services: registry, relief, eldercare and
 * income-verification answer; veterans points at a closed port (a service that is down). Response
 * timeout 1 s, request size limit 64 KB. Tokens are checked against {@link TestTokens}' JWK set. Rate
 * limits: generous by default, {@value #RATE_LIMITED_CLIENT} may make {@value #RATE_LIMITED_BURST}
 * requests, then one a minute; buckets in memory. Subclasses that add no properties share one
 * application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTestSupport {

  static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  /** Started once and kept for the JVM's life: the cached context of every subclass points at them. */
  static final Map<String, StubService> SERVICES = Map.of(
      "registry", StubService.start("registry-service"),
      "relief", StubService.start("relief-service"),
      "eldercare", StubService.start("eldercare-service"),
      "income-verification", StubService.start("income-verification-service"));

  static final TestTokens TOKENS = TestTokens.start();

  static final String DEFAULT_LIMIT = "gateway.rate-limits.default-limit";
  static final String RATE_LIMITED_CLIENT = "rate-limited-client";
  static final int RATE_LIMITED_BURST = 3;

  /** A port on which nothing listens: connections to it are refused. */
  static final int CLOSED_PORT = closedPort();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void routeToStubs(DynamicPropertyRegistry registry) {
    registry.add("REGISTRY_SERVICE_URL", SERVICES.get("registry")::url);
    registry.add("RELIEF_SERVICE_URL", SERVICES.get("relief")::url);
    registry.add("ELDERCARE_SERVICE_URL", SERVICES.get("eldercare")::url);
    registry.add("INCOME_VERIFICATION_SERVICE_URL", SERVICES.get("income-verification")::url);
    registry.add("VETERANS_SERVICE_URL", () -> "http://127.0.0.1:" + CLOSED_PORT);
    registry.add("GATEWAY_RESPONSE_TIMEOUT", RESPONSE_TIMEOUT::toString);
    registry.add("GATEWAY_MAX_REQUEST_SIZE", () -> MAX_REQUEST_BYTES + "B");
    registry.add("AUTH_ISSUER_URI", () -> TestTokens.ISSUER);
    registry.add("AUTH_JWK_SET_URI", TOKENS::jwkSetUri);
    registry.add("RATE_LIMIT_REQUESTS", () -> "1000");
    registry.add("RATE_LIMIT_BURST", () -> "1000");
    String limited = "gateway.rate-limits.clients." + RATE_LIMITED_CLIENT;
    registry.add(limited + ".requests", () -> "1");
    registry.add(limited + ".period", () -> "1m");
    registry.add(limited + ".burst", () -> RATE_LIMITED_BURST);
  }

  @BeforeEach
  void forgetEarlierRequests() {
    SERVICES.values().forEach(StubService::forget);
  }

  /** A caseworker calling the gateway with a valid token from 127.0.0.1, a trusted proxy by default. */
  WebTestClient gateway() {
    return gateway(TOKENS.staff("test-caseworker"));
  }

  /** A caller with this bearer token. */
  WebTestClient gateway(String token) {
    return anonymous().mutate().defaultHeader("Authorization", "Bearer " + token).build();
  }

  /** A caller without a token. */
  WebTestClient anonymous() {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(10))
        .build();
  }

  static StubService service(String name) {
    return SERVICES.get(name);
  }

  static List<String> answeringServices() {
    return List.of("registry", "relief", "eldercare", "income-verification");
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks a problem+json answer in the platform's shape, with a correlation id. */
  static BodyContentSpec expectProblem(
      ResponseSpec response, int status, String code, String instance) {
    return response
        .expectStatus().isEqualTo(status)
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().valueMatches("X-Correlation-Id", "[0-9a-f]{32}")
        .expectBody()
        .jsonPath("$.type").isEqualTo("urn:civil-affairs:problem:" + code)
        .jsonPath("$.code").isEqualTo(code)
        .jsonPath("$.status").isEqualTo(status)
        .jsonPath("$.title").isNotEmpty()
        .jsonPath("$.detail").isNotEmpty()
        .jsonPath("$.instance").isEqualTo(instance);
  }

  /**
   * Sends {@code burst} requests that pass, then one that is refused: 429 problem+json
   * {@code too-many-requests} with {@code Retry-After} (1 to 60 s: the test limits refill one request
   * a minute).
   */
  static void expectLimitedAfterBurst(WebTestClient client, int burst) {
    for (int i = 0; i < burst; i++) {
      client.get().uri("/api/registry/persons").exchange()
          .expectStatus().isOk()
          .expectHeader().valueEquals("X-RateLimit-Remaining", String.valueOf(burst - 1 - i));
    }
    ResponseSpec refused = client.get().uri("/api/registry/persons").exchange();
    expectProblem(refused, 429, "too-many-requests", "/api/registry/persons");
    refused.expectHeader().valueEquals("X-RateLimit-Remaining", "0")
        .expectHeader().value("Retry-After", seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
  }
}
