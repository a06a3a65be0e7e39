package gov.civilaffairs.incomeverification.verification;

import org.apache.kafka.clients.admin.NewTopic;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.kafka.TopicDeclarations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * The events of verification (EVENTS.md): {@link VerificationCompleted} leaves through the outbox
 * (Spring Modulith's event publication registry, Kafka externalisation) with the platform's CloudEvents
 * headers; {@code registry.person.v1} is consumed by {@link PersonDeceasedListener}.
 */
@Configuration(proxyBeanMethods = false)
class VerificationEventsConfiguration {

  static final String PERSON_TOPIC = "registry.person.v1";

  /**
   * Modulith needs this bean while the context is still creating its event-listener infrastructure, so
   * the publisher (which needs Kafka's auto-configuration) is looked up lazily, when an event leaves.
   */
  @Bean
  static EventExternalizationConfiguration eventExternalization(ObjectProvider<CloudEventPublisher> cloudEvents) {
    return EventExternalizationConfiguration.externalizing()
        .select(event -> event instanceof VerificationCompleted)
        .route(VerificationCompleted.class,
            event -> RoutingTarget.forTarget(VerificationCompleted.TOPIC).andKey(Long.toString(event.requestId())))
        .headers(VerificationCompleted.class, event -> cloudEvents.getObject().headersFor(new EventEnvelope(event.eventId(),
            VerificationCompleted.TYPE, Long.toString(event.requestId()), event.completedAt(), event)))
        .build();
  }

  @Bean
  NewTopic verificationTopic(TopicDeclarations topics) {
    return topics.published(VerificationCompleted.TOPIC);
  }

  @Bean
  KafkaAdmin.NewTopics personTopics(TopicDeclarations topics) {
    return topics.consumed(PERSON_TOPIC);
  }
}
