package gov.civilaffairs.registry.death;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.registry.person.Person;
import gov.civilaffairs.registry.person.PersonNames;
import gov.civilaffairs.registry.person.PersonRepository;
import gov.civilaffairs.registry.person.PersonStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers deaths by the death rule (DOMAIN.md): validates a report, matches it with the person
 * index, holds what disagrees, confirms by the {@link ConfirmationPolicy}, attaches later sources to
 * the same record, and publishes exactly one {@link PersonDeceased} per confirmed death and one
 * {@link DeathRecordRevoked} per revocation. Events go to the outbox (Spring Modulith's event
 * publication registry) in the same transaction as the change.
 */
@Service
public class DeathRegistry {

  /** The result of one report: the outcome and the death record it concerns. */
  public record Registration(RegistrationOutcome outcome, long deathRecordId) {
  }

  private final DeathRecordRepository records;
  private final PersonRepository persons;
  private final ConfirmationPolicy policy;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DeathRegistry(DeathRecordRepository records, PersonRepository persons, ConfirmationPolicy policy,
      ApplicationEventPublisher events, Clock clock) {
    this.records = records;
    this.persons = persons;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Registers one reported death.
   *
   * @return DUPLICATE with the existing record when this source already sent this reference;
   *     HELD_FOR_REVIEW when the person is unknown, the birth date or name disagrees, or the source
   *     does not confirm alone; ACCEPTED when the death is confirmed (one event) or attached to the
   *     person's known death (no new event)
   * @throws ProblemException 400 {@code invalid-national-id-number} or {@code invalid-date-of-death},
   *     422 {@code death-in-future} or {@code death-before-birth}, 409 {@code source-reference-conflict}
   *     when the source already used this reference for another ID number; nothing is written
   */
  @Transactional
  public Registration register(DeathReport report) {
    NationalIdNumber id = NationalIdNumber.parse(report.nationalIdNumber(), LocalDate.now(clock));
    return register(report, id, persons.findByNationalIdNumber(id.value()),
        report.source() == null ? Optional.empty() : records.findRecordIdBySource(report.source(), report.sourceReference()));
  }

  /**
   * The same with the lookups done beforehand, for a chunk of a bulk import (one round trip per chunk
   * instead of two per row). The caller runs each call in a transaction of its own.
   *
   * @param id the report's ID number, already parsed ({@link NationalIdNumber#parse(String, LocalDate)})
   * @param person the indexed person with that number, if any
   * @param existingRecordId the record this source's reference already belongs to, if any
   */
  public Registration register(DeathReport report, NationalIdNumber id, Optional<Person> person,
      Optional<Long> existingRecordId) {
    Instant now = clock.instant();
    requireText(report.name(), "name");
    requireText(report.sourceReference(), "sourceReference");
    if (report.source() == null) {
      throw invalidField("source", "the source is required");
    }
    LocalDate dateOfDeath = validDateOfDeath(report, id);
    if (existingRecordId.isPresent()) {
      // A source reference identifies one death: the same reference for another ID number is a
      // mistake of the source (or a probe), answered without the other record's data.
      boolean samePerson = records.findById(existingRecordId.get())
          .map(existing -> existing.nationalIdNumber().equals(id.value())).orElse(false);
      if (!samePerson) {
        throw ProblemException.conflict("source-reference-conflict", "Source " + report.source()
            + " already used reference " + report.sourceReference() + " for another person's death; "
            + "a source reference identifies one death. Check the reference.");
      }
      return new Registration(RegistrationOutcome.DUPLICATE, existingRecordId.get());
    }
    String reporter = report.source() + ":" + report.sourceReference();
    Person matched = person.orElse(null);
    HoldReason mismatch = mismatch(report, id, matched);
    if (mismatch != null) {
      long recordId = records.insert(matched == null ? null : matched.id(), id.value(), report.name().strip(),
          dateOfDeath, DeathRecordStatus.HELD_FOR_REVIEW, mismatch, now);
      records.insertSource(recordId, report, dateOfDeath, now);
      records.appendHistory(recordId, "HELD", reporter, mismatch.name(), now);
      return new Registration(RegistrationOutcome.HELD_FOR_REVIEW, recordId);
    }
    Optional<DeathRecord> open = records.findOpenForPerson(matched.id());
    if (open.isPresent()) {
      DeathRecord record = open.get();
      records.insertSource(record.id(), report, dateOfDeath, now);
      records.appendHistory(record.id(), "SOURCE_ATTACHED", reporter, null, now);
      if (record.status() == DeathRecordStatus.HELD_FOR_REVIEW && policy.confirms(sourcesOf(record.id()))) {
        confirm(record, matched, report.source(), reporter, now);
      }
      return new Registration(outcomeOf(record.id()), record.id());
    }
    Set<DeathSource> sources = EnumSet.of(report.source());
    boolean confirmed = policy.confirms(sources);
    long recordId = records.insert(matched.id(), id.value(), report.name().strip(), dateOfDeath,
        DeathRecordStatus.HELD_FOR_REVIEW, confirmed ? null : HoldReason.AWAITING_SECOND_SOURCE, now);
    records.insertSource(recordId, report, dateOfDeath, now);
    records.appendHistory(recordId, "RECEIVED", reporter, null, now);
    if (confirmed) {
      confirm(records.findById(recordId).orElseThrow(), matched, report.source(), reporter, now);
      return new Registration(RegistrationOutcome.ACCEPTED, recordId);
    }
    return new Registration(RegistrationOutcome.HELD_FOR_REVIEW, recordId);
  }

  /**
   * A supervisor confirms a held record: the person becomes DECEASED and one event is published.
   * Confirming a CONFIRMED record again changes nothing (a retrying client gets the current state).
   *
   * @throws ProblemException 404 unknown record; 409 {@code not-held} (rejected or revoked),
   *     {@code person-not-indexed} (add the person first) or {@code already-deceased}
   */
  @Transactional
  public DeathRecord confirmBySupervisor(long deathRecordId, String supervisor) {
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
    confirm(record, person, source, supervisor, clock.instant());
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
    events.publishEvent(new DeathRecordRevoked(UUID.randomUUID(), record.personId(), record.id(), reason, now));
    return records.findById(deathRecordId).orElseThrow();
  }

  private void confirm(DeathRecord record, Person person, DeathSource source, String actor, Instant now) {
    records.updateStatus(record.id(), DeathRecordStatus.CONFIRMED, null);
    persons.updateStatus(person.id(), PersonStatus.DECEASED);
    records.appendHistory(record.id(), "CONFIRMED", actor, null, now);
    events.publishEvent(new PersonDeceased(UUID.randomUUID(), person.id(), record.id(), person.nationalIdNumber(),
        person.name(), record.dateOfDeath(), source, now));
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
