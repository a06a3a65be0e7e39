package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.relief.events.BenefitTerminated;
import gov.civilaffairs.relief.events.BenefitTerminatedV2;
import gov.civilaffairs.relief.events.PersonBenefitEnded;
import gov.civilaffairs.relief.events.PersonBenefitRestored;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money part of the death rule for the schemes paid to a person, 特困 support ({@code EXTREME_POVERTY_SUPPORT})
 * and the children's basic living allowance ({@code ORPHAN_ALLOWANCE}): DOMAIN.md "The death rule" point 4 ("a
 * payment roll not yet sent to the bank drops the person; money already paid for months after the month of death
 * becomes an overpayment claim") and point 7 ("everything above is restored, with arrears for the missed months, and
 * claims are withdrawn"), as {@code DeathRule} does it for the minimum living allowance.
 *
 * <p>Runs synchronously inside the death rule's transaction when a scheme's death rule reports a case ended
 * ({@link PersonBenefitEnded}) or restored ({@link PersonBenefitRestored}); the death rule applies each death record
 * and each revocation once, so this needs no idempotency of its own (the unique keys of V53 guard it anyway). Every
 * step is a row of {@code scheme_benefit_change} (scheme {@code EXTREME_POVERTY} / {@code CHILD_ALLOWANCE}, the
 * case, the death record, the event): read by {@code GET /extreme-poverty-cases/{id}/changes} and
 * {@code GET /child-registrations/{id}/changes}.
 *
 * <ul>
 *   <li>Death: the case's MONTHLY lines for months after its last paid month are deleted from unsent (DRAFT) rolls
 *       of its scheme, their totals following as they are counted when read (V61) ({@code ROLL_LINE_CORRECTED}); what SENT rolls paid for those months
 *       (any line kind, as the allowance counts it) becomes one OPEN overpayment claim of the case and death record
 *       ({@code OVERPAYMENT_CLAIMED}); {@code relief.benefit-terminated.v2} is published with the amount and the
 *       claim.</li>
 *   <li>Revocation: for each month after the end month the death had set that has a roll of the scheme, the case's
 *       entitlement of that month ({@link MonthlyEntitlementSource#entitlementOf}, the case being restored) is put
 *       back as a MONTHLY line into the roll of its township if that roll is unsent ({@code ROLL_LINE_CORRECTED});
 *       the death record's open claim is withdrawn ({@code CLAIM_WITHDRAWN}); for a sent roll, what it paid less
 *       than due (pending arrears counted) is owed as one arrears entry per month ({@code ARREARS_ADDED}), paid as an
 *       ARREARS line in the next roll of the scheme and township generated. Nothing is published on revocation: the
 *       allowance publishes nothing on revocation either (there is no "benefit restored" contract).</li>
 * </ul>
 *
 * <p>Both read the rolls they change with a shared lock ({@code LOCK IN SHARE MODE}, {@link
 * PaymentRollRepository#findUnsentMonthlyLinesAfter}, {@link PaymentRollRepository#lockRoll}; issue 4): deaths
 * applied in parallel do not wait for each other, marking a roll sent waits for them, and one applied after the
 * roll was sent finds it SENT (overpayment claim, or arrears on revocation), so a SENT roll never changes.
 */
@Component
class SpecialSchemeDeaths {

  /** Roll scheme code -> scheme code of {@code scheme_benefit_change} (V43). */
  private static final Map<String, String> CHANGE_SCHEMES = Map.of(
      PersonBenefitEnded.EXTREME_POVERTY_SUPPORT, "EXTREME_POVERTY",
      PersonBenefitEnded.ORPHAN_ALLOWANCE, "CHILD_ALLOWANCE");

  private final PaymentRollRepository rolls;
  private final Map<String, MonthlyEntitlementSource> sources = new TreeMap<>();
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher publisher;
  private final BureauClock clock;

  SpecialSchemeDeaths(PaymentRollRepository rolls, List<MonthlyEntitlementSource> sources, JdbcClient jdbc,
      ApplicationEventPublisher publisher, BureauClock clock) {
    this.rolls = rolls;
    sources.forEach(s -> this.sources.put(s.scheme(), s));
    this.jdbc = jdbc;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** A death ended the case: correct the unsent rolls, claim what sent rolls overpaid, publish the termination. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void caseEnded(PersonBenefitEnded ended) {
    Changes changes = new Changes(ended.scheme(), ended.caseId(), ended.nationalIdNumber(), ended.deathRecordId(),
        ended.eventId());
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    for (RollLine line : rolls.findUnsentMonthlyLinesAfter(ended.scheme(), ended.caseId(), ended.lastPaidMonth())) {
      rolls.deleteLine(line.id());
      changes.add("ROLL_LINE_CORRECTED", "unsent roll " + line.forMonth() + " (roll " + line.rollId() + "): "
          + line.amount() + " -> " + zero + " yuan, line dropped");
    }
    SortedMap<YearMonth, BigDecimal> paid = rolls.paidInSentRollsAfter(ended.scheme(), ended.caseId(),
        ended.lastPaidMonth());
    paid.values().removeIf(amount -> amount.signum() <= 0);
    BigDecimal overpaid = paid.values().stream().reduce(zero, BigDecimal::add);
    Long claimId = null;
    if (!paid.isEmpty()) {
      claimId = rolls.insertSchemeClaim(ended.scheme(), ended.caseId(), ended.deathRecordId(), paid.firstKey(),
          paid.lastKey(), paid.size(), overpaid);
      changes.add("OVERPAYMENT_CLAIMED", "overpaid " + overpaid + " yuan for " + paid.size() + " month(s), "
          + paid.firstKey() + " to " + paid.lastKey() + " (sent rolls); claim " + claimId + " OPEN");
    }
    publisher.publishEvent(new BenefitTerminatedV2(UUID.randomUUID(), ended.scheme(), ended.caseId(), null,
        BenefitTerminated.DEATH, ended.deathRecordId(), ended.lastPaidMonth(), overpaid, claimId, clock.now()));
  }

  /** A revocation restored the case: lines back into unsent rolls, the claim withdrawn, arrears for sent rolls. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void caseRestored(PersonBenefitRestored restored) {
    String scheme = restored.scheme();
    long caseId = restored.caseId();
    Changes changes = new Changes(scheme, caseId, restored.nationalIdNumber(), restored.deathRecordId(),
        restored.eventId());
    MonthlyEntitlementSource source = sources.get(scheme);
    if (source == null) {
      throw new IllegalStateException("No MonthlyEntitlementSource for scheme " + scheme);
    }
    BigDecimal zero = BigDecimal.ZERO.setScale(2);
    List<SentMonth> sent = new java.util.ArrayList<>();
    for (YearMonth month : rolls.rollMonthsAfter(scheme, restored.endedWithMonth())) {
      Optional<MonthlyEntitlementSource.Entitlement> due = source.entitlementOf(caseId, month);
      if (due.isEmpty()) {
        continue;
      }
      MonthlyEntitlementSource.Entitlement e = due.get();
      Optional<PaymentRollRepository.RollState> roll =
          rolls.lockRoll(scheme, PaymentRollService.township(e.regionCode()), month);
      if (roll.isEmpty()) {
        continue; // no roll of that township yet: it is generated with the case in it
      }
      if (roll.get().status() == RollStatus.SENT) {
        sent.add(new SentMonth(month, e));
      } else if (rolls.findMonthlyLine(roll.get().id(), caseId).isEmpty()) {
        rolls.insertLine(roll.get().id(), new PaymentRollRepository.NewLine(caseId, e.regionCode(), LineKind.MONTHLY,
            month, e.amount(), e.decision()));
        changes.add("ROLL_LINE_CORRECTED", "unsent roll " + month + " (roll " + roll.get().id() + "): " + zero
            + " -> " + e.amount() + " yuan, line put back");
      }
    }
    for (long claimId : rolls.openSchemeClaims(scheme, caseId, restored.deathRecordId())) {
      if (rolls.withdrawClaim(claimId)) {
        changes.add("CLAIM_WITHDRAWN", "overpayment claim " + claimId + " withdrawn");
      }
    }
    for (SentMonth s : sent) {
      BigDecimal owed = s.due().amount()
          .subtract(rolls.paidInSentRolls(scheme, caseId, s.month()))
          .subtract(rolls.pendingSchemeArrears(scheme, caseId, s.month()));
      if (owed.signum() > 0) {
        long id = rolls.insertSchemeArrears(scheme, caseId, s.due().regionCode(), s.month(), owed,
            restored.deathRecordId());
        changes.add("ARREARS_ADDED", "arrears " + owed + " yuan for " + s.month() + " (entry " + id
            + "), paid in the next roll");
      }
    }
  }

  private record SentMonth(YearMonth month, MonthlyEntitlementSource.Entitlement due) {
  }

  /** The changes of one event to one case, in {@code scheme_benefit_change}. */
  private final class Changes {
    private final String changeScheme;
    private final long caseId;
    private final String nationalIdNumber;
    private final long deathRecordId;
    private final UUID eventId;

    Changes(String scheme, long caseId, String nationalIdNumber, long deathRecordId, UUID eventId) {
      this.changeScheme = CHANGE_SCHEMES.get(scheme);
      if (changeScheme == null) {
        throw new IllegalStateException("Not a scheme paid to a person: " + scheme);
      }
      this.caseId = caseId;
      this.nationalIdNumber = nationalIdNumber;
      this.deathRecordId = deathRecordId;
      this.eventId = eventId;
    }

    void add(String type, String detail) {
      jdbc.sql("""
          INSERT INTO scheme_benefit_change (scheme, case_id, national_id_number, death_record_id, event_id,
            change_type, detail) VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(changeScheme, caseId, nationalIdNumber, deathRecordId, eventId.toString(), type, detail).update();
    }
  }
}
