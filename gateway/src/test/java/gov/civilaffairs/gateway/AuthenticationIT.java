package gov.civilaffairs.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every call needs a valid token at the gateway, except the open paths; the token is relayed. */
class AuthenticationIT extends GatewayTestSupport {

  @Test
  void callWithoutTokenIsUnauthorizedAndNeverReachesTheService() {
    var response = anonymous().get().uri("/api/registry/persons").exchange();

    expectProblem(response, 401, "unauthorized", "/api/registry/persons");
    response.expectHeader().valueMatches("WWW-Authenticate", "Bearer.*");
    assertThat(service("registry").receivedAny()).isFalse();
  }

  @Test
  void unknownPathWithoutTokenIsUnauthorizedToo() {
    expectProblem(anonymous().get().uri("/api/unknown-service/persons").exchange(),
        401, "unauthorized", "/api/unknown-service/persons");
  }

  @Test
  void tokenSignedWithAnotherKeyIsUnauthorized() {
    expectInvalidToken(TOKENS.signedWithAnotherKey("test-caseworker"));
  }

  @Test
  void expiredTokenIsUnauthorized() {
    expectInvalidToken(TOKENS.expired("test-caseworker"));
  }

  @Test
  void tokenOfAnotherIssuerIsUnauthorized() {
    expectInvalidToken(TOKENS.fromAnotherIssuer("test-caseworker"));
  }

  @Test
  void malformedTokenIsUnauthorized() {
    expectInvalidToken("not-a-jwt");
  }

  @Test
  void validTokenReachesTheServiceUnchanged() throws InterruptedException {
    String token = TOKENS.staff("jiyang-caseworker");

    gateway(token).get().uri("/api/relief/households/7").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.service").isEqualTo("relief-service");

    assertThat(service("relief").nextRequest().headers().getFirst("Authorization"))
        .isEqualTo("Bearer " + token);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/registry/v3/api-docs", "/api/registry/v3/api-docs/public",
      "/api/registry/actuator/health", "/api/registry/actuator/health/readiness"})
  void documentsAndHealthOfServicesAreOpen(String path) throws InterruptedException {
    anonymous().get().uri(path).exchange().expectStatus().isOk();

    assertThat(service("registry").nextRequest().pathAndQuery()).isEqualTo(path.substring("/api/registry".length()));
  }

  @Test
  void otherActuatorEndpointsOfServicesAreClosedThroughTheGateway() {
    expectProblem(anonymous().get().uri("/api/registry/actuator/prometheus").exchange(),
        401, "unauthorized", "/api/registry/actuator/prometheus");
    expectProblem(gateway().get().uri("/api/registry/actuator/prometheus").exchange(),
        403, "forbidden", "/api/registry/actuator/prometheus");
    expectProblem(gateway().get().uri("/api/registry/actuator/env").exchange(),
        403, "forbidden", "/api/registry/actuator/env");

    assertThat(service("registry").receivedAny()).isFalse();
  }

  private void expectInvalidToken(String token) {
    var response = gateway(token).get().uri("/api/registry/persons").exchange();

    expectProblem(response, 401, "unauthorized", "/api/registry/persons");
    response.expectHeader().valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*");
    assertThat(service("registry").receivedAny()).isFalse();
  }
}
