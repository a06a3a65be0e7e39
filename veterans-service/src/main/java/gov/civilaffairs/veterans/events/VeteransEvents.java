package gov.civilaffairs.veterans.events;

import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.outbox.EventOutbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Raises this service's death-path events in the caller's transaction: each is handed to the listeners inside the
 * service (synchronously, e.g. {@code PensionRolls} drops unsent roll lines of a terminated pension) and appended to
 * the platform's event outbox (ADR 0008), which writes all events of the transaction (a poll of deaths applied
 * together) in one multi-row INSERT at its commit and sends them after it. Topic
 * {@value VeteransEventsConfiguration#TOPIC}, key and {@code ce_subject} the entitled person id, payload the event as
 * JSON (contracts/events/veterans.*.schema.json), {@code ce_id} the event's {@code eventId}.
 */
@Component
public class VeteransEvents {

  private final EventOutbox outbox;
  private final ApplicationEventPublisher listeners;

  VeteransEvents(EventOutbox outbox, ApplicationEventPublisher listeners) {
    this.outbox = outbox;
    this.listeners = listeners;
  }

  /**
   * Raises {@code event}: in-process listeners, then the outbox as
   * {@value VeteransEventsConfiguration#PENSION_TERMINATED}, {@code ce_time} its {@code terminatedAt}.
   *
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
   */
  public void pensionTerminated(PensionTerminated event) {
    listeners.publishEvent(event);
    outbox.append(VeteransEventsConfiguration.TOPIC, new EventEnvelope(event.eventId(),
        VeteransEventsConfiguration.PENSION_TERMINATED, String.valueOf(event.entitledPersonId()),
        event.terminatedAt(), event));
  }

  /**
   * Raises {@code event}: in-process listeners, then the outbox as
   * {@value VeteransEventsConfiguration#SURVIVOR_BENEFIT_GRANTED}, {@code ce_time} its {@code grantedAt}.
   *
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
   */
  public void survivorBenefitGranted(SurvivorBenefitGranted event) {
    listeners.publishEvent(event);
    outbox.append(VeteransEventsConfiguration.TOPIC, new EventEnvelope(event.eventId(),
        VeteransEventsConfiguration.SURVIVOR_BENEFIT_GRANTED, String.valueOf(event.entitledPersonId()),
        event.grantedAt(), event));
  }
}
