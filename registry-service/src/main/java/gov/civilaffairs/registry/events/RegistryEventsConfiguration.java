package gov.civilaffairs.registry.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import gov.civilaffairs.registry.death.DeathRecordRevoked;
import gov.civilaffairs.registry.death.PersonDeceased;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.header.Headers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.mapping.DefaultJacksonJavaTypeMapper;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Externalises the registry's events from the outbox to Kafka as CloudEvents 1.0 in binary mode
 * (EVENTS.md): the JSON payload as value, the person id as key, and headers {@code ce_specversion},
 * {@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_time}, {@code ce_subject} and
 * {@code content-type}. Header values are written as raw UTF-8 bytes, so no Java type information
 * goes on the wire.
 *
 * <p>TODO(lead): move the header mapping onto platform.kafka's CloudEvents helper when merged.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryEventsProperties.class)
class RegistryEventsConfiguration {

  /** CloudEvents type of {@link PersonDeceased}. */
  static final String PERSON_DECEASED_TYPE = "gov.civilaffairs.registry.person-deceased.v1";
  /** CloudEvents type of {@link DeathRecordRevoked}. */
  static final String DEATH_RECORD_REVOKED_TYPE = "gov.civilaffairs.registry.death-record-revoked.v1";

  @Bean
  NewTopic registryPersonTopic(RegistryEventsProperties properties) {
    return TopicBuilder.name(properties.topic()).partitions(properties.partitions())
        .replicas(properties.replicas()).build();
  }

  /**
   * The payload as JSON bytes, without the {@code __TypeId__} header the converter adds by default:
   * consumers read the CloudEvents type, never a Java class name. Replaces Spring Modulith's default
   * converter bean.
   */
  @Bean
  ByteArrayJacksonJsonMessageConverter kafkaPayloadConverter(JsonMapper jsonMapper) {
    ByteArrayJacksonJsonMessageConverter converter = new ByteArrayJacksonJsonMessageConverter(jsonMapper);
    converter.setTypeMapper(new DefaultJacksonJavaTypeMapper() {
      @Override
      public void fromClass(Class<?> clazz, Headers headers) {
        // no Java type on the wire
      }
    });
    return converter;
  }

  @Bean
  EventExternalizationConfiguration eventExternalization(RegistryEventsProperties properties) {
    String topic = properties.topic();
    return EventExternalizationConfiguration.externalizing()
        .select(event -> event instanceof PersonDeceased || event instanceof DeathRecordRevoked)
        .route(PersonDeceased.class, e -> RoutingTarget.forTarget(topic).andKey(String.valueOf(e.personId())))
        .route(DeathRecordRevoked.class, e -> RoutingTarget.forTarget(topic).andKey(String.valueOf(e.personId())))
        .headers(PersonDeceased.class, e -> cloudEvent(e.eventId(), PERSON_DECEASED_TYPE, properties.source(),
            e.confirmedAt(), e.personId()))
        .headers(DeathRecordRevoked.class, e -> cloudEvent(e.eventId(), DEATH_RECORD_REVOKED_TYPE, properties.source(),
            e.revokedAt(), e.personId()))
        .build();
  }

  /** The CloudEvents binary-mode headers of one event (CloudEvents Kafka protocol binding 1.0). */
  static Map<String, Object> cloudEvent(UUID id, String type, String source, Instant time, long personId) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("ce_specversion", utf8("1.0"));
    headers.put("ce_id", utf8(id.toString()));
    headers.put("ce_type", utf8(type));
    headers.put("ce_source", utf8(source));
    headers.put("ce_time", utf8(DateTimeFormatter.ISO_INSTANT.format(time)));
    headers.put("ce_subject", utf8(String.valueOf(personId)));
    headers.put("content-type", utf8("application/json"));
    return headers;
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
