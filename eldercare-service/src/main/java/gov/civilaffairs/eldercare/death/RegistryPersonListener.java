package gov.civilaffairs.eldercare.death;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.kafka.IncomingEvent;
import gov.civilaffairs.platform.kafka.MalformedEventException;
import gov.civilaffairs.platform.kafka.TopicDeclarations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reads the registry's person events ({@value #TOPIC}, keyed by person id, so in order per person) and hands
 * deaths and their revocations to {@link DeathFlow}. Reads only the fields it needs (tolerant reader); other
 * event types are ignored. A payload without a field it needs is a {@link MalformedEventException}: the
 * platform's error handler sends it to {@code registry.person.v1-dlt} at once and the partition keeps flowing.
 */
@Configuration(proxyBeanMethods = false)
class RegistryPersonListener {

  static final String TOPIC = "registry.person.v1";

  private static final Logger log = LoggerFactory.getLogger(RegistryPersonListener.class);

  private final DeathFlow deathFlow;

  RegistryPersonListener(DeathFlow deathFlow) {
    this.deathFlow = deathFlow;
  }

  /** The consumed topic and its dead-letter topic, with the platform's partitions and retention. */
  @Bean
  KafkaAdmin.NewTopics registryPersonTopics(TopicDeclarations topics) {
    return topics.consumed(TOPIC);
  }

  @KafkaListener(topics = TOPIC, groupId = "eldercare-service")
  void on(ConsumerRecord<String, JsonNode> record) {
    IncomingEvent event = IncomingEvent.from(record);
    switch (event.type()) {
      case DeathFlow.PERSON_DECEASED -> deathFlow.apply(new PersonDeceased(event.id(),
          id(event, "deathRecordId"), text(event, "nationalIdNumber"), date(event, "dateOfDeath")));
      case DeathFlow.DEATH_RECORD_REVOKED -> deathFlow.apply(new DeathRecordRevoked(event.id(),
          id(event, "deathRecordId")));
      default -> log.debug("Ignoring event {} of type {}", event.id(), event.type());
    }
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
