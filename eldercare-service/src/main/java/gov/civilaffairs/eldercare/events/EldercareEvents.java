package gov.civilaffairs.eldercare.events;

import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.outbox.EventOutbox;

import org.springframework.stereotype.Component;

/**
 * Publishes eldercare's events through the platform's event outbox (ADR 0008) in the caller's transaction: all
 * events of a transaction (a poll of deaths applied together) are written in one multi-row INSERT at its commit
 * and sent after it. Topic {@value EldercareEventsConfiguration#TOPIC}, key and {@code ce_subject} the person id,
 * payload the event as JSON (contracts/events/eldercare.*.schema.json), {@code ce_id} the event's
 * {@code eventId}.
 */
@Component
public class EldercareEvents {

  private final EventOutbox outbox;

  EldercareEvents(EventOutbox outbox) {
    this.outbox = outbox;
  }

  /**
   * Appends {@code event} as {@value EldercareEventsConfiguration#CARD_REVOKED}, {@code ce_time} its
   * {@code revokedAt}.
   *
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
   */
  public void cardRevoked(CardRevoked event) {
    outbox.append(EldercareEventsConfiguration.TOPIC, new EventEnvelope(event.eventId(),
        EldercareEventsConfiguration.CARD_REVOKED, String.valueOf(event.personId()), event.revokedAt(), event));
  }

  /**
   * Appends {@code event} as {@value EldercareEventsConfiguration#ALLOWANCE_TERMINATED}, {@code ce_time} its
   * {@code terminatedAt}.
   *
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
   */
  public void allowanceTerminated(AllowanceTerminated event) {
    outbox.append(EldercareEventsConfiguration.TOPIC, new EventEnvelope(event.eventId(),
        EldercareEventsConfiguration.ALLOWANCE_TERMINATED, String.valueOf(event.personId()), event.terminatedAt(),
        event));
  }
}
