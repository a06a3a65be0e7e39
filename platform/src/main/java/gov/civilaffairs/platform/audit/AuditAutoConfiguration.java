package gov.civilaffairs.platform.audit;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

import gov.civilaffairs.platform.audit.AuditSchemaMigration.MigrationAccount;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail of every service with a database (docs/audit.md): the {@code audit_entry} table
 * and its append-only triggers ({@link AuditSchemaMigration}), {@link AuditTrail} and
 * {@link Audited @Audited}, {@code GET /audit-entries}, and the relay to the {@code platform.audit.v1}
 * topic. Off with {@code platform.audit.enabled=false} (only for a service that keeps no personal data).
 */
@AutoConfiguration(after = {FlywayAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class, JdbcClientAutoConfiguration.class, KafkaAutoConfiguration.class},
    afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({Flyway.class, JdbcClient.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "platform.audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

  @Bean
  AuditSchemaMigration auditSchemaMigration(DataSource dataSource, ObjectProvider<FlywayProperties> flyway,
      ObjectProvider<DataSourceProperties> dataSourceProperties) {
    return new AuditSchemaMigration(dataSource, migrationAccount(flyway.getIfAvailable(),
        dataSourceProperties.getIfAvailable()));
  }

  /** No authenticated caller known: every entry is by {@link AuditActor#ANONYMOUS}. */
  @Bean
  @ConditionalOnMissingBean
  AuditActorResolver auditActorResolver() {
    return () -> AuditActor.ANONYMOUS;
  }

  @Bean
  AuditEntryRepository auditEntryRepository(JdbcClient jdbc) {
    return new AuditEntryRepository(jdbc);
  }

  @Bean
  AuditTrail auditTrail(AuditEntryRepository entries, AuditActorResolver actors, ObjectProvider<Tracer> tracer,
      ObjectProvider<Clock> clock, Environment environment) {
    return new AuditTrail(entries, actors, correlationIds(tracer), clock.getIfAvailable(Clock::systemUTC),
        serviceName(environment));
  }

  @Bean
  AuditedAspect auditedAspect(AuditTrail trail, PlatformTransactionManager transactionManager) {
    return new AuditedAspect(trail, new TransactionTemplate(transactionManager));
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  AuditEntryController auditEntryController(AuditEntryRepository entries, AuditProperties properties) {
    return new AuditEntryController(entries, properties);
  }

  /** Ships entries to the audit topic on a fixed delay; {@code platform.audit.relay.enabled=false} stops it. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(KafkaTemplate.class)
  @ConditionalOnBooleanProperty(name = "platform.audit.relay.enabled", matchIfMissing = true)
  @EnableScheduling
  static class RelayConfiguration {

    @Bean
    NewTopic auditTopic(AuditProperties properties) {
      return TopicBuilder.name(properties.topic()).partitions(properties.topicPartitions()).build();
    }

    /**
     * The relay has a producer of its own (String keys, byte[] CloudEvents values) built from
     * {@code spring.kafka.*}, so that the serializers a service chooses for its events do not matter.
     */
    @Bean
    AuditRelay auditRelay(AuditEntryRepository entries, JdbcClient jdbc, PlatformTransactionManager transactionManager,
        KafkaProperties kafkaProperties, ObjectProvider<JsonMapper> json, AuditProperties properties,
        ObjectProvider<Clock> clock, Environment environment) {
      Map<String, Object> producer = kafkaProperties.buildProducerProperties();
      // A broker that is down must not hold the relay (and the cursor's row lock) longer than a run.
      producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.relay().sendTimeout().toMillis());
      KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(
          new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new ByteArraySerializer()));
      return new AuditRelay(entries, jdbc, new TransactionTemplate(transactionManager), kafka,
          json.getIfAvailable(JsonMapper::new), properties, clock.getIfAvailable(Clock::systemUTC),
          serviceName(environment));
    }

    @Bean
    SchedulingConfigurer auditRelaySchedule(AuditRelay relay, AuditProperties properties) {
      return registrar -> registrar.addFixedDelayTask(relay::relay, properties.relay().interval());
    }
  }

  private static MigrationAccount migrationAccount(FlywayProperties flyway, DataSourceProperties dataSource) {
    if (flyway == null || (flyway.getUrl() == null && flyway.getUser() == null)) {
      return null;
    }
    String url = flyway.getUrl() != null ? flyway.getUrl() : dataSource.determineUrl();
    String user = flyway.getUser() != null ? flyway.getUser() : dataSource.determineUsername();
    String password = flyway.getPassword() != null ? flyway.getPassword() : dataSource.determinePassword();
    return new MigrationAccount(url, user, password);
  }

  private static Supplier<String> correlationIds(ObjectProvider<Tracer> tracer) {
    return () -> {
      Tracer current = tracer.getIfAvailable();
      Span span = current == null ? null : current.currentSpan();
      return span == null ? null : span.context().traceId();
    };
  }

  private static String serviceName(Environment environment) {
    return environment.getProperty("spring.application.name", "application");
  }
}
