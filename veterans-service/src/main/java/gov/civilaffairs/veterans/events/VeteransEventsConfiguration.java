package gov.civilaffairs.veterans.events;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.kafka.TopicDeclarations;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Externalises this service's events from the outbox (Spring Modulith's event publication registry, table
 * {@code EVENT_PUBLICATION}) to topic {@value #TOPIC}, keyed by entitled person id, as CloudEvents in
 * binary mode with the platform's headers ({@link CloudEventPublisher#headersFor}). The payload is written
 * as JSON by the platform's value serializer, with no Java type header.
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

  /**
   * Which events leave, where to and with which headers. The publisher (and with it the Kafka template) is
   * looked up only when the first event leaves: Spring Modulith reads this while the context is starting.
   */
  @Bean
  EventExternalizationConfiguration eventExternalization(ObjectProvider<CloudEventPublisher> cloudEvents) {
    return EventExternalizationConfiguration.externalizing()
        .select(event -> event instanceof PensionTerminated || event instanceof SurvivorBenefitGranted)
        .route(PensionTerminated.class,
            e -> RoutingTarget.forTarget(TOPIC).andKey(String.valueOf(e.entitledPersonId())))
        .route(SurvivorBenefitGranted.class,
            e -> RoutingTarget.forTarget(TOPIC).andKey(String.valueOf(e.entitledPersonId())))
        .headers(PensionTerminated.class, e -> cloudEvents.getObject().headersFor(new EventEnvelope(e.eventId(),
            PENSION_TERMINATED, String.valueOf(e.entitledPersonId()), e.terminatedAt(), e)))
        .headers(SurvivorBenefitGranted.class, e -> cloudEvents.getObject().headersFor(new EventEnvelope(e.eventId(),
            SURVIVOR_BENEFIT_GRANTED, String.valueOf(e.entitledPersonId()), e.grantedAt(), e)))
        .build();
  }
}
