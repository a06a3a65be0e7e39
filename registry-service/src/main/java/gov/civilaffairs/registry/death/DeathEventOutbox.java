package gov.civilaffairs.registry.death;

import java.util.List;

/**
 * Where {@link DeathRegistry} puts its events ({@link PersonDeceased}, {@link DeathRecordRevoked}): the
 * registry's outbox (ADR 0006). Implemented in {@code gov.civilaffairs.registry.events}.
 */
public interface DeathEventOutbox {

  /**
   * Stores the events, in this order, in the caller's transaction (required; one JDBC batch); they are
   * sent to Kafka after its commit, and never if it rolls back.
   *
   * @param events {@link PersonDeceased} or {@link DeathRecordRevoked}, each with its own event id
   * @throws IllegalArgumentException for another kind of event
   * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
   */
  void append(List<?> events);
}
