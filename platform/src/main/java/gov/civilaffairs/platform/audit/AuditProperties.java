package gov.civilaffairs.platform.audit;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit trail ({@code platform.audit.*}); the defaults suit every service.
 *
 * @param topic Kafka topic the entries are published to; default {@code platform.audit.v1}
 * @param topicPartitions partitions of the topic when a service declares it; default 3 (entries are
 *     keyed by service name, so each service's entries stay in order on one partition)
 * @param relay how entries are shipped to the topic
 * @param query limits of {@code GET /audit-entries}
 */
@ConfigurationProperties("platform.audit")
@Validated
public record AuditProperties(
    @DefaultValue("platform.audit.v1") @NotBlank String topic,
    @DefaultValue("3") @Positive int topicPartitions,
    @DefaultValue @Valid Relay relay,
    @DefaultValue @Valid Query query) {

  /**
   * @param enabled whether this instance ships entries; default true
   * @param interval pause between two runs; default 1s
   * @param batchSize entries sent per run at most; default 200
   * @param sendTimeout how long a run waits for the broker's acknowledgement before it gives up and
   *     leaves the cursor where it was; default 10s
   * @param gapGrace how long a missing id is waited for before the relay ships past it; default 60s.
   *     Ids are allocated at insert and become visible at commit, so a lower id may still appear
   *     while its transaction runs; a rolled-back one never does. Longer than the longest
   *     transaction that records an entry.
   */
  public record Relay(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("1s") @DurationMin(millis = 10) Duration interval,
      @DefaultValue("200") @Positive @Max(10_000) int batchSize,
      @DefaultValue("10s") @DurationMin(millis = 100) Duration sendTimeout,
      @DefaultValue("60s") @DurationMin(seconds = 0) Duration gapGrace) {
  }

  /**
   * @param defaultPageSize entries per page when the caller gives no {@code size}; default 50
   * @param maxPageSize the largest {@code size} accepted; larger ones are refused with 400; default 500
   */
  public record Query(
      @DefaultValue("50") @Positive int defaultPageSize,
      @DefaultValue("500") @Positive @Max(10_000) int maxPageSize) {
  }
}
