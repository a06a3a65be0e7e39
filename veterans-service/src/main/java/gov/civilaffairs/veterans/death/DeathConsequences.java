package gov.civilaffairs.veterans.death;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.veterans.death.DeathEffectsRepository.DeathRecordState;
import gov.civilaffairs.veterans.events.PensionTerminated;
import gov.civilaffairs.veterans.events.SurvivorBenefitGranted;
import gov.civilaffairs.veterans.events.VeteransEvents;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.EntitledPersonDeathRevoked;
import gov.civilaffairs.veterans.person.EntitledPersonDied;
import gov.civilaffairs.veterans.person.EntitledPersons;
import gov.civilaffairs.veterans.person.PensionStatus;
import gov.civilaffairs.veterans.person.PeriodicPension;
import gov.civilaffairs.veterans.person.PersonPension;
import gov.civilaffairs.veterans.person.PersonStatus;
import gov.civilaffairs.veterans.standard.PensionAmounts;
import gov.civilaffairs.veterans.standard.PensionStandards;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the registry's death events to entitled persons (DOMAIN.md, "The death rule", points 6 and 7),
 * exactly once: each event is recorded in {@code processed_event} in the same transaction as its
 * effect, and a death record once revoked is never applied again, even if its person-deceased event is
 * delivered again later. Every change is recorded with the death record and event that caused it.
 * Each pension stopped raises {@link PensionTerminated} and each funeral subsidy or one-off pension
 * {@link SurvivorBenefitGranted}, in the same transaction ({@link VeteransEvents}: they leave through the platform's
 * event outbox, ADR 0008); the death itself
 * raises {@link EntitledPersonDied} and its revocation {@link EntitledPersonDeathRevoked}, inside the service
 * only (certificates are revoked and restored on them).
 *
 * <p>Batches (issue 4): {@link #applyAll} applies a whole poll of events in the caller's one transaction with
 * the effect of applying them one by one in order, but reads what the poll needs in three queries (events
 * processed before, death records held, persons registered) and writes the events that concern nobody here in
 * two JDBC batches; only an event about a registered person or an applied death record takes the one-event
 * path ({@link #apply}, {@link #revoke}).
 */
@Service
class DeathConsequences {

  private static final Logger log = LoggerFactory.getLogger(DeathConsequences.class);

  private final EntitledPersons persons;
  private final DeathEffectsRepository effects;
  private final DeathRules rules;
  private final BureauClock clock;
  private final ApplicationEventPublisher events;
  private final VeteransEvents veteransEvents;
  private final PensionStandards standards;

  DeathConsequences(EntitledPersons persons, DeathEffectsRepository effects, DeathRules rules, BureauClock clock,
      ApplicationEventPublisher events, VeteransEvents veteransEvents, PensionStandards standards) {
    this.veteransEvents = veteransEvents;
    this.standards = standards;
    this.persons = persons;
    this.effects = effects;
    this.rules = rules;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Applies the events of one poll in their order, in the caller's transaction, with the same effect as
   * {@link #apply} and {@link #revoke} called one by one: an event processed before (in an earlier poll or
   * earlier in this list) changes nothing; a death whose record is already held here, or whose person is not
   * registered here, is only recorded as processed; a revocation of a record not applied here is recorded as
   * processed and the record remembered as revoked. These are written in JDBC batches; every other event (a
   * death of a registered person, the revocation of an applied record) takes the one-event path, after the
   * batched writes before it are flushed, so it sees exactly the state the one-by-one application would show it.
   *
   * @param events in the order of the topic's partitions (per person), possibly with repeated event ids
   * @throws RuntimeException (a data-access exception) if any write fails; the caller's transaction then rolls
   *     back the whole list
   */
  @Transactional
  public void applyAll(List<? extends DeathEvent> events) {
    Set<UUID> seen = new HashSet<>(effects.processedAmong(
        events.stream().map(DeathEvent::eventId).collect(Collectors.toSet())));
    Map<Long, DeathRecordStatus> statuses = new HashMap<>(effects.statusesOf(
        events.stream().map(DeathEvent::deathRecordId).collect(Collectors.toSet())));
    Set<String> deceasedIdNumbers = new LinkedHashSet<>();
    for (DeathEvent event : events) {
      if (event instanceof PersonDeceased death) {
        deceasedIdNumbers.add(death.nationalIdNumber());
      }
    }
    Set<String> registered = new HashSet<>();
    persons.registeredAmong(deceasedIdNumbers).forEach(number -> registered.add(matchable(number)));
    Instant now = clock.now();
    List<Map.Entry<UUID, String>> processed = new ArrayList<>();
    Set<Long> revoked = new LinkedHashSet<>();
    for (DeathEvent event : events) {
      if (!seen.add(event.eventId())) {
        log.debug("Event {} already processed", event.eventId());
        continue;
      }
      DeathRecordStatus status = statuses.get(event.deathRecordId());
      boolean concernsSomeoneHere = event instanceof PersonDeceased death
          ? status == null && registered.contains(matchable(death.nationalIdNumber()))
          : status == DeathRecordStatus.APPLIED;
      if (concernsSomeoneHere) {
        flush(processed, revoked, now);
        if (event instanceof PersonDeceased death) {
          apply(death);
        } else {
          revoke((DeathRecordRevoked) event);
        }
        effects.findDeathRecord(event.deathRecordId()).ifPresentOrElse(
            after -> statuses.put(event.deathRecordId(), after.status()),
            () -> statuses.remove(event.deathRecordId()));
      } else if (event instanceof DeathRecordRevoked) {
        processed.add(new SimpleImmutableEntry<>(event.eventId(), DeathRecordRevoked.TYPE));
        revoked.add(event.deathRecordId());
        statuses.put(event.deathRecordId(), DeathRecordStatus.REVOKED);
      } else {
        processed.add(new SimpleImmutableEntry<>(event.eventId(), PersonDeceased.TYPE));
      }
    }
    flush(processed, revoked, now);
  }

  /** Writes (and empties) the batched rows of events that concern nobody here. */
  private void flush(List<Map.Entry<UUID, String>> processed, Set<Long> revoked, Instant now) {
    if (!processed.isEmpty()) {
      effects.markAllProcessed(processed, now);
      processed.clear();
    }
    if (!revoked.isEmpty()) {
      effects.markAllRevoked(revoked, now);
      revoked.clear();
    }
  }

  /**
   * An ID number as the {@code national_id_number} column compares it (utf8mb4_unicode_ci: the case of
   * {@code x} and trailing spaces do not count).
   */
  private static String matchable(String nationalIdNumber) {
    return nationalIdNumber.stripTrailing().toUpperCase(Locale.ROOT);
  }

  /**
   * A confirmed death: stops the person's pensions after the month rule, grants the funeral subsidy (from the
   * pension standard in force in the month of death) and
   * one-off pension of their category, and opens a survivor-pension review where the policy says so.
   * Nothing happens for a person this service does not know, a record already applied or revoked, or an
   * event already processed.
   */
  @Transactional
  public void apply(PersonDeceased death) {
    if (effects.isProcessed(death.eventId())) {
      log.debug("Event {} already processed", death.eventId());
      return;
    }
    Instant now = clock.now();
    Optional<DeathRecordState> known = effects.findDeathRecord(death.deathRecordId());
    Optional<EntitledPerson> found = persons.lockByNationalIdNumber(death.nationalIdNumber());
    if (known.isPresent()) {
      log.info("Death record {} is already {}: event {} changes nothing", death.deathRecordId(),
          known.get().status(), death.eventId());
    } else if (found.isEmpty()) {
      log.debug("Death record {} concerns no entitled person", death.deathRecordId());
    } else if (found.get().status() == PersonStatus.DECEASED) {
      log.warn("Entitled person {} is already deceased by another death record; death record {} is not applied",
          found.get().id(), death.deathRecordId());
    } else {
      applyTo(found.get(), death, now);
    }
    effects.markProcessed(death.eventId(), PersonDeceased.TYPE, now);
  }

  private void applyTo(EntitledPerson person, PersonDeceased death, Instant now) {
    Changes changes = new Changes(person.id(), death.deathRecordId(), death.eventId(), now);
    persons.markDeceased(person.id(), death.dateOfDeath());
    YearMonth lastPaid = rules.lastPaidMonth(death.dateOfDeath());
    // The pension the person received when they died: the standard in force in the month of death.
    List<PeriodicPension> received = persons.pensionsOf(person.id()).stream()
        .filter(pension -> pension.status() == PensionStatus.ACTIVE).toList();
    PensionAtDeath atDeath = PensionAtDeath.of(standards.amounts(), person, received,
        YearMonth.from(death.dateOfDeath()));
    for (PeriodicPension pension : received) {
      persons.stopPension(pension.id(), lastPaid, death.deathRecordId());
      changes.record(ChangeType.PENSION_STOPPED, "PENSION", pension.id(), null,
          pension.kind() + " paid through " + lastPaid + " (date of death " + death.dateOfDeath() + ")");
      veteransEvents.pensionTerminated(new PensionTerminated(UUID.randomUUID(), person.id(), pension.id(), pension.kind(),
          PensionTerminated.DEATH, death.deathRecordId(), lastPaid, now));
    }
    rules.funeralSubsidy(person, atDeath.monthlyAmount(), atDeath.basis())
        .ifPresent(award -> grantToSurvivors(changes, GrantKind.FUNERAL_SUBSIDY, award));
    rules.oneOffPension(person).ifPresent(award -> grantToSurvivors(changes, GrantKind.ONE_OFF_PENSION, award));
    if (rules.opensSurvivorReview(person)) {
      long task = effects.openTask(person.id(), death.deathRecordId(), CaseworkerTask.SURVIVOR_PENSION_REVIEW, now);
      changes.record(ChangeType.CASEWORKER_TASK_OPENED, "CASEWORKER_TASK", task, null,
          "a survivor may now qualify for a periodic pension: check and register");
    }
    effects.saveDeathRecord(death.deathRecordId(), person.id(), death.dateOfDeath(), DeathRecordStatus.APPLIED, now);
    events.publishEvent(new EntitledPersonDied(person.id(), death.deathRecordId(), death.dateOfDeath()));
  }

  private long grant(Changes changes, GrantKind kind, Award award) {
    long id = effects.insertGrant(changes.personId, changes.deathRecordId, kind, award, changes.now);
    changes.record(ChangeType.GRANTED, "GRANT", id, award.amount(), kind + ": " + award.basis());
    return id;
  }

  /** Grants a benefit for the survivors and announces it (veterans.survivor-benefit-granted.v1). */
  private void grantToSurvivors(Changes changes, GrantKind kind, Award award) {
    long id = grant(changes, kind, award);
    veteransEvents.survivorBenefitGranted(new SurvivorBenefitGranted(UUID.randomUUID(), changes.personId, id, changes.deathRecordId,
        kind.name(), award.amount(), award.basis(), changes.now));
  }

  /**
   * A revoked death record: the person is living again, pensions stopped by the record resume with
   * arrears for the missed months (each at the standard in force that month), unpaid grants of the record are withdrawn and paid ones become
   * recovery claims, open caseworker tasks are closed, and a survivor-pension review already completed with a
   * survivor registered opens a withdrawal review for the caseworker. A record never applied is remembered as revoked
   * so that a later delivery of its person-deceased event changes nothing.
   */
  @Transactional
  public void revoke(DeathRecordRevoked revocation) {
    if (effects.isProcessed(revocation.eventId())) {
      log.debug("Event {} already processed", revocation.eventId());
      return;
    }
    Instant now = clock.now();
    Optional<DeathRecordState> known = effects.findDeathRecord(revocation.deathRecordId());
    if (known.isPresent() && known.get().status() == DeathRecordStatus.APPLIED) {
      restore(known.get().entitledPersonId(), revocation, now);
    }
    effects.saveDeathRecord(revocation.deathRecordId(), known.map(DeathRecordState::entitledPersonId).orElse(null),
        null, DeathRecordStatus.REVOKED, now);
    effects.markProcessed(revocation.eventId(), DeathRecordRevoked.TYPE, now);
  }

  private void restore(long personId, DeathRecordRevoked revocation, Instant now) {
    Changes changes = new Changes(personId, revocation.deathRecordId(), revocation.eventId(), now);
    persons.markLiving(personId);
    EntitledPerson person = persons.require(personId);
    PensionAmounts amounts = standards.amounts();
    for (PeriodicPension pension : persons.pensionsOf(personId)) {
      if (pension.status() == PensionStatus.STOPPED
          && Long.valueOf(revocation.deathRecordId()).equals(pension.stoppedByDeathRecordId())) {
        persons.resumePension(pension.id());
        changes.record(ChangeType.PENSION_RESUMED, "PENSION", pension.id(), null,
            pension.kind() + " resumed after " + pension.paidThroughMonth());
        PersonPension resumed = new PersonPension(person, persons.pensionsOf(personId).stream()
            .filter(p -> p.id() == pension.id()).findFirst().orElseThrow());
        DeathRules.arrears(pension, pension.paidThroughMonth(), clock.currentMonth(),
                month -> amounts.dueFor(resumed, month))
            .ifPresent(award -> grant(changes, GrantKind.PENSION_ARREARS, award));
      }
    }
    for (Grant grant : effects.grantsOfDeathRecord(revocation.deathRecordId())) {
      if (grant.kind() == GrantKind.PENSION_ARREARS) {
        continue;
      }
      if (grant.status() == GrantStatus.DUE) {
        effects.updateGrant(grant.id(), GrantStatus.WITHDRAWN, null);
        changes.record(ChangeType.GRANT_WITHDRAWN, "GRANT", grant.id(), grant.amount(),
            grant.kind() + " withdrawn: not yet paid");
      } else if (grant.status() == GrantStatus.PAID) {
        effects.updateGrant(grant.id(), GrantStatus.RECOVERY_CLAIM, null);
        changes.record(ChangeType.RECOVERY_CLAIM_OPENED, "GRANT", grant.id(), grant.amount(),
            grant.kind() + " already paid on " + grant.paidAt() + ": to be recovered");
      }
    }
    events.publishEvent(new EntitledPersonDeathRevoked(personId, revocation.deathRecordId()));
    List<CaseworkerTask> tasks = effects.openTasksOfDeathRecord(revocation.deathRecordId());
    for (CaseworkerTask task : tasks) {
      effects.closeTask(task.id(), now);
      changes.record(ChangeType.CASEWORKER_TASK_CLOSED, "CASEWORKER_TASK", task.id(), null,
          task.kind() + " closed: death record revoked");
    }
    for (CaseworkerTask done : effects.completedTasksOfDeathRecord(revocation.deathRecordId())) {
      if (done.outcome() == TaskOutcome.SURVIVOR_REGISTERED) {
        long task = effects.openTask(personId, revocation.deathRecordId(),
            CaseworkerTask.SURVIVOR_PENSION_WITHDRAWAL_REVIEW, now);
        changes.record(ChangeType.CASEWORKER_TASK_OPENED, "CASEWORKER_TASK", task, null, "survivor (entitled person "
            + done.survivorPersonId() + ") was registered on the strength of the revoked death: review their pension");
      }
    }
  }

  /** Writes benefit-change rows for one person, death record and event. */
  private final class Changes {
    private final long personId;
    private final long deathRecordId;
    private final UUID eventId;
    private final Instant now;

    Changes(long personId, long deathRecordId, UUID eventId, Instant now) {
      this.personId = personId;
      this.deathRecordId = deathRecordId;
      this.eventId = eventId;
      this.now = now;
    }

    void record(ChangeType type, String subject, long subjectId, BigDecimal amount, String detail) {
      effects.insertChange(personId, deathRecordId, eventId, type, subject, subjectId, amount, detail, now);
    }
  }
}
