package gov.civilaffairs.relief.events;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.kafka.TopicDeclarations;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.function.Supplier;

import gov.civilaffairs.platform.time.BureauClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Externalises relief's events from the outbox (Spring Modulith's event publication registry, table
 * {@code event_publication}) to Kafka as CloudEvents in binary mode, with the platform's headers
 * ({@link CloudEventPublisher#headersFor}). The payload is written as JSON by the platform's value
 * serializer, with no Java type header ({@code spring.modulith.events.kafka.enable-json=false}).
 *
 * <p>The {@code benefit-changed} events of a standard's recomputation (one per new amount entry, 200,000 for a
 * city) go through relief's own outbox instead ({@link BenefitEventOutbox}, {@link BenefitEventRelay}, ADR 0007):
 * same topic, key, CloudEvents headers and payload shape.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReliefEventsProperties.class)
class ReliefEventsConfiguration {

  /** The topic of events about a household, keyed by household id. */
  static final String TOPIC = "relief.household.v1";
  /** CloudEvents type of {@link BenefitTerminated}. */
  static final String BENEFIT_TERMINATED = "gov.civilaffairs.relief.benefit-terminated.v1";
  /** CloudEvents type of {@link BenefitGranted}. */
  static final String BENEFIT_GRANTED = "gov.civilaffairs.relief.benefit-granted.v1";
  /** CloudEvents type of {@link BenefitChanged}. */
  static final String BENEFIT_CHANGED = "gov.civilaffairs.relief.benefit-changed.v1";
  /** The topic of events about payment rolls, keyed by roll id. */
  static final String ROLL_TOPIC = "relief.payment-roll.v1";
  /** CloudEvents type of {@link PaymentRollClosed}. */
  static final String PAYMENT_ROLL_CLOSED = "gov.civilaffairs.relief.payment-roll-closed.v1";
  /** The topic of events about a benefit of any scheme (household or person), keyed by {@code <scheme>:<caseId>}. */
  static final String BENEFIT_TOPIC = "relief.benefit.v1";
  /** CloudEvents type of {@link BenefitTerminatedV2}. */
  static final String BENEFIT_TERMINATED_V2 = "gov.civilaffairs.relief.benefit-terminated.v2";

  @Bean
  NewTopic reliefHouseholdTopic(TopicDeclarations topics) {
    return topics.published(TOPIC);
  }

  @Bean
  NewTopic reliefPaymentRollTopic(TopicDeclarations topics) {
    return topics.published(ROLL_TOPIC);
  }

  @Bean
  NewTopic reliefBenefitTopic(TopicDeclarations topics) {
    return topics.published(BENEFIT_TOPIC);
  }

  /** The Kafka beans are looked up at the first send: a broker that is down does not stop the start. */
  @Bean
  BenefitEventRelay benefitEventRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
      ObjectProvider<CloudEventPublisher> cloudEventPublisher, ObjectProvider<KafkaOperations<String, byte[]>> kafka,
      ReliefEventsProperties properties, BureauClock clock) {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    Supplier<CloudEventPublisher> publisher = SingletonSupplier.of(cloudEventPublisher::getObject);
    Supplier<KafkaOperations<String, byte[]>> template = SingletonSupplier.of(kafka::getObject);
    return new BenefitEventRelay(jdbc, transaction, publisher, template, properties, clock);
  }

  @Bean
  BenefitEventOutbox benefitEventOutbox(JdbcTemplate jdbc, BenefitEventRelay relay, BureauClock clock) {
    return new BenefitEventOutbox(jdbc, relay, clock);
  }

  /**
   * Which events leave, where to and with which headers. Spring Modulith reads this while the context
   * is still starting, so the publisher (and with it the Kafka template) is looked up only when the
   * first event leaves.
   */
  @Bean
  EventExternalizationConfiguration eventExternalization(ObjectProvider<CloudEventPublisher> cloudEvents) {
    return EventExternalizationConfiguration.externalizing()
        .select(event -> event instanceof BenefitTerminated || event instanceof BenefitGranted
            || event instanceof BenefitChanged || event instanceof PaymentRollClosed
            || event instanceof BenefitTerminatedV2)
        .route(BenefitTerminated.class, e -> RoutingTarget.forTarget(TOPIC).andKey(String.valueOf(e.householdId())))
        .headers(BenefitTerminated.class, e -> cloudEvents.getObject().headersFor(new EventEnvelope(e.eventId(),
            BENEFIT_TERMINATED, String.valueOf(e.householdId()), e.terminatedAt(), e)))
        .route(BenefitGranted.class, e -> RoutingTarget.forTarget(TOPIC).andKey(String.valueOf(e.householdId())))
        .headers(BenefitGranted.class, e -> cloudEvents.getObject().headersFor(new EventEnvelope(e.eventId(),
            BENEFIT_GRANTED, String.valueOf(e.householdId()), e.grantedAt(), e)))
        .route(BenefitChanged.class, e -> RoutingTarget.forTarget(TOPIC).andKey(String.valueOf(e.householdId())))
        .headers(BenefitChanged.class, e -> cloudEvents.getObject().headersFor(new EventEnvelope(e.eventId(),
            BENEFIT_CHANGED, String.valueOf(e.householdId()), e.changedAt(), e)))
        .route(PaymentRollClosed.class, e -> RoutingTarget.forTarget(ROLL_TOPIC).andKey(String.valueOf(e.rollId())))
        .headers(PaymentRollClosed.class, e -> cloudEvents.getObject().headersFor(new EventEnvelope(e.eventId(),
            PAYMENT_ROLL_CLOSED, String.valueOf(e.rollId()), e.closedAt(), e)))
        .route(BenefitTerminatedV2.class, e -> RoutingTarget.forTarget(BENEFIT_TOPIC).andKey(e.subject()))
        .headers(BenefitTerminatedV2.class, e -> cloudEvents.getObject().headersFor(new EventEnvelope(e.eventId(),
            BENEFIT_TERMINATED_V2, e.subject(), e.terminatedAt(), e)))
        .build();
  }
}
