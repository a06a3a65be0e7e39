package gov.civilaffairs.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Per-client rate limits with the buckets in the Redis at 127.0.0.1:6379 (started by .ci/run), shared
 * by every gateway instance. Every client is limited to {@value #BURST} requests, then one a minute;
 * each test uses a client name of its own, since buckets outlive the test run in Redis.
 */
class RedisRateLimitIT extends GatewayTestSupport {

  static final String REDIS_URL = "redis://127.0.0.1:6379";
  static final int BURST = 3;

  @DynamicPropertySource
  static void keepBucketsInRedis(DynamicPropertyRegistry registry) {
    registry.add("RATE_LIMIT_REDIS_URL", () -> REDIS_URL);
    // The first connection of a cold JVM on a busy build machine can take longer than the 250 ms default.
    registry.add("gateway.rate-limits.redis.timeout", () -> "5s");
    registry.add(DEFAULT_LIMIT + ".requests", () -> "1");
    registry.add(DEFAULT_LIMIT + ".period", () -> "1m");
    registry.add(DEFAULT_LIMIT + ".burst", () -> BURST);
  }

  @Test
  void clientOverItsBurstGetsTooManyRequestsAndTheBucketIsInRedis() {
    String client = "redis-test-" + UUID.randomUUID();

    expectLimitedAfterBurst(gateway(TOKENS.machine(client)), BURST);

    RedisClient redis = RedisClient.create(REDIS_URL);
    try (StatefulRedisConnection<String, String> connection = redis.connect()) {
      assertThat(connection.sync().exists("gateway:rate-limit:" + client)).isEqualTo(1L);
    } finally {
      redis.shutdown();
    }
    anonymous().get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).exchange()
        .expectBody(String.class)
        .value(metrics -> assertThat(metrics).contains("gateway_rate_limit_redis_failures_total 0.0"));
  }
}
