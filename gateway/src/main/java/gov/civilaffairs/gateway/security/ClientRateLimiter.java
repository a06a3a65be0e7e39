package gov.civilaffairs.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's {@code RequestRateLimiter} backed by Bucket4j token buckets, one per client
 * ({@link RateLimitProperties}): in Redis when {@code gateway.rate-limits.redis.url} is set (one budget
 * across all gateway instances), in this instance's memory otherwise.
 *
 * <p>Allowed: the request goes on, with {@code X-RateLimit-Remaining}. Refused: 429 with
 * {@code Retry-After} (whole seconds until a token is back, at least 1) and
 * {@code X-RateLimit-Remaining: 0}; {@code RejectionProblemFilter} makes it problem+json
 * {@code too-many-requests}.
 *
 * <p>Redis down or too slow (docs/adr/0005): the request is limited by this instance's in-memory bucket
 * instead, never refused for the outage and never let through unlimited; each such request counts in
 * {@value #STORE_FAILURES_METRIC} and the first of an outage logs a warning (the recovery an info line).
 */
final class ClientRateLimiter implements RateLimiter<Object>, AutoCloseable {

  /** Counter of requests limited in memory because Redis failed ({@code ..._total} in Prometheus). */
  static final String STORE_FAILURES_METRIC = "gateway.rate.limit.redis.failures";

  static final String REMAINING_HEADER = "X-RateLimit-Remaining";

  private static final Logger log = LoggerFactory.getLogger(ClientRateLimiter.class);

  private final RateLimitProperties properties;
  private final AsyncProxyManager<String> local;
  private final RedisTokenBuckets redis; // null: in memory only
  private final Counter redisFailures;
  private final AtomicBoolean redisDown = new AtomicBoolean();

  ClientRateLimiter(RateLimitProperties properties, MeterRegistry meters) {
    this.properties = properties;
    this.redis = properties.redis().configured() ? new RedisTokenBuckets(properties.redis()) : null;
    this.local = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(100_000))
        .expirationAfterWrite(
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
        .build()
        .asAsync();
    this.redisFailures = Counter.builder(STORE_FAILURES_METRIC)
        .description("Requests rate-limited in this instance's memory because Redis failed")
        .register(meters);
  }

  /**
   * @param routeId the route (not used: a client has one budget across all services)
   * @param client the key from {@link ClientKeyResolver}
   */
  @Override
  public Mono<Response> isAllowed(String routeId, String client) {
    BucketConfiguration limit = properties.limitOf(client).bucket();
    Mono<ConsumptionProbe> inMemory = Mono.fromFuture(() -> tryConsume(local, client, limit));
    Mono<ConsumptionProbe> probe = redis == null ? inMemory
        : Mono.fromFuture(() -> redis.tryConsume(client, limit))
            .doOnNext(allowed -> redisBack())
            .onErrorResume(error -> {
              redisFailed(error);
              return inMemory;
            });
    return probe.map(ClientRateLimiter::response);
  }

  private static CompletableFuture<ConsumptionProbe> tryConsume(
      AsyncProxyManager<String> buckets, String client, BucketConfiguration limit) {
    return buckets.getProxy(client, () -> CompletableFuture.completedFuture(limit))
        .tryConsumeAndReturnRemaining(1);
  }

  private static Response response(ConsumptionProbe probe) {
    if (probe.isConsumed()) {
      return new Response(true, Map.of(REMAINING_HEADER, Long.toString(probe.getRemainingTokens())));
    }
    long wholeSecondsUp = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
    return new Response(false, Map.of(
        REMAINING_HEADER, "0", HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wholeSecondsUp))));
  }

  private void redisFailed(Throwable error) {
    redisFailures.increment();
    if (redisDown.compareAndSet(false, true)) {
      log.warn("Redis cannot be used for rate limits ({}); limiting in this instance's memory until it is back",
          error.toString());
    }
  }

  private void redisBack() {
    if (redisDown.compareAndSet(true, false)) {
      log.info("Redis is back; rate limits are shared again");
    }
  }

  /** Closes the connection to Redis, if any. */
  @Override
  public void close() {
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  public Map<String, Object> getConfig() {
    return Map.of();
  }

  @Override
  public Class<Object> getConfigClass() {
    return Object.class;
  }

  @Override
  public Object newConfig() {
    return new Object();
  }
}
