package gov.civilaffairs.eldercare.institution;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.civilaffairs.eldercare.institution.Residence.DischargeReason;
import gov.civilaffairs.eldercare.person.ElderlyPerson;
import gov.civilaffairs.eldercare.person.ElderlyPersonStatus;
import gov.civilaffairs.eldercare.person.PersonDeath;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admission (入住) and discharge (退住) of residents of care institutions. A person lives in at most one
 * institution at a time (enforced by a unique key, so two concurrent admissions cannot both succeed) and an
 * institution admits no more residents than it has beds. On a death the residence ends (DOMAIN.md death rule 5);
 * on the revocation of the death record it is re-opened (rule 7).
 */
@Service
public class Residences {

  private static final Logger log = LoggerFactory.getLogger(Residences.class);

  private final CareInstitutionRepository repository;
  private final BureauClock clock;

  Residences(CareInstitutionRepository repository, BureauClock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Admits a person.
   *
   * @throws ProblemException 422 {@code person-deceased}, 422 {@code future-date} for an admission after today,
   *     422 {@code before-registration} before the institution's filing; 409 {@code already-resident} when the
   *     person lives in an institution (this or another), 409 {@code no-free-bed} when every bed is taken
   */
  @Transactional
  public Residence admit(CareInstitution institution, ElderlyPerson person, LocalDate admittedOn) {
    if (person.status() == ElderlyPersonStatus.DECEASED) {
      throw ProblemException.unprocessable("person-deceased", "A deceased person is not admitted.");
    }
    if (admittedOn.isAfter(clock.today())) {
      throw ProblemException.unprocessable("future-date", "admittedOn: " + admittedOn + " is after today.");
    }
    if (admittedOn.isBefore(institution.registeredOn())) {
      throw ProblemException.unprocessable("before-registration",
          "admittedOn: " + admittedOn + " is before the institution's filing on " + institution.registeredOn() + ".");
    }
    repository.lock(institution.id());
    if (repository.openResidenceOf(person.id()).isPresent()) {
      throw alreadyResident();
    }
    if (repository.occupiedBeds(institution.id()) >= institution.beds()) {
      throw ProblemException.conflict("no-free-bed", "All " + institution.beds() + " beds are taken.");
    }
    try {
      return repository.findResidence(repository.insertResidence(institution.id(), person.id(), admittedOn))
          .orElseThrow();
    } catch (DuplicateKeyException admittedConcurrently) {
      throw alreadyResident();
    }
  }

  /**
   * Discharges a resident.
   *
   * @throws ProblemException 404 for a residence not of this institution, 409 {@code already-discharged},
   *     422 {@code future-date} or {@code before-admission}
   */
  @Transactional
  public Residence discharge(CareInstitution institution, long residenceId, LocalDate dischargedOn,
      DischargeReason reason) {
    Residence residence = residence(institution, residenceId);
    if (!residence.open()) {
      throw ProblemException.conflict("already-discharged", "The resident was discharged on " + residence.dischargedOn());
    }
    if (dischargedOn.isAfter(clock.today())) {
      throw ProblemException.unprocessable("future-date", "dischargedOn: " + dischargedOn + " is after today.");
    }
    if (dischargedOn.isBefore(residence.admittedOn())) {
      throw ProblemException.unprocessable("before-admission", "dischargedOn is before admittedOn " + residence.admittedOn());
    }
    repository.discharge(residenceId, dischargedOn, reason, null);
    return repository.findResidence(residenceId).orElseThrow();
  }

  /** @throws ProblemException 404 for a residence not of this institution */
  public Residence residence(CareInstitution institution, long residenceId) {
    return repository.findResidence(residenceId).filter(r -> r.institutionId() == institution.id())
        .orElseThrow(() -> ProblemException.notFound("Residence", residenceId));
  }

  /** The institution's residents (those living there, or all with {@code includeDischarged}), in id order. */
  public List<Residence> residents(CareInstitution institution, boolean includeDischarged, long afterId, int size) {
    return repository.residences(institution.id(), includeDischarged, afterId, size);
  }

  /** The person's open residence, if any. */
  public Optional<Residence> openResidenceOf(ElderlyPerson person) {
    return repository.openResidenceOf(person.id());
  }

  /**
   * Ends the person's open residence on the date of death (death rule 5).
   *
   * @return the residence as it was before, empty when the person lived in no institution
   */
  @Transactional
  public Optional<Residence> endForDeath(ElderlyPerson person, long deathRecordId, LocalDate dateOfDeath) {
    return repository.openResidenceOf(person.id()).map(residence -> {
      LocalDate end = dateOfDeath.isBefore(residence.admittedOn()) ? residence.admittedOn() : dateOfDeath;
      repository.discharge(residence.id(), end, DischargeReason.DECEASED, deathRecordId);
      return residence;
    });
  }

  /**
   * {@link #endForDeath} for a poll's deaths at once (issue 4): one query reads the persons' open residences,
   * one UPDATE ends them (rows locked in id order).
   *
   * @param deaths of distinct persons
   * @return person id to the residence as it was before; persons living in no institution are absent
   */
  @Transactional
  public Map<Long, Residence> endForDeaths(List<PersonDeath> deaths) {
    Map<Long, Residence> open = new HashMap<>();
    repository.openResidencesOf(deaths.stream().map(death -> death.person().id()).toList())
        .forEach(residence -> open.put(residence.personId(), residence));
    Map<Long, Residence> ended = new LinkedHashMap<>();
    Map<Long, CareInstitutionRepository.Discharge> discharges = new TreeMap<>();
    for (PersonDeath death : deaths) {
      Residence residence = open.get(death.person().id());
      if (residence != null) {
        LocalDate end = death.dateOfDeath().isBefore(residence.admittedOn()) ? residence.admittedOn()
            : death.dateOfDeath();
        discharges.put(residence.id(), new CareInstitutionRepository.Discharge(end, death.deathRecordId()));
        ended.put(death.person().id(), residence);
      }
    }
    repository.dischargeAll(discharges, DischargeReason.DECEASED);
    return ended;
  }

  /**
   * Re-opens the residence this death record ended (death rule 7), unless the person was admitted elsewhere since.
   *
   * @return the residence re-opened, empty when there was none or it cannot be re-opened
   */
  @Transactional
  public Optional<Residence> restoreAfterRevocation(ElderlyPerson person, long deathRecordId) {
    Optional<Residence> ended = repository.residenceEndedBy(person.id(), deathRecordId);
    if (ended.isEmpty()) {
      return Optional.empty();
    }
    if (repository.openResidenceOf(person.id()).isPresent()) {
      log.warn("Residence {} of person {} not re-opened: the person lives in an institution again", ended.get().id(),
          person.id());
      return Optional.empty();
    }
    repository.reopen(ended.get().id());
    return repository.findResidence(ended.get().id());
  }

  private static ProblemException alreadyResident() {
    return ProblemException.conflict("already-resident",
        "The person already lives in a care institution; discharge him or her there first.");
  }
}
