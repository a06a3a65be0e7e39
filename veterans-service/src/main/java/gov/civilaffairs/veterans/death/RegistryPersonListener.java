package gov.civilaffairs.veterans.death;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.platform.idnumber.InvalidNationalIdNumberException;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.kafka.EventBatchProcessor;
import gov.civilaffairs.platform.kafka.IncomingEvent;
import gov.civilaffairs.platform.kafka.MalformedEventException;
import gov.civilaffairs.platform.kafka.TopicDeclarations;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Consumes the registry's person events (topic {@value #TOPIC}, keyed by person id, so one person's
 * events arrive in order) a poll at a time and hands deaths and revocations to
 * {@link DeathConsequences#applyAll}, the whole poll in one transaction ({@link EventBatchProcessor}; issue 4:
 * 500 deaths a second). Reads only the fields it needs and ignores unknown ones and unknown event types. A
 * payload that lacks a needed field is a {@link MalformedEventException}: the events before it are applied, the
 * platform's error handler dead-letters it to {@code registry.person.v1-dlt} without retrying, and the
 * partition keeps flowing. If the poll's transaction fails, its events are applied one per transaction and the
 * first that still fails is retried, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class RegistryPersonListener implements EventBatchProcessor.Handler<DeathEvent> {

  /** The registry's person topic. */
  static final String TOPIC = "registry.person.v1";

  private static final Logger log = LoggerFactory.getLogger(RegistryPersonListener.class);

  /** The listener container's id, e.g. to pause it in tests. */
  static final String LISTENER_ID = "veterans-registry-person";

  private final DeathConsequences consequences;
  private final EventBatchProcessor batches;

  RegistryPersonListener(DeathConsequences consequences, PlatformTransactionManager transactionManager) {
    this.consequences = consequences;
    this.batches = EventBatchProcessor.readCommitted(transactionManager);
  }

  /** Declares the consumed topic and its dead-letter topic {@code registry.person.v1-dlt}. */
  @Bean
  static KafkaAdmin.NewTopics registryPersonTopics(TopicDeclarations topics) {
    return topics.consumed(TOPIC);
  }

  /** One poll (at most {@code spring.kafka.consumer.max-poll-records} records), applied in one transaction. */
  @KafkaListener(id = LISTENER_ID, topics = TOPIC, groupId = "${spring.application.name}", batch = "true")
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
      case PersonDeceased.TYPE:
        return new PersonDeceased(event.id(), number(event, "deathRecordId"), nationalIdNumber(event),
            date(event, "dateOfDeath"));
      case DeathRecordRevoked.TYPE:
        return new DeathRecordRevoked(event.id(), number(event, "deathRecordId"));
      default:
        log.debug("Ignoring event {} of type {} on {}", event.id(), event.type(), TOPIC);
        return null;
    }
  }

  /** Applies one event in its own transaction (the processor's fallback after a failed batch). */
  @Override
  public void apply(DeathEvent event) {
    if (event instanceof PersonDeceased death) {
      consequences.apply(death);
    } else {
      consequences.revoke((DeathRecordRevoked) event);
    }
  }

  @Override
  public void applyAll(List<DeathEvent> events) {
    consequences.applyAll(events);
  }

  private static long number(IncomingEvent event, String field) {
    JsonNode value = event.data().path(field);
    if (!value.canConvertToLong() || value.asLong() < 1) {
      throw malformed(event, field + " must be a positive integer", null);
    }
    return value.asLong();
  }

  private static LocalDate date(IncomingEvent event, String field) {
    try {
      return LocalDate.parse(event.data().path(field).asString(""));
    } catch (DateTimeException e) {
      throw malformed(event, field + " must be an ISO date", e);
    }
  }

  private static String nationalIdNumber(IncomingEvent event) {
    try {
      return NationalIdNumber.parse(event.data().path("nationalIdNumber").asString("")).value();
    } catch (InvalidNationalIdNumberException e) {
      throw malformed(event, "nationalIdNumber is not valid: " + e.getMessage(), e);
    }
  }

  private static MalformedEventException malformed(IncomingEvent event, String reason, Throwable cause) {
    return new MalformedEventException("Event " + event.id() + " (" + event.type() + "): " + reason, cause);
  }
}
