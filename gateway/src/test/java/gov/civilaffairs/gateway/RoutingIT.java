package gov.civilaffairs.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.civilaffairs.gateway.StubService.Received;
import reactor.netty.http.client.HttpClient;

/** What a service receives through the gateway: path, forwarded headers, trace context. */
class RoutingIT extends GatewayTestSupport {

  private static final String CALLER_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

  @ParameterizedTest
  @MethodSource("answeringServices")
  void routesEachServiceWithItsPrefixStrippedAndForwarded(String name) throws InterruptedException {
    gateway().get().uri("/api/{service}/actuator/health?probe=1", name).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.service").isEqualTo(name + "-service");

    Received received = service(name).nextRequest();
    assertThat(received.pathAndQuery()).isEqualTo("/actuator/health?probe=1");
    assertThat(received.headers().getFirst("X-Forwarded-Prefix")).isEqualTo("/api/" + name);
    assertThat(received.headers().getFirst("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(received.headers().getFirst("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
  }

  @Test
  void continuesTheCallersTraceAndReturnsItsIdAsCorrelationId() throws InterruptedException {
    gateway().get().uri("/api/registry/persons")
        .header("traceparent", "00-" + CALLER_TRACE_ID + "-b7ad6b7169203331-01")
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("X-Correlation-Id", CALLER_TRACE_ID);

    String traceparent = service("registry").nextRequest().headers().getFirst("traceparent");
    assertThat(traceparent).startsWith("00-" + CALLER_TRACE_ID + "-")
        .doesNotContain("b7ad6b7169203331");
  }

  @Test
  void startsATraceWhenTheCallerHasNone() throws InterruptedException {
    String correlationId = gateway().get().uri("/api/relief/cases").exchange()
        .expectStatus().isOk()
        .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

    assertThat(correlationId).matches("[0-9a-f]{32}");
    assertThat(service("relief").nextRequest().headers().getFirst("traceparent"))
        .matches("00-" + correlationId + "-[0-9a-f]{16}-0[01]");
  }

  @Test
  void dropsForwardedForEntriesThatAreNotTrustedProxies() throws InterruptedException {
    gateway().get().uri("/api/registry/persons")
        .header("X-Forwarded-For", "203.0.113.7")
        .exchange()
        .expectStatus().isOk();

    assertThat(service("registry").nextRequest().headers().getFirst("X-Forwarded-For"))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void replacesTheForwardedHeadersOfAnUntrustedClientByWhatTheGatewaySaw() throws InterruptedException {
    // 127.0.0.2 is a loopback address but not one of the default trusted proxies.
    HttpClient fromUntrustedAddress = HttpClient.create()
        .bindAddress(() -> new InetSocketAddress("127.0.0.2", 0));
    WebTestClient untrusted = WebTestClient
        .bindToServer(new ReactorClientHttpConnector(fromUntrustedAddress))
        .baseUrl("http://127.0.0.1:" + port)
        .build();

    untrusted.get().uri("/api/registry/persons")
        .header("Authorization", "Bearer " + TOKENS.staff("test-caseworker"))
        .header("X-Forwarded-For", "203.0.113.7")
        .header("X-Forwarded-Host", "evil.example")
        .header("Forwarded", "for=203.0.113.7;host=evil.example")
        .exchange()
        .expectStatus().isOk();

    Received received = service("registry").nextRequest();
    assertThat(received.headers().getFirst("X-Forwarded-For")).isEqualTo("127.0.0.2");
    assertThat(received.headers().getFirst("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
    assertThat(received.headers().getFirst("X-Forwarded-Prefix")).isEqualTo("/api/registry");
    assertThat(received.headers().values()).flatMap(values -> values)
        .noneMatch(value -> value.contains("203.0.113.7") || value.contains("evil.example"));
  }
}
