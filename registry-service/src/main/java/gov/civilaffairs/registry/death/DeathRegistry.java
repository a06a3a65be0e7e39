package gov.civilaffairs.registry.death;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.registry.person.Person;
import gov.civilaffairs.registry.person.PersonNames;
import gov.civilaffairs.registry.person.PersonRepository;
import gov.civilaffairs.registry.person.PersonStatus;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers deaths by the death rule (DOMAIN.md): validates a report, matches it with the person
 * index, holds what disagrees, confirms by the {@link ConfirmationPolicy}, attaches later sources to
 * the same record, and publishes exactly one {@link PersonDeceased} per confirmed death and one
 * {@link DeathRecordRevoked} per revocation. Events go to the registry's outbox ({@link DeathEventOutbox},
 * ADR 0006) in the same transaction as the change.
 */
@Service
public class DeathRegistry {

  /** The result of one report: the outcome and the death record it concerns. */
  public record Registration(RegistrationOutcome outcome, long deathRecordId) {
  }

  private final DeathRecordRepository records;
  private final PersonRepository persons;
  private final ConfirmationPolicy policy;
  private final DeathEventOutbox outbox;
  private final Clock clock;

  DeathRegistry(DeathRecordRepository records, PersonRepository persons, ConfirmationPolicy policy,
      DeathEventOutbox outbox, Clock clock) {
    this.records = records;
    this.persons = persons;
    this.policy = policy;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Registers one reported death ({@link #registerAll} with one row).
   *
   * @return DUPLICATE with the existing record when this source already sent this reference;
   *     HELD_FOR_REVIEW when the person is unknown, the birth date or name disagrees, or the source
   *     does not confirm alone; ACCEPTED when the death is confirmed (one event) or attached to the
   *     person's known death (no new event)
   * @throws ProblemException 400 {@code invalid-national-id-number}, {@code invalid-date-of-death} or
   *     {@code validation-failed}, 422 {@code death-in-future} or {@code death-before-birth}, 409
   *     {@code source-reference-conflict} when the source already used this reference for another ID
   *     number; nothing is written
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public Registration register(DeathReport report) {
    NationalIdNumber id = NationalIdNumber.parse(report.nationalIdNumber(), LocalDate.now(clock));
    RowOutcome outcome = registerAll(List.of(new ReportedDeath(report, id))).get(0);
    if (outcome.problem() != null) {
      throw outcome.problem();
    }
    return outcome.registration();
  }

  /** A report with its ID number already parsed ({@link NationalIdNumber#parse(String, LocalDate)}). */
  public record ReportedDeath(DeathReport report, NationalIdNumber id) {
  }

  /** The result of one report: its registration, or the problem that rejected it (nothing written for it). */
  public record RowOutcome(Registration registration, ProblemException problem) {
  }

  /**
   * Registers reports in the caller's transaction, in their order, by the rules of {@link #register}:
   * each report gets the outcome it would get alone after the reports before it. A report that breaks a
   * rule gets its problem and writes nothing; the others are written. Run it in a READ COMMITTED
   * transaction: the persons concerned are locked first, in ID number order ({@link
   * PersonRepository#lockByNationalIdNumbers}), then everything is read in one query per kind and
   * written in JDBC batches (new records, their sources and history, persons' status), events go to the
   * outbox in report order.
   *
   * @return one outcome per report, in the same order
   */
  public List<RowOutcome> registerAll(List<ReportedDeath> reports) {
    Chunk chunk = new Chunk(reports, clock.instant());
    for (int i = 0; i < reports.size(); i++) {
      try {
        chunk.register(i);
      } catch (ProblemException e) {
        chunk.outcomes[i] = new RowOutcome(null, e);
      }
    }
    chunk.flush();
    return List.of(chunk.outcomes);
  }

  /** The state of one {@link #registerAll}: what is known, and the new records not yet written. */
  private final class Chunk {

    private final List<ReportedDeath> reports;
    private final Instant now;
    private final RowOutcome[] outcomes;
    private final Map<String, Person> indexed = new HashMap<>();
    private final Map<DeathRecordRepository.SourceKey, Long> known;
    private final Map<Long, DeathRecord> openByPerson;
    private final Map<Long, String> idNumberOfRecord = new HashMap<>();
    /** Not written yet: new records (with the index of their report), looked up by source and by person. */
    private final List<Integer> pendingRows = new ArrayList<>();
    private final List<DeathRecordRepository.NewRecord> pending = new ArrayList<>();
    private final Set<DeathRecordRepository.SourceKey> pendingKeys = new HashSet<>();
    private final Set<Long> pendingPersons = new HashSet<>();

    Chunk(List<ReportedDeath> reports, Instant now) {
      this.reports = reports;
      this.now = now;
      this.outcomes = new RowOutcome[reports.size()];
      persons.lockByNationalIdNumbers(reports.stream().map(r -> r.id().value()).collect(Collectors.toSet()))
          .forEach(p -> indexed.put(p.nationalIdNumber(), p));
      known = new HashMap<>(records.findRecordIdsBySources(reports.stream()
          .filter(r -> r.report().source() != null && r.report().sourceReference() != null)
          .map(r -> new DeathRecordRepository.SourceKey(r.report().source(), r.report().sourceReference()))
          .collect(Collectors.toSet())));
      openByPerson = records.findOpenForPersons(indexed.values().stream().map(Person::id).toList());
    }

    void register(int index) {
      DeathReport report = reports.get(index).report();
      NationalIdNumber id = reports.get(index).id();
      requireText(report.name(), "name");
      requireText(report.sourceReference(), "sourceReference");
      if (report.source() == null) {
        throw invalidField("source", "the source is required");
      }
      requireLength(report.name(), "name", NAME_MAX_CODE_POINTS);
      requireLength(report.sourceReference(), "sourceReference", SOURCE_REFERENCE_MAX_LENGTH);
      LocalDate dateOfDeath = validDateOfDeath(report, id);
      DeathRecordRepository.SourceKey key = new DeathRecordRepository.SourceKey(report.source(), report.sourceReference());
      Person matched = indexed.get(id.value());
      if (pendingKeys.contains(key) || (matched != null && pendingPersons.contains(matched.id()))) {
        flush();
      }
      Long existingRecordId = known.get(key);
      if (existingRecordId != null) {
        // A source reference identifies one death: the same reference for another ID number is a
        // mistake of the source (or a probe), answered without the other record's data.
        String number = idNumberOfRecord.computeIfAbsent(existingRecordId,
            recordId -> records.findById(recordId).map(DeathRecord::nationalIdNumber).orElse(null));
        if (!id.value().equals(number)) {
          throw ProblemException.conflict("source-reference-conflict", "Source " + report.source()
              + " already used reference " + report.sourceReference() + " for another person's death; "
              + "a source reference identifies one death. Check the reference.");
        }
        outcomes[index] = new RowOutcome(new Registration(RegistrationOutcome.DUPLICATE, existingRecordId), null);
        return;
      }
      String reporter = report.source() + ":" + report.sourceReference();
      HoldReason mismatch = mismatch(report, id, matched);
      if (mismatch != null) {
        add(index, key, new DeathRecordRepository.NewRecord(matched == null ? null : matched.id(), id.value(),
            report.name().strip(), dateOfDeath, DeathRecordStatus.HELD_FOR_REVIEW, mismatch, report));
        return;
      }
      DeathRecord open = openByPerson.get(matched.id());
      if (open != null) {
        records.insertSource(open.id(), report, dateOfDeath, now);
        records.appendHistory(open.id(), "SOURCE_ATTACHED", reporter, null, now);
        known.put(key, open.id());
        idNumberOfRecord.put(open.id(), open.nationalIdNumber());
        if (open.status() == DeathRecordStatus.HELD_FOR_REVIEW && policy.confirms(sourcesOf(open.id()))) {
          confirm(open, matched, report.source(), reporter, null, now);
          openByPerson.put(matched.id(), records.findById(open.id()).orElseThrow());
        }
        outcomes[index] = new RowOutcome(new Registration(openByPerson.get(matched.id()).status() == DeathRecordStatus.CONFIRMED
            ? RegistrationOutcome.ACCEPTED : RegistrationOutcome.HELD_FOR_REVIEW, open.id()), null);
        return;
      }
      boolean confirmed = policy.confirms(EnumSet.of(report.source()));
      add(index, key, new DeathRecordRepository.NewRecord(matched.id(), id.value(), report.name().strip(), dateOfDeath,
          confirmed ? DeathRecordStatus.CONFIRMED : DeathRecordStatus.HELD_FOR_REVIEW,
          confirmed ? null : HoldReason.AWAITING_SECOND_SOURCE, report));
    }

    private void add(int index, DeathRecordRepository.SourceKey key, DeathRecordRepository.NewRecord record) {
      pendingRows.add(index);
      pending.add(record);
      pendingKeys.add(key);
      if (record.personId() != null) {
        pendingPersons.add(record.personId());
      }
    }

    /**
     * Writes the pending records as {@link #register} would have one by one: the record, its source, its
     * history (HELD with the reason; RECEIVED, then CONFIRMED when the source confirms alone), the person
     * DECEASED and one {@link PersonDeceased} per confirmed death.
     */
    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      List<Long> ids = records.insertAll(pending, now);
      List<DeathRecordRepository.NewHistoryEntry> history = new ArrayList<>();
      List<Long> deceased = new ArrayList<>();
      List<PersonDeceased> events = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        DeathRecordRepository.NewRecord record = pending.get(i);
        long recordId = ids.get(i);
        DeathReport report = record.report();
        String reporter = report.source() + ":" + report.sourceReference();
        known.put(new DeathRecordRepository.SourceKey(report.source(), report.sourceReference()), recordId);
        idNumberOfRecord.put(recordId, record.nationalIdNumber());
        RegistrationOutcome outcome = RegistrationOutcome.HELD_FOR_REVIEW;
        if (record.holdReason() != null && record.holdReason() != HoldReason.AWAITING_SECOND_SOURCE) {
          history.add(new DeathRecordRepository.NewHistoryEntry(recordId, "HELD", reporter, record.holdReason().name()));
        } else {
          history.add(new DeathRecordRepository.NewHistoryEntry(recordId, "RECEIVED", reporter, null));
          openByPerson.put(record.personId(), new DeathRecord(recordId, record.personId(), record.nationalIdNumber(),
              record.name(), record.dateOfDeath(), record.status(), record.holdReason(), now));
          if (record.status() == DeathRecordStatus.CONFIRMED) {
            history.add(new DeathRecordRepository.NewHistoryEntry(recordId, "CONFIRMED", reporter, null));
            Person person = indexed.get(record.nationalIdNumber());
            deceased.add(person.id());
            events.add(new PersonDeceased(UUID.randomUUID(), person.id(), recordId, person.nationalIdNumber(),
                person.name(), record.dateOfDeath(), report.source(), now));
            outcome = RegistrationOutcome.ACCEPTED;
          }
        }
        outcomes[pendingRows.get(i)] = new RowOutcome(new Registration(outcome, recordId), null);
      }
      records.appendHistoryAll(history, now);
      persons.updateStatus(deceased, PersonStatus.DECEASED);
      if (!events.isEmpty()) {
        outbox.append(events);
      }
      pending.clear();
      pendingRows.clear();
      pendingKeys.clear();
      pendingPersons.clear();
    }
  }

  /**
   * A supervisor confirms a held record: the person becomes DECEASED and one event is published.
   * Confirming a CONFIRMED record again changes nothing (a retrying client gets the current state).
   *
   * @param note the supervisor's reason, kept in the record's history (may be null)
   * @throws ProblemException 404 unknown record; 409 {@code not-held} (rejected or revoked),
   *     {@code person-not-indexed} (add the person first) or {@code already-deceased}
   */
  @Transactional
  public DeathRecord confirmBySupervisor(long deathRecordId, String supervisor, String note) {
    DeathRecord record = lockedRecord(deathRecordId);
    if (record.status() == DeathRecordStatus.CONFIRMED) {
      return record;
    }
    requireHeld(record);
    if (record.personId() == null) {
      throw ProblemException.conflict("person-not-indexed",
          "No person of the index has this national ID number; add the person before confirming.");
    }
    if (records.findOpenForPerson(record.personId()).filter(r -> r.status() == DeathRecordStatus.CONFIRMED).isPresent()) {
      throw ProblemException.conflict("already-deceased", "The person already has a confirmed death record.");
    }
    Person person = persons.findById(record.personId()).orElseThrow();
    DeathSource source = sourcesOf(record.id()).iterator().next();
    confirm(record, person, source, supervisor, note, clock.instant());
    return records.findById(deathRecordId).orElseThrow();
  }

  /**
   * A supervisor rejects a held record, with a reason; it is never applied. Rejecting a REJECTED
   * record again changes nothing.
   *
   * @throws ProblemException 404 unknown record; 409 {@code not-held}
   */
  @Transactional
  public DeathRecord reject(long deathRecordId, String supervisor, String reason) {
    DeathRecord record = lockedRecord(deathRecordId);
    if (record.status() == DeathRecordStatus.REJECTED) {
      return record;
    }
    requireHeld(record);
    records.updateStatus(record.id(), DeathRecordStatus.REJECTED, record.holdReason());
    records.appendHistory(record.id(), "REJECTED", supervisor, reason, clock.instant());
    return records.findById(deathRecordId).orElseThrow();
  }

  /**
   * Revokes a confirmed death that was wrong: the record becomes REVOKED, the person LIVING again,
   * and one {@link DeathRecordRevoked} is published (DOMAIN.md, the death rule, 7). Revoking a
   * REVOKED record again changes nothing.
   *
   * @throws ProblemException 404 unknown record; 409 {@code not-confirmed}
   */
  @Transactional
  public DeathRecord revoke(long deathRecordId, String revokedBy, String reason) {
    DeathRecord record = lockedRecord(deathRecordId);
    if (record.status() == DeathRecordStatus.REVOKED) {
      return record;
    }
    if (record.status() != DeathRecordStatus.CONFIRMED) {
      throw ProblemException.conflict("not-confirmed", "Only a confirmed death record can be revoked; this one is "
          + record.status() + ".");
    }
    Instant now = clock.instant();
    records.updateStatus(record.id(), DeathRecordStatus.REVOKED, null);
    persons.updateStatus(record.personId(), PersonStatus.LIVING);
    records.appendHistory(record.id(), "REVOKED", revokedBy, reason, now);
    outbox.append(List.of(new DeathRecordRevoked(UUID.randomUUID(), record.personId(), record.id(), reason, now)));
    return records.findById(deathRecordId).orElseThrow();
  }

  private void confirm(DeathRecord record, Person person, DeathSource source, String actor, String note,
      Instant now) {
    records.updateStatus(record.id(), DeathRecordStatus.CONFIRMED, null);
    persons.updateStatus(person.id(), PersonStatus.DECEASED);
    records.appendHistory(record.id(), "CONFIRMED", actor, note, now);
    outbox.append(List.of(new PersonDeceased(UUID.randomUUID(), person.id(), record.id(), person.nationalIdNumber(),
        person.name(), record.dateOfDeath(), source, now)));
  }

  private LocalDate validDateOfDeath(DeathReport report, NationalIdNumber id) {
    LocalDate date;
    try {
      date = report.civilDateOfDeath(clock.getZone());
    } catch (IllegalArgumentException e) {
      throw invalidDate(e.getMessage());
    }
    if (date == null) {
      throw invalidDate("a date of death or a time of death is required");
    }
    if (date.isAfter(LocalDate.now(clock))) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "death-in-future",
          "The date of death " + date + " is after today.", Map.of("field", "dateOfDeath"));
    }
    if (date.isBefore(id.birthDate())) {
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "death-before-birth",
          "The date of death " + date + " is before the birth date in the ID number.", Map.of("field", "dateOfDeath"));
    }
    return date;
  }

  private static ProblemException invalidDate(String reason) {
    return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-date-of-death", "Invalid date of death: " + reason + ".",
        Map.of("field", "dateOfDeath"));
  }

  /** Longest name stored (code points; column death_record.name, utf8mb4). */
  private static final int NAME_MAX_CODE_POINTS = 50;
  /** Longest source reference stored (column death_record_source.source_reference). */
  private static final int SOURCE_REFERENCE_MAX_LENGTH = 64;

  private static void requireLength(String value, String field, int max) {
    if (value.strip().codePointCount(0, value.strip().length()) > max) {
      throw invalidField(field, "at most " + max + " characters");
    }
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw invalidField(field, "the " + field + " is required");
    }
  }

  private static ProblemException invalidField(String field, String reason) {
    return new ProblemException(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid " + field + ": " + reason + ".",
        Map.of("field", field));
  }

  private static HoldReason mismatch(DeathReport report, NationalIdNumber id, Person person) {
    if (person == null) {
      return HoldReason.UNKNOWN_PERSON;
    }
    if (!person.birthDate().equals(id.birthDate())) {
      return HoldReason.BIRTH_DATE_MISMATCH;
    }
    if (!PersonNames.sameName(person.name(), report.name())) {
      return HoldReason.NAME_MISMATCH;
    }
    return null;
  }

  private Set<DeathSource> sourcesOf(long recordId) {
    return records.findSources(recordId).stream().map(DeathRecordSource::source)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DeathSource.class)));
  }

  private RegistrationOutcome outcomeOf(long recordId) {
    return records.findById(recordId).orElseThrow().status() == DeathRecordStatus.CONFIRMED
        ? RegistrationOutcome.ACCEPTED : RegistrationOutcome.HELD_FOR_REVIEW;
  }

  private DeathRecord lockedRecord(long id) {
    return records.findByIdForUpdate(id).orElseThrow(() -> ProblemException.notFound("Death record", id));
  }

  private static void requireHeld(DeathRecord record) {
    if (record.status() != DeathRecordStatus.HELD_FOR_REVIEW) {
      throw ProblemException.conflict("not-held", "The death record is " + record.status() + ", not held for review.");
    }
  }
}
