package gov.civilaffairs.gateway;

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
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port in front of stub services: registry, relief, eldercare and
 * income-verification answer; veterans points at a closed port (a service that is down). Response
 * timeout 1 s, request size limit 64 KB. Subclasses share one application context.
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
  }

  @BeforeEach
  void forgetEarlierRequests() {
    SERVICES.values().forEach(StubService::forget);
  }

  /** A client calling the gateway from 127.0.0.1, a trusted proxy by default. */
  WebTestClient gateway() {
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
}
