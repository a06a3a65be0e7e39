package gov.civilaffairs.veterans.events;

import gov.civilaffairs.platform.kafka.TopicDeclarations;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This service's topic {@value #TOPIC} (keyed by entitled person id) and event types. The events leave through
 * the platform's event outbox ({@link VeteransEvents}, ADR 0008) as CloudEvents in binary mode with the
 * platform's headers. Spring Modulith's externalisation (which sent them before) is gone: migration V14 refuses to
 * start while Modulith's registry holds a publication an earlier version did not send.
 */
@Configuration(proxyBeanMethods = false)
class VeteransEventsConfiguration {

  /** The topic of events about an entitled person, keyed by entitled person id. */
  static final String TOPIC = "veterans.entitled-person.v1";
  /** CloudEvents type of {@link PensionTerminated}. */
  static final String PENSION_TERMINATED = "gov.civilaffairs.veterans.pension-terminated.v1";
  /** CloudEvents type of {@link SurvivorBenefitGranted}. */
  static final String SURVIVOR_BENEFIT_GRANTED = "gov.civilaffairs.veterans.survivor-benefit-granted.v1";

  @Bean
  NewTopic veteransEntitledPersonTopic(TopicDeclarations topics) {
    return topics.published(TOPIC);
  }
}
