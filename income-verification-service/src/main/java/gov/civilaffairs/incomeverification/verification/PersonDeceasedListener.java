package gov.civilaffairs.incomeverification.verification;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.incomeverification.verification.VerificationService.Death;
import gov.civilaffairs.platform.kafka.EventBatchProcessor;
import gov.civilaffairs.platform.kafka.IncomingEvent;
import gov.civilaffairs.platform.kafka.MalformedEventException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes the pending verification requests of a person who died ({@code registry.person-deceased.v1},
 * schema in contracts/events): only those about that person alone; a household's request goes on, and
 * the registry source marks the member deceased in its report. Reads {@code nationalIdNumber} and
 * {@code deathRecordId} only (tolerant reader). Idempotent: closing needs a pending request, so a
 * second delivery changes nothing. Other event types on the topic (a revoked death) are ignored: a
 * closed request is not reopened; a new one is made.
 *
 * <p>Consumes a poll at a time ({@link EventBatchProcessor}, issue 4: 500 deaths a second): one query finds the
 * pending requests of all the poll's deceased ({@link VerificationService#closeForDeaths}), one update closes each
 * request found, all in one transaction. A death without {@code nationalIdNumber} is a
 * {@link MalformedEventException}: the deaths before it are applied and it goes to {@code registry.person.v1-dlt}
 * without retry. If the poll's transaction fails, its deaths are applied one per transaction and the first that
 * still fails is retried, then dead-lettered.
 */
@Component
class PersonDeceasedListener implements EventBatchProcessor.Handler<Death> {

  static final String PERSON_DECEASED = "gov.civilaffairs.registry.person-deceased.v1";
  /** The listener container's id, e.g. to pause it in tests. */
  static final String LISTENER_ID = "income-verification-registry-person";

  private static final Logger log = LoggerFactory.getLogger(PersonDeceasedListener.class);

  private final VerificationService verifications;
  private final EventBatchProcessor batches;

  PersonDeceasedListener(VerificationService verifications, PlatformTransactionManager transactionManager) {
    this.verifications = verifications;
    this.batches = new EventBatchProcessor(new TransactionTemplate(transactionManager));
  }

  /**
   * One poll (at most {@code spring.kafka.consumer.max-poll-records} records) in one transaction; the group is
   * {@code spring.kafka.consumer.group-id}.
   */
  @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = VerificationEventsConfiguration.PERSON_TOPIC,
      batch = "true")
  void on(List<ConsumerRecord<String, JsonNode>> records) {
    batches.process(records, this);
  }

  /**
   * The death {@code record} carries, with the reason kept on the requests it closes; {@code null} for another
   * event type.
   *
   * @throws MalformedEventException if it is not a CloudEvent we accept or a death lacks {@code nationalIdNumber}
   */
  @Override
  public Death read(ConsumerRecord<String, JsonNode> record) {
    IncomingEvent event = IncomingEvent.from(record);
    if (!event.type().equals(PERSON_DECEASED)) {
      return null;
    }
    JsonNode idNumber = event.data().get("nationalIdNumber");
    if (idNumber == null || !idNumber.isString()) {
      throw new MalformedEventException("person-deceased " + event.id() + " has no nationalIdNumber", null);
    }
    return new Death(idNumber.asString(),
        "person deceased (death record " + event.data().path("deathRecordId").asString() + ")");
  }

  @Override
  public void apply(Death death) {
    applyAll(List.of(death));
  }

  @Override
  public void applyAll(List<Death> deaths) {
    List<Integer> closed = verifications.closeForDeaths(deaths);
    int total = closed.stream().mapToInt(Integer::intValue).sum();
    if (total > 0) {
      log.info("{} death(s): {} pending verification request(s) closed", deaths.size(), total);
    } else {
      log.debug("{} death(s): no pending verification request closed", deaths.size());
    }
  }
}
