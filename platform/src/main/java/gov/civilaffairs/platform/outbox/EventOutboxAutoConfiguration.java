package gov.civilaffairs.platform.outbox;

import java.time.Clock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.PlatformKafkaAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * The platform's event outbox ({@link EventOutbox}, {@link EventOutboxRelay}, {@link EventOutboxMetrics};
 * ADR 0008) for a service with one DataSource and Kafka that sets {@code platform.outbox.enabled=true}. The
 * table {@code event_outbox} comes from the platform's migrations (V3, run with the audit trail's, which is
 * on unless {@code platform.audit.enabled=false}). The Kafka beans are looked up at the first send, so a
 * broker that is down does not stop the start.
 */
@AutoConfiguration(after = {DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class, KafkaAutoConfiguration.class, PlatformKafkaAutoConfiguration.class},
    afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({JdbcTemplate.class, KafkaOperations.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "platform.outbox.enabled")
@EnableConfigurationProperties(EventOutboxProperties.class)
public class EventOutboxAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  EventOutboxMetrics eventOutboxMetrics(ObjectProvider<MeterRegistry> meterRegistry, JdbcTemplate jdbc,
      ObjectProvider<Clock> clock) {
    return new EventOutboxMetrics(meterRegistry.getIfAvailable(SimpleMeterRegistry::new), jdbc,
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnMissingBean
  EventOutboxRelay eventOutboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
      ObjectProvider<CloudEventPublisher> cloudEventPublisher, ObjectProvider<KafkaOperations<String, byte[]>> kafka,
      EventOutboxProperties properties, EventOutboxMetrics metrics, ObjectProvider<Clock> clock) {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    Supplier<CloudEventPublisher> publisher = SingletonSupplier.of(cloudEventPublisher::getObject);
    Supplier<KafkaOperations<String, byte[]>> template = SingletonSupplier.of(kafka::getObject);
    return new EventOutboxRelay(jdbc, transaction, publisher, template, properties, metrics,
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnMissingBean(EventOutbox.class)
  JdbcEventOutbox eventOutbox(JdbcTemplate jdbc, JsonMapper jsonMapper, EventOutboxRelay relay,
      ObjectProvider<Clock> clock) {
    return new JdbcEventOutbox(jdbc, jsonMapper, relay, clock.getIfAvailable(Clock::systemUTC));
  }
}
