package gov.civilaffairs.gateway.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * Token buckets shared by every gateway instance, kept in Redis under
 * {@value #KEY_PREFIX}{@code <client>} (Bucket4j's compare-and-swap protocol over Lettuce; a bucket
 * expires once it would be full again).
 *
 * <p>Connects at the first request, not at start-up, so that the gateway starts while Redis is down.
 * Every call either completes within {@link RateLimitProperties.Redis#timeout()} or fails (connection
 * refused, timeout, Redis gone since: Lettuce rejects commands while it reconnects instead of queueing
 * them); the caller decides what a failure means ({@link ClientRateLimiter}). After a failed connection
 * the next attempt waits {@link RateLimitProperties.Redis#retryInterval()}.
 */
final class RedisTokenBuckets implements AutoCloseable {

  /** Prefix of the Redis keys of the buckets. */
  static final String KEY_PREFIX = "gateway:rate-limit:";

  private final RedisClient client;
  private final RedisURI uri;
  private final Duration timeout;
  private final long retryIntervalNanos;

  private CompletableFuture<AsyncProxyManager<String>> buckets; // guarded by this
  private long lastAttemptNanos; // guarded by this

  RedisTokenBuckets(RateLimitProperties.Redis settings) {
    this.timeout = settings.timeout();
    this.retryIntervalNanos = settings.retryInterval().toNanos();
    this.uri = RedisURI.create(settings.url());
    uri.setTimeout(timeout);
    this.client = RedisClient.create();
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .build());
  }

  /**
   * Takes one token from the client's bucket, creating the bucket with {@code limit} if it has none.
   *
   * @return the outcome; completes exceptionally if Redis cannot be reached or does not answer in time
   */
  CompletableFuture<ConsumptionProbe> tryConsume(String clientKey, BucketConfiguration limit) {
    return buckets().thenCompose(proxies -> proxies
        .getProxy(clientKey, () -> CompletableFuture.completedFuture(limit))
        .tryConsumeAndReturnRemaining(1));
  }

  private synchronized CompletableFuture<AsyncProxyManager<String>> buckets() {
    boolean mayRetry = System.nanoTime() - lastAttemptNanos >= retryIntervalNanos;
    if (buckets == null || (buckets.isCompletedExceptionally() && mayRetry)) {
      lastAttemptNanos = System.nanoTime();
      buckets = client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture()
          .thenApply(connection -> Bucket4jLettuce.casBasedBuilder(connection)
              .expirationAfterWrite(
                  ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
              .requestTimeout(timeout)
              .build()
              .asAsync()
              .withMapper((String key) -> (KEY_PREFIX + key).getBytes(UTF_8)));
    }
    return buckets;
  }

  @Override
  public void close() {
    client.shutdown();
  }
}
