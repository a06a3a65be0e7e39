package gov.civilaffairs.platform.outbox;

import java.util.Collection;

import gov.civilaffairs.platform.kafka.EventEnvelope;

/**
 * The platform's event outbox (ADR 0008, table {@code event_outbox}): events appended in a business
 * transaction are written with it, all of that transaction's events in one multi-row INSERT just before
 * the commit, and sent to Kafka after the commit by {@link EventOutboxRelay} as CloudEvents 1.0 in
 * binary mode (the headers and value of platform.kafka's {@code CloudEventPublisher#publish}, record key
 * = the envelope's subject). Nothing is written or sent for a transaction that rolls back; a committed
 * event is sent at least once (again after a broker outage or a crash), with its {@code ce_id}; the
 * events of one key leave in the order they were appended.
 *
 * <p>On with {@code platform.outbox.enabled=true} ({@link EventOutboxProperties}).
 */
public interface EventOutbox {

  /**
   * Adds {@code event} to the current transaction's events for {@code topic}.
   *
   * @param topic the Kafka topic
   * @param event its CloudEvents attributes and payload (an object: written as JSON by the application's
   *     {@code JsonMapper} now, so a later change to the object is not sent; or JSON text)
   * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction with
   *     synchronization (a change and its event must commit together)
   * @throws IllegalArgumentException if the payload is text that is not JSON
   */
  void append(String topic, EventEnvelope event);

  /** {@link #append} for each event, in order. */
  void appendAll(String topic, Collection<EventEnvelope> events);
}
