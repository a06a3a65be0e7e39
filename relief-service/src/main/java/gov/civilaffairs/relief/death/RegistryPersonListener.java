package gov.civilaffairs.relief.death;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import gov.civilaffairs.platform.idnumber.InvalidNationalIdNumberException;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
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

/**
 * Consumes the registry's person events (topic {@value #TOPIC}, keyed by person id, so the events of
 * one person arrive in order) and hands deaths and revocations to the {@link DeathRule}. Reads only
 * the fields it needs (tolerant reader); other event types are ignored. A record that is not a valid
 * event goes to {@value #TOPIC}-dlt through the platform's error handler, and the partition keeps
 * flowing.
 */
@Configuration(proxyBeanMethods = false)
class RegistryPersonListener {

  static final String TOPIC = "registry.person.v1";

  private static final Logger log = LoggerFactory.getLogger(RegistryPersonListener.class);

  private final DeathRule deathRule;

  RegistryPersonListener(DeathRule deathRule) {
    this.deathRule = deathRule;
  }

  /** The topic consumed and its dead-letter topic {@code registry.person.v1-dlt}. */
  @Bean
  KafkaAdmin.NewTopics registryPersonTopics(TopicDeclarations topics) {
    return topics.consumed(TOPIC);
  }

  @KafkaListener(topics = TOPIC, groupId = "${spring.application.name}")
  void on(ConsumerRecord<String, JsonNode> record) {
    IncomingEvent event = IncomingEvent.from(record);
    switch (event.type()) {
      case DeathRule.PERSON_DECEASED -> deathRule.apply(new PersonDeceased(event.id(),
          number(event, "deathRecordId"), idNumber(event), date(event, "dateOfDeath")));
      case DeathRule.DEATH_RECORD_REVOKED -> deathRule.revoke(
          new DeathRecordRevoked(event.id(), number(event, "deathRecordId")));
      default -> log.debug("Ignoring event {} of type {}", event.id(), event.type());
    }
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
