package gov.civilaffairs.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The gateway's own endpoints, open without a token: one Swagger UI for every service, probes and metrics. */
class GatewayEndpointsIT extends GatewayTestSupport {

  @Test
  void swaggerUiListsEveryServiceDocumentThroughTheGateway() {
    anonymous().get().uri("/v3/api-docs/swagger-config").exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.urls.length()").isEqualTo(5)
        .jsonPath("$.urls[?(@.name == 'registry-service')].url").isEqualTo("/api/registry/v3/api-docs")
        .jsonPath("$.urls[?(@.name == 'relief-service')].url").isEqualTo("/api/relief/v3/api-docs")
        .jsonPath("$.urls[?(@.name == 'eldercare-service')].url").isEqualTo("/api/eldercare/v3/api-docs")
        .jsonPath("$.urls[?(@.name == 'veterans-service')].url").isEqualTo("/api/veterans/v3/api-docs")
        .jsonPath("$.urls[?(@.name == 'income-verification-service')].url")
        .isEqualTo("/api/income-verification/v3/api-docs");
  }

  @Test
  void swaggerUiIgnoresForwardedHostOfTheCaller() {
    String location = anonymous().get().uri("/swagger-ui.html")
        .header("X-Forwarded-Host", "evil.example")
        .exchange()
        .expectStatus().is3xxRedirection()
        .returnResult(Void.class).getResponseHeaders().getLocation().toString();

    assertThat(location).contains("swagger-ui").doesNotContain("evil.example");
  }

  @Test
  void probesAndMetricsAreExposed() {
    anonymous().get().uri("/actuator/health/liveness").exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    anonymous().get().uri("/actuator/health/readiness").exchange()
        .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    anonymous().get().uri("/actuator/info").exchange().expectStatus().isOk();
    anonymous().get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(body -> assertThat(body).contains("application=\"gateway\""));
  }
}
