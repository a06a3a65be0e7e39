package gov.civilaffairs.relief.events;

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
 * Externalises relief's events from the outbox (Spring Modulith's event publication registry, table
 * {@code event_publication}) to Kafka as CloudEvents in binary mode, with the platform's headers
 * ({@link CloudEventPublisher#headersFor}). The payload is written as JSON by the platform's value
 * serializer, with no Java type header ({@code spring.modulith.events.kafka.enable-json=false}).
 */
@Configuration(proxyBeanMethods = false)
class ReliefEventsConfiguration {

  /** The topic of events about a household, keyed by household id. */
  static final String TOPIC = "relief.household.v1";
  /** CloudEvents type of {@link BenefitTerminated}. */
  static final String BENEFIT_TERMINATED = "gov.civilaffairs.relief.benefit-terminated.v1";

  @Bean
  NewTopic reliefHouseholdTopic(TopicDeclarations topics) {
    return topics.published(TOPIC);
  }

  /**
   * Which events leave, where to and with which headers. Spring Modulith reads this while the context
   * is still starting, so the publisher (and with it the Kafka template) is looked up only when the
   * first event leaves.
   */
  @Bean
  EventExternalizationConfiguration eventExternalization(ObjectProvider<CloudEventPublisher> cloudEvents) {
    return EventExternalizationConfiguration.externalizing()
        .select(event -> event instanceof BenefitTerminated)
        .route(BenefitTerminated.class, e -> RoutingTarget.forTarget(TOPIC).andKey(String.valueOf(e.householdId())))
        .headers(BenefitTerminated.class, e -> cloudEvents.getObject().headersFor(new EventEnvelope(e.eventId(),
            BENEFIT_TERMINATED, String.valueOf(e.householdId()), e.terminatedAt(), e)))
        .build();
  }
}
