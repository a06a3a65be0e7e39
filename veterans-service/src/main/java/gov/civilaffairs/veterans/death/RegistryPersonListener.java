package gov.civilaffairs.veterans.death;

import java.time.DateTimeException;
import java.time.LocalDate;

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
 * Consumes the registry's person events (topic {@value #TOPIC}, keyed by person id, so one person's
 * events arrive in order) and hands deaths and revocations to {@link DeathConsequences}. Reads only the
 * fields it needs and ignores unknown ones and unknown event types. A payload that lacks a needed field
 * is a {@link MalformedEventException}: the platform's error handler dead-letters it to
 * {@code registry.person.v1-dlt} without retrying, and the partition keeps flowing.
 */
@Configuration(proxyBeanMethods = false)
class RegistryPersonListener {

  /** The registry's person topic. */
  static final String TOPIC = "registry.person.v1";

  private static final Logger log = LoggerFactory.getLogger(RegistryPersonListener.class);

  private final DeathConsequences consequences;

  RegistryPersonListener(DeathConsequences consequences) {
    this.consequences = consequences;
  }

  /** Declares the consumed topic and its dead-letter topic {@code registry.person.v1-dlt}. */
  @Bean
  static KafkaAdmin.NewTopics registryPersonTopics(TopicDeclarations topics) {
    return topics.consumed(TOPIC);
  }

  @KafkaListener(topics = TOPIC, groupId = "${spring.application.name}")
  void on(ConsumerRecord<String, JsonNode> record) {
    IncomingEvent event = IncomingEvent.from(record);
    JsonNode data = event.data();
    switch (event.type()) {
      case PersonDeceased.TYPE -> consequences.apply(new PersonDeceased(event.id(),
          number(event, "deathRecordId"), nationalIdNumber(event), date(event, "dateOfDeath")));
      case DeathRecordRevoked.TYPE -> consequences.revoke(new DeathRecordRevoked(event.id(),
          number(event, "deathRecordId")));
      default -> log.debug("Ignoring event {} of type {} on {}", event.id(), event.type(), TOPIC);
    }
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
