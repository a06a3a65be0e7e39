package gov.civilaffairs.platform.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import gov.civilaffairs.platform.kafka.PlatformKafkaProperties.Retry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * The Kafka wiring every service shares, applied to Boot's auto-configured producer factory, consumer
 * factory and listener container factory (EVENTS.md):
 * <ul>
 *   <li>Values written: {@code byte[]} and {@code String} as they are (already JSON: CloudEvents
 *   payloads, dead letters), any other object as JSON through the application's {@link JsonMapper},
 *   without type headers: never a Java class name on the wire.</li>
 *   <li>Values read: {@link ErrorHandlingDeserializer} around a JSON deserializer into a Jackson
 *   {@link JsonNode}, a tree that accepts any JSON (unknown fields included); a value that is not JSON
 *   reaches the error handler instead of the listener. Listeners take
 *   {@code ConsumerRecord<String, JsonNode>} and read it with {@link IncomingEvent#from}.</li>
 *   <li>Errors: a {@link DefaultErrorHandler} retries a failing record {@code platform.kafka.retry.*}
 *   times with exponential back-off, then a {@link DeadLetterPublishingRecoverer} publishes it to
 *   {@code <topic>-dlt}, same partition, with the original key, value and headers and the
 *   {@code kafka_dlt-*} exception headers; the partition keeps flowing. Batch listeners use
 *   {@link EventBatchProcessor}: same retries, same dead letters, one transaction per poll. Values that are not JSON
 *   ({@code DeserializationException}) and {@link MalformedEventException}s are not retried. Each
 *   dead letter counts in {@code platform.kafka.dead.letters{topic}}.</li>
 *   <li>{@link CloudEventPublisher} and {@link TopicDeclarations} beans.</li>
 * </ul>
 * The dead letter of a record that was JSON but failed in the listener holds the JSON re-serialised
 * from the tree: same content, but whitespace and number formatting may differ from the original bytes.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(KafkaOperations.class)
@EnableConfigurationProperties(PlatformKafkaProperties.class)
public class PlatformKafkaAutoConfiguration {

  @Bean
  @SuppressWarnings("unchecked")
  DefaultKafkaProducerFactoryCustomizer jsonValueSerializer(JsonMapper jsonMapper) {
    return factory -> ((DefaultKafkaProducerFactory<Object, Object>) factory)
        .setValueSerializerSupplier(() -> valueSerializer(jsonMapper));
  }

  @Bean
  @SuppressWarnings("unchecked")
  DefaultKafkaConsumerFactoryCustomizer jsonValueDeserializer(JsonMapper jsonMapper) {
    return factory -> ((DefaultKafkaConsumerFactory<Object, JsonNode>) factory)
        .setValueDeserializerSupplier(() ->
            new ErrorHandlingDeserializer<>(new JacksonJsonDeserializer<>(JsonNode.class, jsonMapper, false)));
  }

  @Bean
  @ConditionalOnMissingBean
  CloudEventPublisher cloudEventPublisher(KafkaOperations<String, byte[]> kafka, JsonMapper jsonMapper,
      @Value("${spring.application.name}") String applicationName) {
    return new CloudEventPublisher(kafka, jsonMapper, applicationName);
  }

  @Bean
  @ConditionalOnMissingBean
  TopicDeclarations topicDeclarations(PlatformKafkaProperties properties) {
    return new TopicDeclarations(properties);
  }

  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, PlatformKafkaProperties properties,
      ObjectProvider<MeterRegistry> meterRegistry) {
    DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka, (record, exception) ->
        new TopicPartition(TopicDeclarations.deadLetterTopicOf(record.topic()), record.partition()));
    DefaultErrorHandler errorHandler = new DefaultErrorHandler(
        (record, exception) -> deadLetters.accept(record, withoutBatchWrapper(exception)), backOff(properties.retry()));
    errorHandler.addNotRetryableExceptions(MalformedEventException.class);
    meterRegistry.ifAvailable(registry -> errorHandler.setRetryListeners(new DeadLetterMetrics(registry)));
    return errorHandler;
  }

  /**
   * A batch listener ({@link EventBatchProcessor}) reports a failed record as a
   * {@link BatchListenerFailedException} around the real cause: the dead letter's {@code kafka_dlt-exception-cause-*}
   * headers name that cause, as they do for a one-record listener.
   */
  static Exception withoutBatchWrapper(Exception exception) {
    if (exception instanceof ListenerExecutionFailedException failed
        && failed.getCause() instanceof BatchListenerFailedException batch && batch.getCause() != null) {
      return new ListenerExecutionFailedException(failed.getMessage(), failed.getGroupId(), batch.getCause());
    }
    return exception;
  }

  static ExponentialBackOffWithMaxRetries backOff(Retry retry) {
    ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
    backOff.setInitialInterval(retry.initialInterval().toMillis());
    backOff.setMultiplier(retry.multiplier());
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    return backOff;
  }

  static Serializer<Object> valueSerializer(JsonMapper jsonMapper) {
    JacksonJsonSerializer<Object> json = new JacksonJsonSerializer<>(jsonMapper);
    json.setAddTypeInfo(false);
    Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
    byType.put(byte[].class, new ByteArraySerializer());
    byType.put(String.class, new StringSerializer());
    byType.put(Object.class, json);
    return new DelegatingByTypeSerializer(byType, true);
  }
}
