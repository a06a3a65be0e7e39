package gov.civilaffairs.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis configured but down (a closed port): requests are neither refused for the outage nor let
 * through unlimited; each instance limits in memory and counts the failures
 * (docs/adr/0005-rate-limits-when-redis-is-down.md).
 */
class RedisDownRateLimitIT extends GatewayTestSupport {

  static final int BURST = 3;

  @DynamicPropertySource
  static void pointRedisAtAClosedPort(DynamicPropertyRegistry registry) {
    registry.add("RATE_LIMIT_REDIS_URL", () -> "redis://127.0.0.1:" + CLOSED_PORT);
    registry.add(DEFAULT_LIMIT + ".requests", () -> "1");
    registry.add(DEFAULT_LIMIT + ".period", () -> "1m");
    registry.add(DEFAULT_LIMIT + ".burst", () -> BURST);
  }

  @Test
  void limitsInMemoryAndCountsTheFailures() {
    expectLimitedAfterBurst(gateway(TOKENS.staff("caseworker-while-redis-is-down")), BURST);

    String metrics = anonymous().get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).exchange()
        .expectBody(String.class).returnResult().getResponseBody();
    Matcher failures = Pattern.compile("(?m)^gateway_rate_limit_redis_failures_total(?:\\{.*\\})? (\\S+)$").matcher(metrics);
    assertThat(failures.find()).isTrue();
    assertThat(Double.parseDouble(failures.group(1))).isGreaterThanOrEqualTo(BURST + 1);
  }
}
