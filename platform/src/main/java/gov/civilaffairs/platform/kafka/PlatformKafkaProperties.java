package gov.civilaffairs.platform.kafka;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka settings of the platform ({@code platform.kafka.*}). The defaults fit a single local broker;
 * production overrides the replication (see {@link TopicSettings}).
 *
 * @param retry how often a listener that throws is retried before its record is dead-lettered
 * @param topicDefaults settings of every declared topic unless {@code topics.<name>} overrides them
 * @param topics per-topic overrides, keyed by topic name (e.g. {@code registry.person.v1}); any
 *     field left out falls back to {@code topic-defaults}
 */
@ConfigurationProperties("platform.kafka")
@Validated
public record PlatformKafkaProperties(
    @Valid @DefaultValue Retry retry,
    @Valid @DefaultValue TopicSettings topicDefaults,
    Map<String, @Valid TopicOverride> topics) {

  public PlatformKafkaProperties {
    topics = topics == null ? Map.of() : Map.copyOf(topics);
  }

  /** The settings of {@code topic}: its override where given, the defaults otherwise. */
  TopicSettings settingsOf(String topic) {
    TopicOverride override = topics.get(topic);
    return override == null ? topicDefaults : override.over(topicDefaults);
  }

  /**
   * Bounded, exponential retries of a listener that throws (city operations policy: a poison message
   * must not hold its partition for long). Delays are {@code initial-interval},
   * {@code initial-interval * multiplier}, ... capped at {@code max-interval}. The consumer thread
   * waits during retries, so the sum of the delays must stay well below Kafka's
   * {@code max.poll.interval.ms} (5 minutes by default).
   *
   * @param maxAttempts deliveries of one record in total, the first included (default 3); then the
   *     record goes to its dead-letter topic
   * @param initialInterval delay before the first retry (default 1 s)
   * @param multiplier growth of the delay from one retry to the next (default 2.0)
   * @param maxInterval longest delay between two retries (default 10 s)
   */
  public record Retry(
      @DefaultValue("3") @Min(1) int maxAttempts,
      @DefaultValue("1s") @NotNull Duration initialInterval,
      @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
      @DefaultValue("10s") @NotNull Duration maxInterval) {
  }

  /**
   * How a topic is created. Defaults fit one local broker (replication 1). A production cluster of
   * three brokers sets {@code platform.kafka.topic-defaults.replicas=3} and
   * {@code platform.kafka.topic-defaults.min-insync-replicas=2} (ARCHITECTURE.md, Runtime), so that
   * with {@code acks=all} an acknowledged event survives the loss of one broker.
   *
   * @param partitions partitions of the topic and of its dead-letter topic (default 3)
   * @param replicas replication factor (default 1)
   * @param minInsyncReplicas {@code min.insync.replicas} (default 1)
   * @param retention {@code retention.ms} of the topic (default 7 days)
   * @param deadLetterRetention {@code retention.ms} of its dead-letter topic, longer so that
   *     operations have time to inspect and replay (default 28 days)
   */
  public record TopicSettings(
      @DefaultValue("3") @Min(1) int partitions,
      @DefaultValue("1") @Min(1) short replicas,
      @DefaultValue("1") @Min(1) int minInsyncReplicas,
      @DefaultValue("7d") @NotNull Duration retention,
      @DefaultValue("28d") @NotNull Duration deadLetterRetention) {
  }

  /**
   * Per-topic override of {@link TopicSettings}; a field that is {@code null} keeps the default.
   *
   * @param partitions see {@link TopicSettings#partitions()}
   * @param replicas see {@link TopicSettings#replicas()}
   * @param minInsyncReplicas see {@link TopicSettings#minInsyncReplicas()}
   * @param retention see {@link TopicSettings#retention()}
   * @param deadLetterRetention see {@link TopicSettings#deadLetterRetention()}
   */
  public record TopicOverride(
      @Min(1) Integer partitions,
      @Min(1) Short replicas,
      @Min(1) Integer minInsyncReplicas,
      Duration retention,
      Duration deadLetterRetention) {

    TopicSettings over(TopicSettings defaults) {
      return new TopicSettings(
          partitions != null ? partitions : defaults.partitions(),
          replicas != null ? replicas : defaults.replicas(),
          minInsyncReplicas != null ? minInsyncReplicas : defaults.minInsyncReplicas(),
          retention != null ? retention : defaults.retention(),
          deadLetterRetention != null ? deadLetterRetention : defaults.deadLetterRetention());
    }
  }
}
