package gov.civilaffairs.eldercare.death;

import java.time.Instant;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.civilaffairs.eldercare.allowance.OldAgeAllowance;
import gov.civilaffairs.eldercare.allowance.OldAgeAllowances;
import gov.civilaffairs.eldercare.card.Card;
import gov.civilaffairs.eldercare.card.CardKind;
import gov.civilaffairs.eldercare.card.Cards;
import gov.civilaffairs.eldercare.death.BenefitChange.Benefit;
import gov.civilaffairs.eldercare.death.BenefitChange.Change;
import gov.civilaffairs.eldercare.death.DeathEventRepository.DeathRecordState;
import gov.civilaffairs.eldercare.homecare.HomeCare;
import gov.civilaffairs.eldercare.homecare.HomeCareOrder;
import gov.civilaffairs.eldercare.institution.Residence;
import gov.civilaffairs.eldercare.institution.Residences;
import gov.civilaffairs.eldercare.person.ElderlyPerson;
import gov.civilaffairs.eldercare.person.ElderlyPersonStatus;
import gov.civilaffairs.eldercare.person.ElderlyPersons;
import gov.civilaffairs.eldercare.person.PersonDeath;
import gov.civilaffairs.platform.time.BureauClock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The eldercare side of the death rule (DOMAIN.md, death rule 5 and 7): on a confirmed death both cards are
 * revoked, the transit-card system is told, the old-age allowance stops after its last month paid, a
 * care-institution residence ends and open home-care orders are cancelled; on the revocation of the death record
 * all of it is restored, the allowance with arrears.
 *
 * <p>Exactly once: each event is recorded in {@code processed_event} in the same transaction as its effect, so
 * a second delivery changes nothing; a death record once revoked is never applied again, so a replay of its
 * person-deceased event after the revocation changes nothing either. Every change is recorded with the death
 * record and the event that caused it ({@link BenefitChange}).
 *
 * <p>Batches (issue 4): {@link #applyAll} applies a whole poll of events in the caller's one transaction with
 * the effect of applying them one by one in order, but reads what the poll needs in three queries (events
 * applied before, death records held, persons registered), applies the deaths of registered persons set-wise
 * (a constant number of statements per poll, not per death: one query and one write per table for all their
 * persons) and writes the poll's {@code processed_event} rows, revoked records and benefit changes in JDBC
 * batches; only the revocation of an applied death record takes the one-event path. The one-event methods
 * {@link #apply(PersonDeceased)} and {@link #apply(DeathRecordRevoked)} stay: they are the platform's fallback
 * after a failed poll.
 */
@Service
public class DeathFlow {

  static final String PERSON_DECEASED = "gov.civilaffairs.registry.person-deceased.v1";
  static final String DEATH_RECORD_REVOKED = "gov.civilaffairs.registry.death-record-revoked.v1";

  private static final Logger log = LoggerFactory.getLogger(DeathFlow.class);

  private final DeathEventRepository repository;
  private final ElderlyPersons persons;
  private final Cards cards;
  private final OldAgeAllowances allowances;
  private final BureauClock clock;
  private final Residences residences;
  private final HomeCare homeCare;

  DeathFlow(DeathEventRepository repository, ElderlyPersons persons, Cards cards, OldAgeAllowances allowances,
      BureauClock clock, Residences residences, HomeCare homeCare) {
    this.residences = residences;
    this.homeCare = homeCare;
    this.repository = repository;
    this.persons = persons;
    this.cards = cards;
    this.allowances = allowances;
    this.clock = clock;
  }

  /**
   * Applies the events of one poll in their order, in the caller's transaction, with the same effect as
   * {@link #apply(PersonDeceased)} and {@link #apply(DeathRecordRevoked)} called one by one: an event applied
   * before (in an earlier poll or earlier in this list) changes nothing; a death whose record is already held
   * here, or whose person is not registered here, is only recorded as processed; a death of a person already
   * deceased (by another record) is recorded as processed and not applied; a revocation of a record not applied
   * here is recorded as processed and its record remembered as revoked.
   *
   * <p>Set-wise (issue 4): the deaths of registered persons are gathered and applied together, with a constant
   * number of statements whatever their number (one query per table for all their persons, one UPDATE per table,
   * multi-row INSERTs; see {@link #applyTogether}). Deaths applied together concern distinct persons and distinct
   * death records, so applying them together equals applying them one after the other; a death of a person (or
   * of a record) already gathered, and a revocation of a gathered record, first apply the deaths gathered so far.
   * The revocation of an applied record takes the one-event path after the batched writes before it are flushed,
   * so it sees exactly the state the one-by-one application would show it.
   *
   * @param events in the order of the topic's partitions (per person), possibly with repeated event ids
   * @throws RuntimeException (a data-access exception) if any write fails; the caller's transaction then rolls
   *     back the whole list
   */
  @Transactional
  void applyAll(List<? extends DeathEvent> events) {
    Set<UUID> seen = new HashSet<>(repository.processedAmong(
        events.stream().map(DeathEvent::eventId).collect(Collectors.toSet())));
    Map<Long, DeathRecordState> states = new HashMap<>(repository.statesOf(
        events.stream().map(DeathEvent::deathRecordId).collect(Collectors.toSet())));
    Set<String> deceasedIdNumbers = new LinkedHashSet<>();
    for (DeathEvent event : events) {
      if (event instanceof PersonDeceased deceased) {
        deceasedIdNumbers.add(deceased.nationalIdNumber());
      }
    }
    Poll poll = new Poll(states, clock.now());
    poll.read(persons.withIdNumbers(deceasedIdNumbers));
    for (DeathEvent event : events) {
      if (!seen.add(event.eventId())) {
        log.debug("Event {} already applied", event.eventId());
        continue;
      }
      if (event instanceof PersonDeceased deceased) {
        String person = matchable(deceased.nationalIdNumber());
        if (poll.gathered.containsKey(person) || poll.gatheredRecords.contains(event.deathRecordId())) {
          applyTogether(poll);
        }
        poll.processed.add(new SimpleImmutableEntry<>(event.eventId(), PERSON_DECEASED));
        if (states.get(event.deathRecordId()) == null && poll.registered.containsKey(person)) {
          // known not applied and its record not held here (the poll's queries and the states followed in
          // memory): applied with the others gathered, its benefit changes joining the poll's batches
          poll.gathered.put(person, deceased);
          poll.gatheredRecords.add(event.deathRecordId());
        }
        continue;
      }
      if (poll.gatheredRecords.contains(event.deathRecordId())) {
        applyTogether(poll);
      }
      if (states.get(event.deathRecordId()) == DeathRecordState.APPLIED) {
        // the revocation of a record applied here reads and restores what the batches hold: write them first
        applyTogether(poll);
        flush(poll);
        apply((DeathRecordRevoked) event);
        repository.stateOf(event.deathRecordId()).ifPresentOrElse(
            after -> states.put(event.deathRecordId(), after), () -> states.remove(event.deathRecordId()));
        // it made a person living again: read the poll's persons again
        poll.read(persons.withIdNumbers(deceasedIdNumbers));
      } else {
        poll.processed.add(new SimpleImmutableEntry<>(event.eventId(), DEATH_RECORD_REVOKED));
        poll.revoked.add(event.deathRecordId());
        states.put(event.deathRecordId(), DeathRecordState.REVOKED);
      }
    }
    applyTogether(poll);
    flush(poll);
  }

  /**
   * What {@link #applyAll} follows in memory through a poll: the states of death records, the poll's registered
   * persons (status as read, then as changed by the deaths applied together), the deaths gathered to be applied
   * together (at most one per person and per death record) and the rows to write in batches.
   */
  private static final class Poll {
    final Map<Long, DeathRecordState> states;
    final Instant now;
    final Map<String, ElderlyPerson> registered = new HashMap<>();
    final Map<String, PersonDeceased> gathered = new LinkedHashMap<>();
    final Set<Long> gatheredRecords = new HashSet<>();
    final List<Map.Entry<UUID, String>> processed = new ArrayList<>();
    final Set<Long> revoked = new LinkedHashSet<>();
    final List<DeathEventRepository.PersonChange> changes = new ArrayList<>();

    Poll(Map<Long, DeathRecordState> states, Instant now) {
      this.states = states;
      this.now = now;
    }

    void read(List<ElderlyPerson> persons) {
      registered.clear();
      persons.forEach(person -> registered.put(matchable(person.nationalIdNumber()), person));
    }
  }

  /**
   * Applies the deaths gathered, of distinct persons and death records none of which is held here, as
   * {@link #applyDeath} applies each: a person already deceased is skipped (the death is not applied); for the
   * others the death records are held as APPLIED and the persons made DECEASED (one statement each), then each
   * feature ends its benefits for all of them at once (cards, allowance with its rolls and claims, residence,
   * home-care orders: one query per table and one write each), rows locked in id order so that the consumer
   * threads of other partitions cannot deadlock with this one. The benefit changes join the poll's batch person by
   * person in the order gathered, each person's in the order {@link #applyDeath} makes them.
   */
  private void applyTogether(Poll poll) {
    List<PersonDeceased> events = new ArrayList<>();
    List<PersonDeath> deaths = new ArrayList<>();
    poll.gathered.forEach((idNumber, event) -> {
      ElderlyPerson person = poll.registered.get(idNumber);
      if (person.status() == ElderlyPersonStatus.DECEASED) {
        log.warn("Death record {} names person {} who is already deceased by another record; not applied",
            event.deathRecordId(), person.id());
        return;
      }
      events.add(event);
      deaths.add(new PersonDeath(person, event.deathRecordId(), event.dateOfDeath()));
      poll.registered.put(idNumber, new ElderlyPerson(person.id(), person.nationalIdNumber(), person.name(),
          person.birthDate(), person.regionCode(), ElderlyPersonStatus.DECEASED));
      poll.states.put(event.deathRecordId(), DeathRecordState.APPLIED);
    });
    poll.gathered.clear();
    poll.gatheredRecords.clear();
    if (deaths.isEmpty()) {
      return;
    }
    repository.insertAllApplied(deaths);
    persons.changeStatus(deaths.stream().map(PersonDeath::person).toList(), ElderlyPersonStatus.DECEASED);
    Map<Long, List<Card>> revokedCards = cards.revokeForDeaths(deaths);
    Map<Long, OldAgeAllowance> stopped = allowances.stopForDeaths(deaths);
    Map<Long, Residence> ended = residences.endForDeaths(deaths);
    Map<Long, List<HomeCareOrder>> cancelled = homeCare.cancelForDeaths(deaths);
    Instant now = clock.now();
    for (int i = 0; i < deaths.size(); i++) {
      long person = deaths.get(i).person().id();
      addChanges(deaths.get(i).person(), events.get(i), now, revokedCards.getOrDefault(person, List.of()),
          Optional.ofNullable(stopped.get(person)), Optional.ofNullable(ended.get(person)),
          cancelled.getOrDefault(person, List.of()), poll.changes);
    }
  }

  /** Writes (and empties) the batched rows: events applied, records remembered as revoked, benefit changes. */
  private void flush(Poll poll) {
    if (!poll.changes.isEmpty()) {
      repository.insertChanges(poll.changes);
      poll.changes.clear();
    }
    if (!poll.processed.isEmpty()) {
      repository.markAllProcessed(poll.processed, poll.now);
      poll.processed.clear();
    }
    if (!poll.revoked.isEmpty()) {
      repository.markAllRevoked(poll.revoked);
      poll.revoked.clear();
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
   * Applies a confirmed death to the person with its national ID number, if registered here and not already
   * deceased, unless the event was applied before or its death record was revoked.
   */
  @Transactional
  void apply(PersonDeceased event) {
    if (repository.isProcessed(event.eventId())) {
      log.debug("Event {} already applied", event.eventId());
      return;
    }
    repository.markProcessed(event.eventId(), PERSON_DECEASED, clock.now());
    Optional<DeathRecordState> state = repository.stateOf(event.deathRecordId());
    if (state.isPresent()) {
      log.info("Death record {} is already {} here; event {} changes nothing", event.deathRecordId(),
          state.get(), event.eventId());
      return;
    }
    List<DeathEventRepository.PersonChange> changes = new ArrayList<>();
    applyDeath(event, changes);
    repository.insertChanges(changes);
  }

  /**
   * The death's effects on the elderly person with its national ID number, for a death record not held here:
   * cards revoked, allowance stopped, residence ended, home-care orders cancelled, the record held as APPLIED.
   * Neither reads nor writes {@code processed_event}; the benefit changes are added to {@code changes} in the
   * order made, for the caller to write.
   *
   * @return whether the death was applied: false if nobody here has the ID number or the person is already
   *     deceased by another record (then nothing is changed)
   */
  private boolean applyDeath(PersonDeceased event, List<DeathEventRepository.PersonChange> changes) {
    Optional<ElderlyPerson> found = persons.find(event.nationalIdNumber());
    if (found.isEmpty()) {
      log.debug("Death record {} is of no elderly person registered here", event.deathRecordId());
      return false;
    }
    ElderlyPerson person = found.get();
    if (person.status() == ElderlyPersonStatus.DECEASED) {
      log.warn("Death record {} names person {} who is already deceased by another record; not applied",
          event.deathRecordId(), person.id());
      return false;
    }
    repository.insertApplied(event.deathRecordId(), person.id(), event.dateOfDeath());
    persons.changeStatus(person, ElderlyPersonStatus.DECEASED);
    List<Card> revokedCards = cards.revokeForDeath(person, event.deathRecordId());
    Optional<OldAgeAllowance> stopped = allowances.stopForDeath(person, event.deathRecordId(), event.dateOfDeath());
    Optional<Residence> ended = residences.endForDeath(person, event.deathRecordId(), event.dateOfDeath());
    List<HomeCareOrder> cancelled = homeCare.cancelForDeath(person, event.deathRecordId());
    addChanges(person, event, clock.now(), revokedCards, stopped, ended, cancelled, changes);
    return true;
  }

  /**
   * The benefit changes of a death applied, added to {@code changes} in this order: each card revoked (in order
   * of issue), the allowance stopped, the residence ended, each home-care order cancelled (in id order).
   */
  private static void addChanges(ElderlyPerson person, PersonDeceased event, Instant now, List<Card> revokedCards,
      Optional<OldAgeAllowance> stopped, Optional<Residence> ended, List<HomeCareOrder> cancelled,
      List<DeathEventRepository.PersonChange> changes) {
    for (Card card : revokedCards) {
      changes.add(change(person, event.eventId(), event.deathRecordId(), now, benefitOf(card), Change.REVOKED,
          "card " + card.cardNumber() + " revoked" + (card.kind() == CardKind.TRANSIT_CARD
              ? "; transit-card system notified" : "")));
    }
    stopped.ifPresent(allowance ->
        changes.add(change(person, event.eventId(), event.deathRecordId(), now, Benefit.OLD_AGE_ALLOWANCE,
            Change.STOPPED, "last month paid " + allowance.endMonth() + " (died " + event.dateOfDeath() + ")")));
    ended.ifPresent(residence ->
        changes.add(change(person, event.eventId(), event.deathRecordId(), now, Benefit.RESIDENCE, Change.ENDED,
            "residence " + residence.id() + " in institution " + residence.institutionId() + " ended on "
                + event.dateOfDeath())));
    for (HomeCareOrder order : cancelled) {
      changes.add(change(person, event.eventId(), event.deathRecordId(), now, Benefit.HOME_CARE_ORDER,
          Change.CANCELLED, "home-care order " + order.id() + " (" + order.serviceType() + ") cancelled"));
    }
  }

  /**
   * Restores what the death record took away, unless the event was applied before. The record is remembered
   * as revoked even if it was never applied here, so that its person-deceased event is never applied later.
   */
  @Transactional
  void apply(DeathRecordRevoked event) {
    if (repository.isProcessed(event.eventId())) {
      log.debug("Event {} already applied", event.eventId());
      return;
    }
    repository.markProcessed(event.eventId(), DEATH_RECORD_REVOKED, clock.now());
    boolean applied = repository.stateOf(event.deathRecordId()).filter(DeathRecordState.APPLIED::equals).isPresent();
    Optional<Long> personId = repository.personOf(event.deathRecordId());
    repository.markRevoked(event.deathRecordId());
    if (!applied || personId.isEmpty()) {
      log.debug("Death record {} was not applied here; remembered as revoked", event.deathRecordId());
      return;
    }
    ElderlyPerson person = persons.byId(personId.get());
    persons.changeStatus(person, ElderlyPersonStatus.LIVING);
    Instant now = clock.now();
    for (Card card : cards.reinstateAfterRevocation(person, event.deathRecordId())) {
      record(person, event.eventId(), event.deathRecordId(), now, benefitOf(card), Change.REINSTATED,
          "card " + card.cardNumber() + " re-instated" + (card.kind() == CardKind.TRANSIT_CARD
              ? "; transit-card system notified" : ""));
    }
    allowances.resumeAfterRevocation(person, event.deathRecordId()).ifPresent(resumption ->
        record(person, event.eventId(), event.deathRecordId(), now, Benefit.OLD_AGE_ALLOWANCE, Change.RESUMED,
            "resumed at " + resumption.allowance().monthlyAmount() + " a month; arrears "
                + resumption.totalArrears() + " for " + resumption.arrears().size() + " month(s)"));
    residences.restoreAfterRevocation(person, event.deathRecordId()).ifPresent(residence ->
        record(person, event.eventId(), event.deathRecordId(), now, Benefit.RESIDENCE, Change.REOPENED,
            "residence " + residence.id() + " in institution " + residence.institutionId() + " re-opened"));
    for (HomeCareOrder order : homeCare.reopenAfterRevocation(person, event.deathRecordId())) {
      record(person, event.eventId(), event.deathRecordId(), now, Benefit.HOME_CARE_ORDER, Change.REOPENED,
          "home-care order " + order.id() + " (" + order.serviceType() + ") re-opened");
    }
  }

  /** The changes death records caused to the person's benefits, oldest first. */
  public List<BenefitChange> changesOf(ElderlyPerson person) {
    return repository.changesOf(person.id());
  }

  private void record(ElderlyPerson person, UUID eventId, long deathRecordId, Instant now, Benefit benefit,
      Change change, String detail) {
    repository.insertChange(person.id(), new BenefitChange(benefit, change, detail, deathRecordId, eventId, now));
  }

  private static DeathEventRepository.PersonChange change(ElderlyPerson person, UUID eventId, long deathRecordId,
      Instant now, Benefit benefit, Change change, String detail) {
    return new DeathEventRepository.PersonChange(person.id(),
        new BenefitChange(benefit, change, detail, deathRecordId, eventId, now));
  }

  private static Benefit benefitOf(Card card) {
    return card.kind() == CardKind.TRANSIT_CARD ? Benefit.TRANSIT_CARD : Benefit.ELDERLY_CARD;
  }
}
