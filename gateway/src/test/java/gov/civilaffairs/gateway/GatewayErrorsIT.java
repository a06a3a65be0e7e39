package gov.civilaffairs.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** The gateway's own errors: problem+json in the platform's shape, with a correlation id. */
class GatewayErrorsIT extends GatewayTestSupport {

  @Test
  void unknownPathIsNotFound() {
    expectProblem(gateway().get().uri("/api/unknown-service/persons").exchange(),
        404, "not-found", "/api/unknown-service/persons")
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("/api/<service>/"));
  }

  @Test
  void serviceThatIsDownIsUnavailableWithinTwoSeconds() {
    long started = System.nanoTime();
    ResponseSpec response = gateway().get().uri("/api/veterans/entitled-persons").exchange();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    expectProblem(response, 503, "service-unavailable", "/api/veterans/entitled-persons")
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("veterans-service"));
    assertThat(elapsed).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void serviceSlowerThanTheResponseTimeoutIsAGatewayTimeout() {
    long started = System.nanoTime();
    ResponseSpec response = gateway().get().uri("/api/registry/slow").exchange();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    expectProblem(response, 504, "gateway-timeout", "/api/registry/slow");
    assertThat(elapsed).isGreaterThanOrEqualTo(RESPONSE_TIMEOUT).isLessThan(StubService.SLOW);
  }

  /** The registry's bulk import route has its own response timeout (120 s): a long import is not cut off. */
  @Test
  void aBulkImportSlowerThanTheDefaultResponseTimeoutIsWaitedFor() {
    long started = System.nanoTime();
    ResponseSpec response = gateway().post().uri("/api/registry/imports/slow").exchange();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    response.expectStatus().isOk();
    assertThat(elapsed).isGreaterThanOrEqualTo(StubService.SLOW);
  }

  @Test
  void requestLargerThanTheLimitIsRejectedBeforeReachingTheService() {
    byte[] csv = new byte[MAX_REQUEST_BYTES + 1];

    ResponseSpec response = gateway().post().uri("/api/relief/households/import")
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(csv)
        .exchange();

    expectProblem(response, 413, "payload-too-large", "/api/relief/households/import")
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("permissible limit"));
    response.expectHeader().doesNotExist("errorMessage");
    assertThat(service("relief").receivedAny()).isFalse();
  }

  @Test
  void requestWithinTheLimitReachesTheService() {
    gateway().post().uri("/api/relief/households/import")
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(new byte[MAX_REQUEST_BYTES])
        .exchange()
        .expectStatus().isOk();
  }

  @Test
  void unsupportedMethodOnAGatewayEndpointIsMethodNotAllowed() {
    expectProblem(gateway().delete().uri("/actuator/health").exchange(),
        405, "method-not-allowed", "/actuator/health");
  }
}
