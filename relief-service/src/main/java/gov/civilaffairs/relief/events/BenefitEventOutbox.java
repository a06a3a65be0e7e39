package gov.civilaffairs.relief.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import gov.civilaffairs.platform.time.BureauClock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * relief's own outbox (table {@code benefit_event_outbox}, V56, ADR 0007) for the {@link BenefitChanged} events of a
 * standard's recomputation: 200,000 for a city, where Spring Modulith's registry writes one publication row per
 * event. The new amount entries ({@code allowance_amount} rows citing the standard, each with its
 * {@code amount_before}) are the events; {@link #appendStandard} writes one row in the recomputation's transaction
 * (mandatory) saying which entries are to be sent, and after the commit {@link BenefitEventRelay} sends one event per
 * entry, in id order, on topic {@value ReliefEventsConfiguration#TOPIC} keyed by household id, with a stable
 * {@code ce_id} per entry ({@link BenefitEventRelay#eventIdOf}).
 */
public class BenefitEventOutbox {

  /** TIMESTAMP(6) as UTC text: Connector/J drops the fraction of temporal parameters on MariaDB 10.x. */
  static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
      .withZone(ZoneOffset.UTC);

  private final JdbcTemplate jdbc;
  private final BenefitEventRelay relay;
  private final BureauClock clock;

  BenefitEventOutbox(JdbcTemplate jdbc, BenefitEventRelay relay, BureauClock clock) {
    this.jdbc = jdbc;
    this.relay = relay;
    this.clock = clock;
  }

  /**
   * The highest {@code allowance_amount} id so far: read before a recomputation inserts its entries, it bounds
   * them from below (ids are allocated in increasing order; a later insert never gets a lower one).
   */
  public long lastAmountId() {
    Long id = jdbc.queryForObject("SELECT MAX(id) FROM allowance_amount", Long.class);
    return id == null ? 0 : id;
  }

  /**
   * Records, in the caller's transaction, that every amount entry of the standard with an id above
   * {@code afterAmountId} leaves as one {@code benefit-changed} after the commit (never if it rolls back).
   *
   * @param allowanceStandardId the standard whose entries ({@code allowance_amount.allowance_standard_id}) are sent
   * @param afterAmountId {@link #lastAmountId()} read before the entries were inserted
   * @param events how many entries the standard made (0: nothing is recorded)
   * @param changedAt the events' {@code changedAt} and {@code ce_time}
   * @throws IllegalTransactionStateException when no transaction is active
   */
  public void appendStandard(long allowanceStandardId, long afterAmountId, int events, Instant changedAt) {
    if (events == 0) {
      return;
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException("The benefit event outbox is written in the business transaction only");
    }
    long lastAmountId = lastAmountId();
    jdbc.update("""
        INSERT INTO benefit_event_outbox (allowance_standard_id, first_amount_id, last_amount_id, event_time,
          sent_through_amount_id, events, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        allowanceStandardId, afterAmountId, lastAmountId, changedAt.toString(), afterAmountId, events,
        UTC_MICROS.format(clock.now()));
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        relay.sendSoon();
      }
    });
  }
}
