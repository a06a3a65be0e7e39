package gov.civilaffairs.gateway.security;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.github.bucket4j.BucketConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Per-client rate limits at the gateway ({@code gateway.rate-limits.*}; QUALITY.md "rate limits per
 * client at the gateway"; OWASP API Security Top 10 2023, API4 unrestricted resource consumption).
 * City policy: the defaults below are a starting point, to be set from the load each client really
 * brings.
 *
 * <p>A limit is a token bucket: a client may send {@code burst} requests at once, then
 * {@code requests} per {@code period}. The key of the bucket is the token's {@code client_id} (machine
 * clients) or {@code sub} (staff); see {@link ClientKeyResolver}.
 *
 * @param defaultLimit the limit of every client not listed in {@code clients}; default 20 requests per
 *     second with bursts of 40
 * @param clients limits of named clients (key: {@code client_id} or {@code sub}), for example a higher
 *     one for {@code data-sharing-platform}'s nightly death reports
 * @param redis where the buckets live when several gateway instances share them
 */
@Validated
@ConfigurationProperties("gateway.rate-limits")
record RateLimitProperties(
    @Valid @NotNull @DefaultValue Limit defaultLimit,
    @Valid @NotNull @DefaultValue Map<String, @Valid @NotNull Limit> clients,
    @Valid @NotNull @DefaultValue Redis redis) {

  /** The limit of a client: its own if listed, the default otherwise. */
  Limit limitOf(String client) {
    return clients.getOrDefault(client, defaultLimit);
  }

  /**
   * @param requests requests a client may make per {@code period} once its burst is spent (> 0)
   * @param period the period of {@code requests}; default one second
   * @param burst requests a client may make at once, the bucket's capacity (> 0)
   */
  record Limit(
      @Positive @DefaultValue("20") long requests,
      @NotNull @DefaultValue("1s") Duration period,
      @Positive @DefaultValue("40") long burst) {

    /** This limit as a Bucket4j bucket: capacity {@code burst}, refilled greedily. */
    BucketConfiguration bucket() {
      return BucketConfiguration.builder()
          .addLimit(limit -> limit.capacity(burst).refillGreedy(requests, period))
          .build();
    }
  }

  /**
   * @param url Redis to keep the buckets in, e.g. {@code redis://redis:6379}
   *     ({@code RATE_LIMIT_REDIS_URL}); empty (the default): buckets in this instance's memory
   * @param timeout longest wait for Redis (connect or command); default 250 ms. A Redis that does not
   *     answer within it counts as down
   * @param retryInterval after a failed connection, how long the gateway waits before trying again;
   *     default 5 s
   */
  record Redis(
      String url,
      @NotNull @DefaultValue("250ms") Duration timeout,
      @NotNull @DefaultValue("5s") Duration retryInterval) {

    boolean configured() {
      return url != null && !url.isBlank();
    }
  }
}
