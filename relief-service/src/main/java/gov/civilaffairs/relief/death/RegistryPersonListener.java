package gov.civilaffairs.relief.death;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes the registry's person events (topic {@value #TOPIC}, keyed by person id, so the events of
 * one person arrive in order) and hands deaths and revocations to the {@link DeathRule}. Reads only
 * the fields it needs (tolerant reader); other event types are ignored. A batch listener: the records of
 * one poll (at most {@code max.poll.records}) are applied in their order in one transaction by the
 * platform's {@link EventBatchProcessor} through {@link DeathRule#applyAll} (issue 4). A record that is not
 * a valid event goes to {@value #TOPIC}-dlt without retry, one whose effect fails is retried
 * ({@code platform.kafka.retry.*}) in its own transaction and then dead-lettered; the records before it stay
 * applied and the partition keeps flowing.
 */
@Configuration(proxyBeanMethods = false)
class RegistryPersonListener implements EventBatchProcessor.Handler<DeathEvent> {

  static final String TOPIC = "registry.person.v1";

  private static final Logger log = LoggerFactory.getLogger(RegistryPersonListener.class);

  private final DeathRule deathRule;
  private final EventBatchProcessor batches;

  RegistryPersonListener(DeathRule deathRule, PlatformTransactionManager transactionManager) {
    this.deathRule = deathRule;
    this.batches = new EventBatchProcessor(transactions(transactionManager));
  }

  /**
   * The listener's transactions: READ COMMITTED, so that a death rule that waited for a household's lock
   * ({@code HouseholdRepository#lockHouseholdOfMember}) reads what the transaction holding it committed (under
   * REPEATABLE READ it would read its own older snapshot: two members' deaths in two partitions each saw the other
   * living, and the allowance was recomputed twice instead of terminated).
   */
  static TransactionTemplate transactions(PlatformTransactionManager transactionManager) {
    return EventBatchProcessor.readCommittedTransactions(transactionManager);
  }

  /** The topic consumed and its dead-letter topic {@code registry.person.v1-dlt}. */
  @Bean
  KafkaAdmin.NewTopics registryPersonTopics(TopicDeclarations topics) {
    return topics.consumed(TOPIC);
  }

  /** The listener container's id (its consumers' group stays {@code spring.application.name}). */
  static final String LISTENER_ID = "registry-person-listener";

  /** One poll of {@value #TOPIC}, in partition order. */
  @KafkaListener(id = LISTENER_ID, topics = TOPIC, groupId = "${spring.application.name}", batch = "true")
  void on(List<ConsumerRecord<String, JsonNode>> records) {
    batches.process(records, this);
  }

  /**
   * Reads a death or a revocation; {@code null} for another event type (ignored).
   *
   * @throws MalformedEventException if the record is not a CloudEvent, or a death lacks an integral
   *     {@code deathRecordId}, a valid {@code nationalIdNumber} (normalised: lowercase x to X) or an ISO
   *     {@code dateOfDeath}, or a revocation its {@code deathRecordId} (contracts/events/registry.*.schema.json)
   */
  @Override
  public DeathEvent read(ConsumerRecord<String, JsonNode> record) {
    IncomingEvent event = IncomingEvent.from(record);
    return switch (event.type()) {
      case DeathRule.PERSON_DECEASED -> new PersonDeceased(event.id(), number(event, "deathRecordId"),
          idNumber(event), date(event, "dateOfDeath"));
      case DeathRule.DEATH_RECORD_REVOKED -> new DeathRecordRevoked(event.id(), number(event, "deathRecordId"));
      default -> {
        log.debug("Ignoring event {} of type {}", event.id(), event.type());
        yield null;
      }
    };
  }

  /** One event through the one-event path (the processor's fallback after a failed batch). */
  @Override
  public void apply(DeathEvent event) {
    if (event instanceof PersonDeceased death) {
      deathRule.apply(death);
    } else if (event instanceof DeathRecordRevoked revocation) {
      deathRule.revoke(revocation);
    }
  }

  @Override
  public void applyAll(List<DeathEvent> events) {
    deathRule.applyAll(events);
  }

  private static long number(IncomingEvent event, String field) {
    JsonNode node = event.data().path(field);
    if (!node.isIntegralNumber()) {
      throw malformed(event, field + " is missing or not an integer", null);
    }
    return node.longValue();
  }

  private static String idNumber(IncomingEvent event) {
    try {
      return NationalIdNumber.parse(event.data().path("nationalIdNumber").asString(null)).value();
    } catch (InvalidNationalIdNumberException e) {
      throw malformed(event, "nationalIdNumber: " + e.getMessage(), e);
    }
  }

  private static LocalDate date(IncomingEvent event, String field) {
    try {
      return LocalDate.parse(event.data().path(field).asString(""));
    } catch (DateTimeParseException e) {
      throw malformed(event, field + " is missing or not an ISO date", e);
    }
  }

  private static MalformedEventException malformed(IncomingEvent event, String reason, Throwable cause) {
    return new MalformedEventException("Event " + event.id() + " of type " + event.type() + ": " + reason, cause);
  }
}
