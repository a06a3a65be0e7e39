package gov.civilaffairs.eldercare.events;

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
 * Eldercare's topic and event types. The events are published through the platform's event outbox
 * ({@link EldercareEvents}, ADR 0008). The Spring Modulith externalisation below only sends what an earlier
 * version left in Modulith's event publication registry (V15 tables; republished at start-up, failed ones
 * resubmitted): nothing publishes through Modulith any more. Removing Modulith (and its tables, refusing while a
 * publication is incomplete, as registry-service's V16 does) is a later step.
 */
@Configuration(proxyBeanMethods = false)
class EldercareEventsConfiguration {

  /** The topic of events about an elderly person, keyed by person id. */
  static final String TOPIC = "eldercare.elderly-person.v1";
  /** CloudEvents type of {@link AllowanceTerminated}. */
  static final String ALLOWANCE_TERMINATED = "gov.civilaffairs.eldercare.allowance-terminated.v1";
  /** CloudEvents type of {@link CardRevoked}. */
  static final String CARD_REVOKED = "gov.civilaffairs.eldercare.card-revoked.v1";

  @Bean
  NewTopic eldercareElderlyPersonTopic(TopicDeclarations topics) {
    return topics.published(TOPIC);
  }

  @Bean
  EventExternalizationConfiguration eventExternalization(ObjectProvider<CloudEventPublisher> cloudEvents) {
    return EventExternalizationConfiguration.externalizing()
        .select(event -> event instanceof AllowanceTerminated || event instanceof CardRevoked)
        .route(AllowanceTerminated.class, e -> RoutingTarget.forTarget(TOPIC).andKey(String.valueOf(e.personId())))
        .route(CardRevoked.class, e -> RoutingTarget.forTarget(TOPIC).andKey(String.valueOf(e.personId())))
        .headers(AllowanceTerminated.class, e -> cloudEvents.getObject().headersFor(new EventEnvelope(e.eventId(),
            ALLOWANCE_TERMINATED, String.valueOf(e.personId()), e.terminatedAt(), e)))
        .headers(CardRevoked.class, e -> cloudEvents.getObject().headersFor(new EventEnvelope(e.eventId(),
            CARD_REVOKED, String.valueOf(e.personId()), e.revokedAt(), e)))
        .build();
  }
}
