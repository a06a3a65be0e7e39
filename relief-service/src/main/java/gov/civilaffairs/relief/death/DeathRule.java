package gov.civilaffairs.relief.death;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.relief.allowance.Allowance;
import gov.civilaffairs.relief.allowance.AllowanceCalculator;
import gov.civilaffairs.relief.allowance.AllowanceStatus;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.Household;
import gov.civilaffairs.relief.allowance.HouseholdRepository;
import gov.civilaffairs.relief.allowance.Member;
import gov.civilaffairs.relief.death.DeathEventRepository.DeathRecordState;
import gov.civilaffairs.relief.death.DeathEventRepository.NewDeathRecord;
import gov.civilaffairs.relief.death.DeathEventRepository.NewProcessedEvent;
import gov.civilaffairs.relief.events.BenefitEventOutbox;
import gov.civilaffairs.relief.events.BenefitTerminated;
import gov.civilaffairs.relief.payment.Arrears;
import gov.civilaffairs.relief.payment.OverpaymentClaim;
import gov.civilaffairs.relief.payment.PaymentRollService;
import gov.civilaffairs.relief.payment.PaymentRollService.RollCorrection;
import gov.civilaffairs.relief.payment.DecisionReference;
import gov.civilaffairs.relief.payment.MonthlyEntitlementSource.Entitlement;
import gov.civilaffairs.relief.payment.UnsentRollCorrections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The death rule for the minimum living allowance (DOMAIN.md, "The death rule" points 4 and 7).
 * Each event is applied at most once: its id is recorded in {@code processed_event} in the same
 * transaction as its effect, and a death record once revoked is never applied again, whatever order
 * its events arrive in. Every change is recorded with the death record and the event that caused it.
 * Schemes paid to a person (特困 support, child allowances) take part as {@link DeathRuleParticipant}s.
 * The listener applies a whole poll of events with {@link #applyAll} in one transaction (issue 4: 500 deaths
 * per second), with the same effect as {@link #apply} and {@link #revoke} one by one.
 */
@Service
public class DeathRule {

  /** CloudEvents type of the registry's person-deceased event. */
  public static final String PERSON_DECEASED = "gov.civilaffairs.registry.person-deceased.v1";
  /** CloudEvents type of the registry's death-record-revoked event. */
  public static final String DEATH_RECORD_REVOKED = "gov.civilaffairs.registry.death-record-revoked.v1";

  private static final Logger log = LoggerFactory.getLogger(DeathRule.class);

  private final DeathEventRepository events;
  private final HouseholdRepository households;
  private final AllowanceCalculator calculator;
  private final PaymentRollService rolls;
  private final BenefitEventOutbox outbox;
  private final BureauClock clock;
  private final ObjectProvider<DeathRuleParticipant> participants;

  DeathRule(DeathEventRepository events, HouseholdRepository households, AllowanceCalculator calculator,
      PaymentRollService rolls, BenefitEventOutbox outbox, BureauClock clock,
      ObjectProvider<DeathRuleParticipant> participants) {
    this.events = events;
    this.households = households;
    this.calculator = calculator;
    this.rolls = rolls;
    this.outbox = outbox;
    this.clock = clock;
    this.participants = participants;
  }

  /**
   * Applies a confirmed death to the household the person is a member of, if any: the allowance
   * ends with the last paid month ({@code relief.allowance.end-of-benefit}) for a one-member
   * household, or is recomputed from the month after with one member fewer (head required if the head
   * died); unsent rolls are corrected; money paid in sent rolls for later months is claimed back.
   */
  @Transactional
  public void apply(PersonDeceased death) {
    if (!events.markProcessed(death.eventId(), PERSON_DECEASED)) {
      log.debug("Event {} already processed", death.eventId());
      return;
    }
    if (events.findDeathRecord(death.deathRecordId()).isPresent()) {
      log.info("Death record {} already applied or revoked; event {} changes nothing", death.deathRecordId(),
          death.eventId());
      return;
    }
    YearMonth lastPaid = calculator.lastPaidMonth(death.dateOfDeath());
    events.insertApplied(death.deathRecordId(), death.nationalIdNumber(), death.dateOfDeath(), lastPaid);
    Poll poll = new Poll(rolls.townshipsWithRollsAfter(lastPaid), Map.of());
    stopBenefits(death, lastPaid, participants.orderedStream().toList(), true, poll);
    poll.flush();
  }

  /**
   * The effect of a death record new here: the schemes paid to the person ({@code concerned}: 特困 support, child
   * allowances), then the household allowance unless {@code householdMember} is false (the person is no member of
   * any household here). The {@code benefit_change} rows and a terminated allowance's {@code benefit-terminated} are
   * added to {@code poll}, for the caller to write with {@link Poll#flush} before its commit (or before anything
   * that reads or orders by them). The rolls are looked at only in a township with an allowance roll after the
   * earliest last paid month of the poll ({@link Poll#townshipsWithRolls}): elsewhere nothing can be corrected or
   * claimed.
   */
  private void stopBenefits(PersonDeceased death, YearMonth lastPaid, List<DeathRuleParticipant> concerned,
      boolean householdMember, Poll poll) {
    DeathRuleParticipant.DeathFacts facts = new DeathRuleParticipant.DeathFacts(death.deathRecordId(),
        death.eventId(), death.nationalIdNumber(), death.dateOfDeath(), lastPaid);
    concerned.forEach(p -> p.personDeceased(facts));
    if (!householdMember) {
      return;
    }
    Long lockedHousehold = poll.householdOfMember.get(death.nationalIdNumber());
    if (lockedHousehold != null && poll.plainDeaths.remove(lockedHousehold, death)) {
      stopHouseholdBenefits(death, lastPaid, poll.plainHouseholds.get(lockedHousehold),
          poll.plainAllowances.get(lockedHousehold), poll);
      return;
    }
    Optional<Household> found = lockedHousehold != null ? households.findHousehold(lockedHousehold)
        : households.lockHouseholdOfMember(death.nationalIdNumber());
    Optional<Member> member = found.flatMap(h -> h.member(death.nationalIdNumber())).filter(Member::living);
    if (member.isEmpty()) {
      return;
    }
    Household household = found.get();
    Changes changes = new Changes(household.id(), death.nationalIdNumber(), death.deathRecordId(), death.eventId(),
        poll.changes);
    households.markDeceased(member.get().id(), death.deathRecordId());
    changes.add(ChangeType.MEMBER_DECEASED, "member died on " + death.dateOfDeath() + "; last month paid " + lastPaid);

    Allowance allowance = households.findAllowanceOfHousehold(household.id()).orElseThrow();
    boolean terminated = false;
    if (allowance.status() == AllowanceStatus.ACTIVE) {
      int living = household.livingMembers() - 1;
      terminated = living == 0;
      if (terminated) {
        households.terminate(allowance.id(), lastPaid, death.deathRecordId());
        changes.add(ChangeType.ALLOWANCE_TERMINATED, "allowance terminated; end month " + lastPaid);
      } else {
        YearMonth from = lastPaid.plusMonths(1);
        BigDecimal amount = calculator.monthlyAmount(household.area(), living, household.monthlyIncome(), from);
        households.insertAmount(allowance.id(), from, amount, living, death.deathRecordId());
        changes.add(ChangeType.AMOUNT_RECOMPUTED, "from " + from + ": " + allowance.amountFor(from) + " -> "
            + amount + " yuan for " + living + " member(s)");
        if (member.get().head()) {
          households.requireHead(household.id(), death.deathRecordId());
          changes.add(ChangeType.HEAD_REQUIRED, "the head died; a new head must be named");
        }
      }
    }
    Optional<OverpaymentClaim> claim = Optional.empty();
    if (poll.townshipsWithRolls.contains(PaymentRollService.township(household.regionCode()))) {
      Allowance changed = households.findAllowanceOfHousehold(household.id()).orElseThrow();
      record(changes, rolls.correctUnsentRolls(changed, lastPaid, household.regionCode()));
      claim = rolls.claimOverpayment(changed, lastPaid, death.deathRecordId());
    }
    claim.ifPresent(c -> changes.add(ChangeType.OVERPAYMENT_CLAIMED, "overpaid " + c.amount() + " yuan for "
        + c.months() + " month(s), " + c.fromMonth() + " to " + c.toMonth() + "; claim " + c.id() + " OPEN"));
    if (terminated) {
      poll.terminations.add(new BenefitTerminated(UUID.randomUUID(), household.id(), allowance.id(),
          BenefitTerminated.MINIMUM_LIVING_ALLOWANCE, BenefitTerminated.DEATH, death.deathRecordId(), lastPaid,
          claim.map(OverpaymentClaim::amount).orElse(BigDecimal.ZERO.setScale(2)), clock.now()));
    }
  }

  /**
   * {@link #stopBenefits}' household part for a plain death ({@link #readPlainDeaths}), from what the poll read for
   * all of them and with its writes kept for {@link Poll#flush}: the same rows, changes and event as the one-death
   * path. What is due in an unsent roll after the death follows from the change itself: nothing if the allowance
   * ended, else the recomputed amount (the latest entry, by the plain deaths' condition), under this death record's
   * decision.
   */
  private void stopHouseholdBenefits(PersonDeceased death, YearMonth lastPaid, Household household,
      Allowance allowance, Poll poll) {
    Optional<Member> member = household.member(death.nationalIdNumber()).filter(Member::living);
    if (member.isEmpty()) {
      return;
    }
    long deathRecordId = death.deathRecordId();
    Changes changes = new Changes(household.id(), death.nationalIdNumber(), deathRecordId, death.eventId(),
        poll.changes);
    poll.deceasedMembers.add(new HouseholdRepository.DeceasedMember(member.get().id(), deathRecordId));
    changes.add(ChangeType.MEMBER_DECEASED, "member died on " + death.dateOfDeath() + "; last month paid " + lastPaid);
    int living = household.livingMembers() - 1;
    boolean terminated = living == 0;
    BigDecimal due = BigDecimal.ZERO.setScale(2);
    if (terminated) {
      poll.endedAllowances.add(new HouseholdRepository.Termination(allowance.id(), lastPaid, deathRecordId));
      changes.add(ChangeType.ALLOWANCE_TERMINATED, "allowance terminated; end month " + lastPaid);
    } else {
      YearMonth from = lastPaid.plusMonths(1);
      due = calculator.monthlyAmount(poll.standard(household.area(), from), living, household.monthlyIncome());
      poll.deathAmounts.add(new HouseholdRepository.DeathAmount(allowance.id(), from, due, living, deathRecordId));
      changes.add(ChangeType.AMOUNT_RECOMPUTED, "from " + from + ": " + allowance.amountFor(from) + " -> "
          + due + " yuan for " + living + " member(s)");
      if (member.get().head()) {
        poll.headsRequired.add(new HouseholdRepository.HeadRequired(household.id(), deathRecordId));
        changes.add(ChangeType.HEAD_REQUIRED, "the head died; a new head must be named");
      }
    }
    if (poll.townshipsWithRolls.contains(PaymentRollService.township(household.regionCode()))) {
      Optional<Entitlement> entitlement = due.signum() > 0 ? Optional.of(new Entitlement(household.id(),
          household.regionCode(), due, DecisionReference.of("DEATH_RECORD", deathRecordId))) : Optional.empty();
      record(changes, poll.rollCorrections.correct(household.id(), household.regionCode(), lastPaid,
          month -> allowance.paidFor(month) ? entitlement : Optional.empty()));
    }
    if (terminated) {
      poll.terminations.add(new BenefitTerminated(UUID.randomUUID(), household.id(), allowance.id(),
          BenefitTerminated.MINIMUM_LIVING_ALLOWANCE, BenefitTerminated.DEATH, deathRecordId, lastPaid,
          BigDecimal.ZERO.setScale(2), clock.now()));
    }
  }

  /**
   * Finds the poll's plain deaths and reads, in a constant number of queries, what applying them needs (issue 4:
   * per death the one-death path made about 14 statements). A plain death is a poll's only death to apply in its
   * household (the event new, its record not seen before), of a member no participant names, in a household no
   * revocation in the poll touches, whose allowance is ACTIVE with no amount entry from after the month following
   * the death's last paid month, in a township with no roll sent for a month after that one (no overpayment to
   * claim). The households were locked by the poll already. Other deaths take the one-death path.
   */
  private void readPlainDeaths(List<? extends DeathEvent> batch, Set<UUID> processed,
      Map<Long, DeathRecordState> records, Map<DeathRuleParticipant, Set<String>> beneficiaries, Poll poll) {
    Set<String> concerned = new HashSet<>();
    beneficiaries.values().forEach(concerned::addAll);
    Set<UUID> seen = new HashSet<>(processed);
    Map<Long, PersonDeceased> single = new HashMap<>();
    Set<Long> excluded = new HashSet<>();
    for (DeathEvent event : batch) {
      if (!seen.add(event.eventId())) {
        continue;
      }
      DeathRecordState state = records.get(event.deathRecordId());
      if (event instanceof PersonDeceased death && state == null) {
        Long household = poll.householdOfMember.get(death.nationalIdNumber());
        if (household != null && (concerned.contains(death.nationalIdNumber())
            || single.putIfAbsent(household, death) != null)) {
          excluded.add(household);
        }
      } else if (event instanceof DeathRecordRevoked && state != null && !state.revoked()
          && state.nationalIdNumber() != null) {
        Long household = poll.householdOfMember.get(state.nationalIdNumber());
        if (household != null) {
          excluded.add(household);
        }
      }
    }
    single.keySet().removeAll(excluded);
    if (single.isEmpty()) {
      return;
    }
    Map<Long, Household> found = households.findHouseholds(single.keySet());
    Map<Long, Allowance> allowances = households.findAllowancesOfHouseholds(single.keySet());
    Map<Long, YearMonth> lastPaid = new HashMap<>();
    single.forEach((household, death) -> lastPaid.put(household, calculator.lastPaidMonth(death.dateOfDeath())));
    single.keySet().removeIf(household -> !found.containsKey(household)
        || !plainAllowance(allowances.get(household), lastPaid.get(household)));
    Set<String> townships = new HashSet<>();
    single.keySet().forEach(household -> townships.add(PaymentRollService.township(found.get(household).regionCode())));
    townships.retainAll(poll.townshipsWithRolls);
    if (!townships.isEmpty()) {
      YearMonth earliest = single.keySet().stream().map(lastPaid::get).min(YearMonth::compareTo).orElseThrow();
      poll.rollCorrections = rolls.unsentRollCorrections(townships, single.keySet(), earliest);
      single.keySet().removeIf(household -> poll.rollCorrections.hasSentRollAfter(
          PaymentRollService.township(found.get(household).regionCode()), lastPaid.get(household)));
    }
    poll.plainDeaths.putAll(single);
    poll.plainHouseholds.putAll(found);
    poll.plainAllowances.putAll(allowances);
  }

  /** Whether a death's change to this allowance is the plain one: ACTIVE, and no entry after the recomputed one. */
  private static boolean plainAllowance(Allowance allowance, YearMonth lastPaid) {
    return allowance != null && allowance.status() == AllowanceStatus.ACTIVE && allowance.endMonth() == null
        && allowance.amounts().stream().noneMatch(a -> !a.withdrawn() && a.fromMonth().isAfter(lastPaid.plusMonths(1)));
  }

  /**
   * Undoes what a death record did, because the registry revoked it: the member is living again, the
   * allowance is restored at its amount before the death, the unsent rolls are corrected back, the
   * overpayment claims are withdrawn, arrears are owed for each month a sent roll underpaid, and the
   * head-required flag the death set is cleared. A revocation that arrives before its death makes
   * that death never apply.
   */
  @Transactional
  public void revoke(DeathRecordRevoked revocation) {
    if (!events.markProcessed(revocation.eventId(), DEATH_RECORD_REVOKED)) {
      log.debug("Event {} already processed", revocation.eventId());
      return;
    }
    long deathRecordId = revocation.deathRecordId();
    Optional<DeathRecordState> state = events.findDeathRecord(deathRecordId);
    if (state.isEmpty()) {
      events.insertRevoked(deathRecordId);
      return;
    }
    if (state.get().revoked()) {
      return;
    }
    events.markRevoked(deathRecordId);
    String number = state.get().nationalIdNumber();
    DeathRuleParticipant.DeathFacts facts = new DeathRuleParticipant.DeathFacts(deathRecordId, revocation.eventId(),
        number, null, state.get().lastPaidMonth());
    participants.orderedStream().forEach(p -> p.deathRecordRevoked(facts)); // 特困 support, child allowances
    Optional<Household> found = households.lockHouseholdOfMember(number);
    if (found.flatMap(h -> h.member(number)).map(Member::deceasedDeathRecordId)
        .filter(id -> id == deathRecordId).isEmpty()) {
      return;
    }
    Household household = found.get();
    Changes changes = new Changes(household.id(), number, deathRecordId, revocation.eventId(), null);
    households.clearDeceased(deathRecordId);
    changes.add(ChangeType.MEMBER_RESTORED, "death record revoked; member living");
    Allowance allowance = households.findAllowanceOfHousehold(household.id()).orElseThrow();
    if (households.restore(allowance.id(), deathRecordId)) {
      changes.add(ChangeType.ALLOWANCE_RESTORED, "allowance active again");
    }
    if (households.withdrawAmounts(allowance.id(), deathRecordId) > 0) {
      changes.add(ChangeType.AMOUNT_RESTORED, "amount before the death applies again");
    }
    if (households.clearHeadRequired(household.id(), deathRecordId)) {
      changes.add(ChangeType.HEAD_REQUIRED_CLEARED, "head no longer required");
    }
    YearMonth lastPaid = state.get().lastPaidMonth();
    Allowance restored = households.findAllowanceOfHousehold(household.id()).orElseThrow();
    record(changes, rolls.correctUnsentRolls(restored, lastPaid, household.regionCode()));
    if (rolls.withdrawClaims(household.id(), deathRecordId) > 0) {
      changes.add(ChangeType.CLAIM_WITHDRAWN, "overpayment claim withdrawn");
    }
    for (Arrears arrears : rolls.addArrears(restored, lastPaid, deathRecordId)) {
      changes.add(ChangeType.ARREARS_ADDED, "arrears " + arrears.amount() + " yuan for " + arrears.forMonth()
          + ", paid in the next roll");
    }
  }

  /**
   * Applies a poll of events in their order, inside one transaction, with exactly the effect of calling
   * {@link #apply} or {@link #revoke} for each in turn, in fewer statements: one query each for the events already
   * processed, the death records already seen, the household members and each participant's beneficiaries
   * ({@link DeathRuleParticipant#beneficiariesAmong}) among the poll's persons; one batch insert each, at the end,
   * of the poll's {@code processed_event} and {@code death_record} rows and of its terminations' outbox rows
   * ({@code benefit_termination_outbox}, sent by the relay after the commit). A death of a person nobody here knows
   * (most of a city's deaths) costs nothing more; for a known person
   * only the participants that named the person are called, and the household allowance is looked at only for a
   * household member. The plain deaths of household members ({@link #readPlainDeaths}: most of them) are applied
   * set-wise: their households, allowances, unsent roll lines and sent roll months read in one query each for the
   * poll, and their writes joining the batches; each of the others takes the one-death path in its turn. A revocation of a death record already applied takes the full {@link #revoke} path (the
   * rows waiting for the batch insert are written first). The state of each death record is followed in memory
   * through the poll, so a death and its revocation, a duplicate delivery or a second event of the same record in
   * one poll are handled as they would be one by one. Participants are told the facts and read neither
   * {@code death_record} nor {@code processed_event}, which is what makes the late batch insert safe.
   *
   * @param batch the poll's events, in the order of the records (each partition's order, so each person's)
   * @throws RuntimeException any failure of the database or of a participant; the caller's transaction then
   *     rolls back as a whole, and the platform's {@code EventBatchProcessor} applies the events one at a time
   */
  @Transactional
  public void applyAll(List<? extends DeathEvent> batch) {
    Set<UUID> processed = events.processedAmong(batch.stream().map(DeathEvent::eventId).toList());
    Map<Long, DeathRecordState> records = events.findDeathRecords(
        batch.stream().map(DeathEvent::deathRecordId).distinct().toList());
    Set<String> deceased = new LinkedHashSet<>();
    batch.forEach(e -> {
      if (e instanceof PersonDeceased death) {
        deceased.add(death.nationalIdNumber());
      }
    });
    // the households this poll may change, locked first in id order (so concurrent polls cannot deadlock): those
    // of the deceased members and of the persons whose applied death records are revoked here
    Set<String> changing = new LinkedHashSet<>(deceased);
    batch.forEach(e -> {
      DeathRecordState applied = records.get(e.deathRecordId());
      if (e instanceof DeathRecordRevoked && applied != null && !applied.revoked()
          && applied.nationalIdNumber() != null) {
        changing.add(applied.nationalIdNumber());
      }
    });
    Map<String, Long> householdOfMember = households.lockHouseholdsOfMembers(changing);
    Set<String> members = householdOfMember.keySet();
    Map<DeathRuleParticipant, Set<String>> beneficiaries = new LinkedHashMap<>();
    participants.orderedStream().forEach(p -> beneficiaries.put(p, p.beneficiariesAmong(deceased)));

    YearMonth earliest = batch.stream().filter(PersonDeceased.class::isInstance)
        .map(e -> calculator.lastPaidMonth(((PersonDeceased) e).dateOfDeath())).min(YearMonth::compareTo).orElse(null);
    Poll poll = new Poll(earliest == null ? Set.of() : rolls.townshipsWithRollsAfter(earliest), householdOfMember);
    readPlainDeaths(batch, processed, records, beneficiaries, poll);
    List<NewProcessedEvent> newEvents = poll.newEvents;
    List<NewDeathRecord> newRecords = poll.newRecords;
    for (DeathEvent event : batch) {
      if (!processed.add(event.eventId())) {
        log.debug("Event {} already processed", event.eventId());
        continue;
      }
      DeathRecordState state = records.get(event.deathRecordId());
      if (event instanceof PersonDeceased death) {
        newEvents.add(new NewProcessedEvent(death.eventId(), PERSON_DECEASED));
        if (state != null) {
          continue; // applied or revoked before: the event changes nothing
        }
        YearMonth lastPaid = calculator.lastPaidMonth(death.dateOfDeath());
        newRecords.add(new NewDeathRecord(death.deathRecordId(), death.nationalIdNumber(), death.dateOfDeath(),
            lastPaid, false));
        records.put(death.deathRecordId(), new DeathRecordState(death.deathRecordId(), death.nationalIdNumber(),
            lastPaid, false));
        List<DeathRuleParticipant> concerned = beneficiaries.entrySet().stream()
            .filter(e -> e.getValue().contains(death.nationalIdNumber())).map(Map.Entry::getKey).toList();
        boolean member = members.contains(death.nationalIdNumber());
        if (member || !concerned.isEmpty()) {
          stopBenefits(death, lastPaid, concerned, member, poll);
        }
      } else if (event instanceof DeathRecordRevoked revocation) {
        if (state == null) {
          newEvents.add(new NewProcessedEvent(revocation.eventId(), DEATH_RECORD_REVOKED));
          newRecords.add(new NewDeathRecord(revocation.deathRecordId(), null, null, null, true));
          records.put(revocation.deathRecordId(), new DeathRecordState(revocation.deathRecordId(), null, null, true));
        } else if (state.revoked()) {
          newEvents.add(new NewProcessedEvent(revocation.eventId(), DEATH_RECORD_REVOKED));
        } else {
          // rare: the full path reads the death record's row, which may still be waiting in newRecords
          poll.flush();
          revoke(revocation);
          records.put(revocation.deathRecordId(), new DeathRecordState(state.deathRecordId(),
              state.nationalIdNumber(), state.lastPaidMonth(), true));
        }
      }
    }
    poll.flush();
  }

  /**
   * What a poll (or one event) has still to write, in batches, before its commit: {@code processed_event},
   * {@code death_record} and {@code benefit_change} rows in the order they were made, and the terminations'
   * outbox rows; and the townships that have an allowance roll after the poll's earliest last paid month (rolls are
   * not made or sent by the death rule, so the set holds through the poll).
   */
  private final class Poll {
    final Set<String> townshipsWithRolls;
    /** The household of each deceased member, locked by the poll ({@link HouseholdRepository#lockHouseholdsOfMembers}). */
    final Map<String, Long> householdOfMember;
    final List<NewProcessedEvent> newEvents = new ArrayList<>();
    final List<NewDeathRecord> newRecords = new ArrayList<>();
    final List<DeathEventRepository.NewChange> changes = new ArrayList<>();
    final List<BenefitTerminated> terminations = new ArrayList<>();
    /** The plain deaths ({@link #readPlainDeaths}) by household, until applied, with what was read for them. */
    final Map<Long, PersonDeceased> plainDeaths = new HashMap<>();
    final Map<Long, Household> plainHouseholds = new HashMap<>();
    final Map<Long, Allowance> plainAllowances = new HashMap<>();
    /** The plain deaths' roll corrections; null if none of their townships has a roll after their deaths. */
    UnsentRollCorrections rollCorrections;
    final List<HouseholdRepository.DeceasedMember> deceasedMembers = new ArrayList<>();
    final List<HouseholdRepository.Termination> endedAllowances = new ArrayList<>();
    final List<HouseholdRepository.DeathAmount> deathAmounts = new ArrayList<>();
    final List<HouseholdRepository.HeadRequired> headsRequired = new ArrayList<>();
    private final Map<Area, Map<YearMonth, BigDecimal>> standards = new EnumMap<>(Area.class);

    Poll(Set<String> townshipsWithRolls, Map<String, Long> householdOfMember) {
      this.townshipsWithRolls = townshipsWithRolls;
      this.householdOfMember = householdOfMember;
    }

    /** The allowance standard of an area in force in a month ({@link AllowanceCalculator#standard}), read once. */
    BigDecimal standard(Area area, YearMonth month) {
      return standards.computeIfAbsent(area, a -> new HashMap<>())
          .computeIfAbsent(month, m -> calculator.standard(area, m));
    }

    void flush() {
      households.markDeceased(deceasedMembers);
      households.terminate(endedAllowances);
      households.insertAmounts(deathAmounts);
      households.requireHeads(headsRequired);
      if (rollCorrections != null) {
        rollCorrections.write();
      }
      deceasedMembers.clear();
      endedAllowances.clear();
      deathAmounts.clear();
      headsRequired.clear();
      events.insertProcessed(newEvents);
      events.insertDeathRecords(newRecords);
      events.insertChanges(changes);
      outbox.appendTerminations(terminations);
      newEvents.clear();
      newRecords.clear();
      changes.clear();
      terminations.clear();
    }
  }

  private static void record(Changes changes, List<RollCorrection> corrections) {
    corrections.forEach(c -> changes.add(ChangeType.ROLL_LINE_CORRECTED, "unsent roll " + c.month() + ": "
        + c.before() + " -> " + c.after() + " yuan"));
  }

  /** The changes of one event to one household. */
  private final class Changes {
    private final long householdId;
    private final String nationalIdNumber;
    private final long deathRecordId;
    private final UUID eventId;
    private final List<DeathEventRepository.NewChange> pending;

    /** {@code pending}: where the rows wait for a batch insert; null: each is inserted at once. */
    Changes(long householdId, String nationalIdNumber, long deathRecordId, UUID eventId,
        List<DeathEventRepository.NewChange> pending) {
      this.householdId = householdId;
      this.nationalIdNumber = nationalIdNumber;
      this.deathRecordId = deathRecordId;
      this.eventId = eventId;
      this.pending = pending;
    }

    void add(ChangeType type, String detail) {
      if (pending == null) {
        events.insertChange(householdId, nationalIdNumber, deathRecordId, eventId, type, detail);
      } else {
        pending.add(new DeathEventRepository.NewChange(householdId, nationalIdNumber, deathRecordId, eventId, type,
            detail));
      }
    }
  }
}
