package gov.civilaffairs.incomeverification.verification;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.kafka.IncomingEvent;
import gov.civilaffairs.platform.kafka.MalformedEventException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Closes the pending verification requests of a person who died ({@code registry.person-deceased.v1},
 * schema in contracts/events): only those about that person alone; a household's request goes on, and
 * the registry source marks the member deceased in its report. Reads {@code nationalIdNumber} and
 * {@code deathRecordId} only (tolerant reader). Idempotent: closing needs a pending request, so a
 * second delivery changes nothing. Other event types on the topic (a revoked death) are ignored: a
 * closed request is not reopened; a new one is made.
 */
@Component
class PersonDeceasedListener {

  static final String PERSON_DECEASED = "gov.civilaffairs.registry.person-deceased.v1";

  private static final Logger log = LoggerFactory.getLogger(PersonDeceasedListener.class);

  private final VerificationService verifications;

  PersonDeceasedListener(VerificationService verifications) {
    this.verifications = verifications;
  }

  @KafkaListener(topics = VerificationEventsConfiguration.PERSON_TOPIC)
  void on(ConsumerRecord<String, JsonNode> record) {
    IncomingEvent event = IncomingEvent.from(record);
    if (!event.type().equals(PERSON_DECEASED)) {
      return;
    }
    JsonNode idNumber = event.data().get("nationalIdNumber");
    if (idNumber == null || !idNumber.isString()) {
      throw new MalformedEventException("person-deceased " + event.id() + " has no nationalIdNumber", null);
    }
    int closed = verifications.closeForDeath(idNumber.asString(),
        "person deceased (death record " + event.data().path("deathRecordId").asString() + ")");
    log.info("person-deceased {}: {} pending verification request(s) closed", event.id(), closed);
  }
}
