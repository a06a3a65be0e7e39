package gov.civilaffairs.registry.events;

import java.time.Clock;
import java.util.function.Supplier;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.TopicDeclarations;
import gov.civilaffairs.registry.death.DeathEventOutbox;
import gov.civilaffairs.registry.death.DeathRecordRevoked;
import gov.civilaffairs.registry.death.PersonDeceased;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * The registry's events leave through its own outbox (ADR 0006): {@link JdbcDeathEventOutbox} writes them
 * in the business transaction, {@link DeathEventRelay} sends them to Kafka as CloudEvents 1.0 in binary
 * mode (EVENTS.md): the JSON payload as value, the person id as key, and the CloudEvents headers written
 * by platform.kafka's {@link CloudEventPublisher}. No Java type information goes on the wire. The topic is
 * declared with platform.kafka's {@link TopicDeclarations} ({@code platform.kafka.topic-defaults.*},
 * {@code platform.kafka.topics.<name>.*}). Sent rows are deleted after {@code registry.events.purge.retention}
 * ({@link DeathEventOutboxPurge}); the outbox's meters: {@link DeathEventOutboxMetrics}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryEventsProperties.class)
class RegistryEventsConfiguration {

  /** CloudEvents type of {@link PersonDeceased}. */
  static final String PERSON_DECEASED_TYPE = "gov.civilaffairs.registry.person-deceased.v1";
  /** CloudEvents type of {@link DeathRecordRevoked}. */
  static final String DEATH_RECORD_REVOKED_TYPE = "gov.civilaffairs.registry.death-record-revoked.v1";

  @Bean
  NewTopic registryPersonTopic(TopicDeclarations topics, RegistryEventsProperties properties) {
    return topics.published(properties.topic());
  }

  /** The Kafka beans are looked up at the first send: a broker that is down does not stop the start. */
  @Bean
  DeathEventRelay deathEventRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
      ObjectProvider<CloudEventPublisher> cloudEventPublisher, ObjectProvider<KafkaOperations<String, byte[]>> kafka,
      RegistryEventsProperties properties, DeathEventOutboxMetrics metrics, Clock clock) {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    Supplier<CloudEventPublisher> publisher = SingletonSupplier.of(cloudEventPublisher::getObject);
    Supplier<KafkaOperations<String, byte[]>> template = SingletonSupplier.of(kafka::getObject);
    return new DeathEventRelay(jdbc, transaction, publisher, template, properties, metrics, clock);
  }

  @Bean
  DeathEventOutboxMetrics deathEventOutboxMetrics(MeterRegistry meterRegistry, JdbcTemplate jdbc, Clock clock) {
    return new DeathEventOutboxMetrics(meterRegistry, jdbc, clock);
  }

  @Bean
  DeathEventOutboxPurge deathEventOutboxPurge(JdbcTemplate jdbc, RegistryEventsProperties properties,
      DeathEventOutboxMetrics metrics, Clock clock) {
    return new DeathEventOutboxPurge(jdbc, properties.purge(), metrics, clock);
  }

  @Bean
  DeathEventOutbox deathEventOutbox(JdbcTemplate jdbc, JsonMapper jsonMapper, DeathEventRelay relay,
      RegistryEventsProperties properties, Clock clock) {
    return new JdbcDeathEventOutbox(jdbc, jsonMapper, relay, properties.topic(), clock);
  }
}
