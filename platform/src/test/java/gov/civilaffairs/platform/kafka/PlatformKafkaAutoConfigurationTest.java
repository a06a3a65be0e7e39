package gov.civilaffairs.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOffExecution;

/** The auto-configuration's beans and its validated properties; no broker is contacted. */
class PlatformKafkaAutoConfigurationTest {

  final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
          KafkaAutoConfiguration.class, PlatformKafkaAutoConfiguration.class))
      .withPropertyValues("spring.application.name=registry-service");

  @Test
  void defaultsRetryTwiceAfterTheFirstAttemptWithGrowingDelays() {
    context.run(ctx -> {
      assertThat(ctx).hasSingleBean(DefaultErrorHandler.class).hasSingleBean(CloudEventPublisher.class)
          .hasSingleBean(TopicDeclarations.class);
      BackOffExecution delays = PlatformKafkaAutoConfiguration.backOff(
          ctx.getBean(PlatformKafkaProperties.class).retry()).start();
      assertThat(delays.nextBackOff()).isEqualTo(1000L);
      assertThat(delays.nextBackOff()).isEqualTo(2000L);
      assertThat(delays.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    });
  }

  @Test
  void rejectsRetryWithoutAnyAttempt() {
    context.withPropertyValues("platform.kafka.retry.max-attempts=0")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("maxAttempts"));
  }

  @Test
  void rejectsTopicOverrideWithoutPartitions() {
    context.withPropertyValues("platform.kafka.topics[registry.person.v1].partitions=0")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("partitions"));
  }

  @Test
  void serviceErrorHandlerReplacesThePlatformOne() {
    context.withBean(CommonErrorHandler.class, CommonLoggingErrorHandler::new)
        .run(ctx -> assertThat(ctx).doesNotHaveBean(DefaultErrorHandler.class));
  }

  @Test
  void valueSerializerWritesJsonWithoutTypeHeadersAndPassesJsonTextThrough() {
    record PersonDeceased(String personId, LocalDate dateOfDeath) {
    }
    Serializer<Object> serializer = PlatformKafkaAutoConfiguration.valueSerializer(JsonMapper.builder().build());
    RecordHeaders headers = new RecordHeaders();

    byte[] json = serializer.serialize("registry.person.v1", headers, new PersonDeceased("p-1", LocalDate.of(2026, 6, 30)));

    assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"personId\":\"p-1\",\"dateOfDeath\":\"2026-06-30\"}");
    assertThat(headers.toArray()).isEmpty();
    byte[] bytes = {'{', '}'};
    assertThat(serializer.serialize("t", headers, bytes)).isSameAs(bytes);
    assertThat(serializer.serialize("t", headers, "{\"a\": 1}")).isEqualTo("{\"a\": 1}".getBytes(StandardCharsets.UTF_8));
  }
}
