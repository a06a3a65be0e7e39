package gov.civilaffairs.eldercare.death;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.kafka.EventBatchProcessor;
import gov.civilaffairs.platform.kafka.IncomingEvent;
import gov.civilaffairs.platform.kafka.MalformedEventException;
import gov.civilaffairs.platform.kafka.TopicDeclarations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Reads the registry's person events ({@value #TOPIC}, keyed by person id, so in order per person) a poll at a
 * time and hands deaths and their revocations to {@link DeathFlow#applyAll}, the whole poll in one transaction
 * ({@link EventBatchProcessor}; issue 4: 500 deaths a second). Reads only the fields it needs (tolerant
 * reader); other event types are ignored. A payload without a field it needs is a
 * {@link MalformedEventException}: the events before it are applied, it goes to {@code registry.person.v1-dlt}
 * at once and the partition keeps flowing. If the poll's transaction fails, its events are applied one per
 * transaction and the first that still fails is retried, then dead-lettered, by the platform's error handler.
 */
@Configuration(proxyBeanMethods = false)
class RegistryPersonListener implements EventBatchProcessor.Handler<DeathEvent> {

  static final String TOPIC = "registry.person.v1";
  /** The listener container's id, e.g. to pause it in tests. */
  static final String LISTENER_ID = "eldercare-registry-person";

  private static final Logger log = LoggerFactory.getLogger(RegistryPersonListener.class);

  private final DeathFlow deathFlow;
  private final EventBatchProcessor batches;

  RegistryPersonListener(DeathFlow deathFlow, PlatformTransactionManager transactionManager) {
    this.deathFlow = deathFlow;
    this.batches = EventBatchProcessor.readCommitted(transactionManager);
  }

  /** The consumed topic and its dead-letter topic, with the platform's partitions and retention. */
  @Bean
  KafkaAdmin.NewTopics registryPersonTopics(TopicDeclarations topics) {
    return topics.consumed(TOPIC);
  }

  /** One poll (at most {@code spring.kafka.consumer.max-poll-records} records), applied in one transaction. */
  @KafkaListener(id = LISTENER_ID, topics = TOPIC, groupId = "eldercare-service", batch = "true")
  void on(List<ConsumerRecord<String, JsonNode>> records) {
    batches.process(records, this);
  }

  /**
   * The death or revocation {@code record} carries; {@code null} for another event type.
   *
   * @throws MalformedEventException if it is not a CloudEvent we accept or lacks a field we need
   */
  @Override
  public DeathEvent read(ConsumerRecord<String, JsonNode> record) {
    IncomingEvent event = IncomingEvent.from(record);
    switch (event.type()) {
      case DeathFlow.PERSON_DECEASED:
        return new PersonDeceased(event.id(), id(event, "deathRecordId"), text(event, "nationalIdNumber"),
            date(event, "dateOfDeath"));
      case DeathFlow.DEATH_RECORD_REVOKED:
        return new DeathRecordRevoked(event.id(), id(event, "deathRecordId"));
      default:
        log.debug("Ignoring event {} of type {}", event.id(), event.type());
        return null;
    }
  }

  /** Applies one event in its own transaction (the processor's fallback after a failed batch). */
  @Override
  public void apply(DeathEvent event) {
    if (event instanceof PersonDeceased deceased) {
      deathFlow.apply(deceased);
    } else {
      deathFlow.apply((DeathRecordRevoked) event);
    }
  }

  @Override
  public void applyAll(List<DeathEvent> events) {
    deathFlow.applyAll(events);
  }

  private static long id(IncomingEvent event, String name) {
    JsonNode value = event.data().get(name);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
      throw malformed(event, name + " is not a positive integer");
    }
    return value.asLong();
  }

  private static String text(IncomingEvent event, String name) {
    JsonNode value = event.data().get(name);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      throw malformed(event, name + " is missing");
    }
    return value.asString();
  }

  private static MalformedEventException malformed(IncomingEvent event, String reason) {
    return new MalformedEventException("Event " + event.id() + " of type " + event.type() + ": " + reason);
  }

  private static LocalDate date(IncomingEvent event, String name) {
    try {
      return LocalDate.parse(text(event, name));
    } catch (DateTimeParseException e) {
      throw new MalformedEventException("Event " + event.id() + ": " + name + " is not an ISO date", e);
    }
  }
}
