package gov.civilaffairs.relief.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

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
 *
 * <p>The {@link BenefitTerminated} events of the death rule go through the same relay from their own table
 * ({@code benefit_termination_outbox}, V60): {@link #appendTerminations} writes one row per termination, the relay
 * sends each as v1 and as {@link BenefitTerminatedV2} (EVENTS.md "Versioning": v1 and v2 in parallel).
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

  /**
   * Records, in the caller's transaction, terminations of the minimum living allowance to be sent after the commit
   * as {@code benefit-terminated.v1} (ce_id {@link BenefitTerminated#eventId()}) and {@code benefit-terminated.v2}
   * (a new ce_id, same case, household, death record, last paid month and overpayment, no claim id): one JDBC batch
   * for all of them (the death rule's poll), never sent if the transaction rolls back.
   *
   * @param terminations the events, in the order they happened (empty: nothing is written)
   * @throws IllegalTransactionStateException when no transaction is active
   */
  public void appendTerminations(List<BenefitTerminated> terminations) {
    if (terminations.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException("The benefit event outbox is written in the business transaction only");
    }
    String createdAt = UTC_MICROS.format(clock.now());
    jdbc.batchUpdate("""
        INSERT INTO benefit_termination_outbox (event_id, event_id_v2, household_id, allowance_id, death_record_id,
          last_paid_month, overpayment, terminated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        terminations, terminations.size(), (ps, t) -> {
          ps.setString(1, t.eventId().toString());
          ps.setString(2, UUID.randomUUID().toString());
          ps.setLong(3, t.householdId());
          ps.setLong(4, t.caseId());
          ps.setLong(5, t.deathRecordId());
          ps.setObject(6, t.lastPaidMonth().atDay(1));
          ps.setBigDecimal(7, t.overpayment());
          ps.setString(8, t.terminatedAt().toString());
          ps.setString(9, createdAt);
        });
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        relay.sendSoon();
      }
    });
  }
}
