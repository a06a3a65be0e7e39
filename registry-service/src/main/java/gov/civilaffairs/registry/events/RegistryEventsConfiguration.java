package gov.civilaffairs.registry.events;

import java.util.function.Supplier;

import gov.civilaffairs.registry.death.DeathRecordRevoked;
import gov.civilaffairs.registry.death.PersonDeceased;
import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.kafka.TopicDeclarations;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.header.Headers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.mapping.DefaultJacksonJavaTypeMapper;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.util.function.SingletonSupplier;

/**
 * Externalises the registry's events from the outbox to Kafka as CloudEvents 1.0 in binary mode
 * (EVENTS.md): the JSON payload as value, the person id as key, and the CloudEvents headers written by
 * platform.kafka's {@link CloudEventPublisher#headersFor} (the same headers as a direct publication).
 * No Java type information goes on the wire. The topic is declared with platform.kafka's
 * {@link TopicDeclarations} ({@code platform.kafka.topic-defaults.*}, {@code platform.kafka.topics.<name>.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryEventsProperties.class)
class RegistryEventsConfiguration {

  /** CloudEvents type of {@link PersonDeceased}. */
  static final String PERSON_DECEASED_TYPE = "gov.civilaffairs.registry.person-deceased.v1";
  /** CloudEvents type of {@link DeathRecordRevoked}. */
  static final String DEATH_RECORD_REVOKED_TYPE = "gov.civilaffairs.registry.death-record-revoked.v1";

  /**
   * The outbox table's state changes in batches ({@link OutboxStateWriter}); Modulith's JDBC repository
   * does the writing.
   */
  @Bean
  @Primary
  OutboxStateWriter outboxStateWriter(@Qualifier("jdbcEventPublicationRepository") EventPublicationRepository jdbc,
      PlatformTransactionManager transactionManager) {
    return new OutboxStateWriter(jdbc, new TransactionTemplate(transactionManager));
  }

  @Bean
  NewTopic registryPersonTopic(TopicDeclarations topics, RegistryEventsProperties properties) {
    return topics.published(properties.topic());
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

  /**
   * Which events leave, where to, and their CloudEvents headers. The publisher is looked up when an event
   * is sent: Modulith's listener factory asks for this configuration early, before Kafka's beans exist.
   */
  @Bean
  EventExternalizationConfiguration eventExternalization(RegistryEventsProperties properties,
      ObjectProvider<CloudEventPublisher> cloudEventPublisher) {
    String topic = properties.topic();
    Supplier<CloudEventPublisher> cloudEvents = SingletonSupplier.of(cloudEventPublisher::getObject);
    return EventExternalizationConfiguration.externalizing()
        .select(event -> event instanceof PersonDeceased || event instanceof DeathRecordRevoked)
        .route(PersonDeceased.class, e -> RoutingTarget.forTarget(topic).andKey(String.valueOf(e.personId())))
        .route(DeathRecordRevoked.class, e -> RoutingTarget.forTarget(topic).andKey(String.valueOf(e.personId())))
        .headers(PersonDeceased.class, e -> cloudEvents.get().headersFor(new EventEnvelope(e.eventId(),
            PERSON_DECEASED_TYPE, String.valueOf(e.personId()), e.confirmedAt(), e)))
        .headers(DeathRecordRevoked.class, e -> cloudEvents.get().headersFor(new EventEnvelope(e.eventId(),
            DEATH_RECORD_REVOKED_TYPE, String.valueOf(e.personId()), e.revokedAt(), e)))
        .build();
  }
}
