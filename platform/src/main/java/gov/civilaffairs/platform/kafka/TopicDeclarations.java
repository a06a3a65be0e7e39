package gov.civilaffairs.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import gov.civilaffairs.platform.kafka.PlatformKafkaProperties.TopicSettings;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Builds the declarations of the topics a service publishes to or consumes from, with the partitions,
 * replication and retention of {@link PlatformKafkaProperties} ({@code platform.kafka.topic-defaults.*},
 * {@code platform.kafka.topics.<name>.*}). Topics are declared in code, never auto-created (EVENTS.md);
 * Boot's {@link KafkaAdmin} creates the missing ones at start-up and adds partitions when the declared
 * count grows. A service declares the topics it publishes to and those it consumes, for example in
 * relief-service:
 *
 * <pre>{@code
 * @Bean
 * NewTopic householdTopic(TopicDeclarations topics) {
 *   return topics.published("relief.household.v1");
 * }
 *
 * @Bean
 * KafkaAdmin.NewTopics personTopics(TopicDeclarations topics) {
 *   return topics.consumed("registry.person.v1");   // and registry.person.v1-dlt
 * }
 * }</pre>
 */
public class TopicDeclarations {

  /** {@code <service>.<aggregate>.v<N>} (EVENTS.md), lower case, e.g. {@code registry.person.v1}. */
  static final Pattern TOPIC_NAME = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.v[1-9][0-9]*");

  /** Suffix of a dead-letter topic (EVENTS.md): {@code registry.person.v1-dlt}. */
  public static final String DEAD_LETTER_SUFFIX = "-dlt";

  private final PlatformKafkaProperties properties;

  public TopicDeclarations(PlatformKafkaProperties properties) {
    this.properties = properties;
  }

  /**
   * The topic a service publishes to.
   *
   * @param topic {@code <service>.<aggregate>.v<N>}
   * @throws IllegalArgumentException if the name does not follow that pattern
   */
  public NewTopic published(String topic) {
    return topic(topic);
  }

  /**
   * A topic a service consumes and its dead-letter topic {@code <topic>-dlt}, with as many partitions,
   * so that a dead-lettered record keeps its partition number.
   *
   * @param topic {@code <service>.<aggregate>.v<N>}
   * @throws IllegalArgumentException if the name does not follow that pattern
   */
  public KafkaAdmin.NewTopics consumed(String topic) {
    return new KafkaAdmin.NewTopics(consumedTopics(topic).toArray(NewTopic[]::new));
  }

  /** The topic and its dead-letter topic, in that order. */
  List<NewTopic> consumedTopics(String topic) {
    TopicSettings settings = properties.settingsOf(topic);
    return List.of(topic(topic), build(deadLetterTopicOf(topic), settings, settings.deadLetterRetention()));
  }

  /** The dead-letter topic of {@code topic}: {@code <topic>-dlt}. */
  public static String deadLetterTopicOf(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }

  private NewTopic topic(String topic) {
    if (!TOPIC_NAME.matcher(topic).matches()) {
      throw new IllegalArgumentException(
          "Topic '" + topic + "' does not follow <service>.<aggregate>.v<N> (EVENTS.md), e.g. registry.person.v1");
    }
    TopicSettings settings = properties.settingsOf(topic);
    return build(topic, settings, settings.retention());
  }

  private static NewTopic build(String name, TopicSettings settings, Duration retention) {
    return TopicBuilder.name(name)
        .partitions(settings.partitions())
        .replicas(settings.replicas())
        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInsyncReplicas()))
        .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()))
        .build();
  }
}
