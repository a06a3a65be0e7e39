package gov.civilaffairs.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import gov.civilaffairs.platform.kafka.PlatformKafkaProperties.Retry;
import gov.civilaffairs.platform.kafka.PlatformKafkaProperties.TopicOverride;
import gov.civilaffairs.platform.kafka.PlatformKafkaProperties.TopicSettings;

class TopicDeclarationsTest {

  static final TopicSettings PRODUCTION = new TopicSettings(6, (short) 3, 2, Duration.ofDays(7), Duration.ofDays(28));

  final TopicDeclarations topics = new TopicDeclarations(new PlatformKafkaProperties(
      new Retry(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10)),
      PRODUCTION,
      Map.of("relief.household.v1", new TopicOverride(12, null, null, Duration.ofDays(30), null))));

  @Test
  void publishedTopicHasTheDefaultSettings() {
    assertThat(topics.published("registry.person.v1")).satisfies(topic -> {
      assertThat(topic.name()).isEqualTo("registry.person.v1");
      assertThat(topic.numPartitions()).isEqualTo(6);
      assertThat(topic.replicationFactor()).isEqualTo((short) 3);
      assertThat(topic.configs()).containsEntry("min.insync.replicas", "2")
          .containsEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
    });
  }

  @Test
  void consumedTopicComesWithItsDeadLetterTopicOfAsManyPartitions() {
    List<NewTopic> declared = topics.consumedTopics("relief.household.v1");

    assertThat(declared).extracting(NewTopic::name).containsExactly("relief.household.v1", "relief.household.v1-dlt");
    assertThat(declared).extracting(NewTopic::numPartitions).containsExactly(12, 12);
    assertThat(declared).extracting(NewTopic::replicationFactor).containsExactly((short) 3, (short) 3);
    assertThat(declared.get(0).configs()).containsEntry("retention.ms", Long.toString(Duration.ofDays(30).toMillis()));
    assertThat(declared.get(1).configs()).containsEntry("retention.ms", Long.toString(Duration.ofDays(28).toMillis()));
  }

  @Test
  void rejectsNamesOutsideTheConvention() {
    for (String name : List.of("PersonDeceased", "registry.person", "registry.person.v0", "Registry.person.v1")) {
      assertThatIllegalArgumentException().as(name).isThrownBy(() -> topics.consumed(name))
          .withMessageContaining("<service>.<aggregate>.v<N>");
    }
  }
}
