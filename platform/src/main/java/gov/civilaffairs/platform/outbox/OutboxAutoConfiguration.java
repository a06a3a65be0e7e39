package gov.civilaffairs.platform.outbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The outbox every service with Spring Modulith's event publication registry shares: failed
 * publications are resubmitted ({@link OutboxResubmission}, {@code platform.outbox.*}). Applies only
 * where Modulith's event publication classes are on the classpath and its registry is configured;
 * enables scheduling, which Modulith's staleness monitor needs as well.
 *
 * <p>The settings every outbox needs (completion mode {@code archive}, republication at restart,
 * staleness, tables from Flyway) and the Kafka client timeouts that bound a send while the broker is
 * down are defaults in META-INF/platform-defaults.yml.
 */
@AutoConfiguration(afterName = "org.springframework.modulith.events.config.EventPublicationAutoConfiguration")
@ConditionalOnClass(FailedEventPublications.class)
@ConditionalOnBean(FailedEventPublications.class)
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class OutboxAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  OutboxResubmission outboxResubmission(FailedEventPublications failed, OutboxProperties properties) {
    return new OutboxResubmission(failed, properties);
  }
}
