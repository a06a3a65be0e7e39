package gov.civilaffairs.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Per-client rate limits with buckets in memory (no Redis configured). */
class RateLimitIT extends GatewayTestSupport {

  @Test
  void clientOverItsBurstGetsTooManyRequestsWithRetryAfter() throws InterruptedException {
    expectLimitedAfterBurst(gateway(TOKENS.staff(RATE_LIMITED_CLIENT)), RATE_LIMITED_BURST);

    for (int i = 0; i < RATE_LIMITED_BURST; i++) {
      assertThat(service("registry").nextRequest()).isNotNull();
    }
    assertThat(service("registry").receivedAny()).as("the refused request reached the service").isFalse();
  }

  @Test
  void otherClientsKeepTheirOwnBudget() {
    gateway(TOKENS.staff(RATE_LIMITED_CLIENT)).get().uri("/api/registry/persons").exchange();

    gateway(TOKENS.staff("another-caseworker")).get().uri("/api/registry/persons").exchange()
        .expectStatus().isOk();
  }
}
