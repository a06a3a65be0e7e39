package gov.civilaffairs.veterans.person;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of entitled persons (优抚对象) and their periodic pensions: the records the death flow
 * acts on. Other features change a person or a pension only through this class.
 */
@Service
public class EntitledPersons {

  /** Most severe and least severe disability grade (一级 to 十级), 军人抚恤优待条例 (2024 revision), disability chapter; verify. */
  static final int MOST_SEVERE_GRADE = 1;
  static final int LEAST_SEVERE_GRADE = 10;

  private final EntitledPersonRepository repository;
  private final RegionDirectory regions;
  private final BureauClock clock;

  EntitledPersons(EntitledPersonRepository repository, RegionDirectory regions, BureauClock clock) {
    this.repository = repository;
    this.regions = regions;
    this.clock = clock;
  }

  /**
   * Registers an entitled person with the monthly pension of their category.
   *
   * @return the person as stored
   * @throws ProblemException 409 {@code entitled-person-exists} if the ID number is already registered;
   *     422 {@code disability-details} if a disabled veteran lacks a grade (1 to 10) or cause, or another
   *     category has one; 422 {@code pension-months} if the end month is before the start month;
   *     422 {@code unknown-region} if the region code is not a GB/T 2260 division
   */
  @Transactional
  public EntitledPerson register(NewEntitledPerson person) {
    NationalIdNumber idNumber = NationalIdNumber.parse(person.nationalIdNumber(), clock.today());
    checkDisabilityDetails(person);
    if (person.endMonth() != null && person.endMonth().isBefore(person.startMonth())) {
      throw ProblemException.unprocessable("pension-months",
          "endMonth " + person.endMonth() + " is before startMonth " + person.startMonth());
    }
    regions.require(person.regionCode());
    if (repository.findPersonByNationalIdNumber(idNumber.value()).isPresent()) {
      throw ProblemException.conflict("entitled-person-exists",
          "An entitled person with national ID number " + idNumber + " is already registered");
    }
    NewEntitledPerson normalised = new NewEntitledPerson(idNumber.value(), person.name().strip(), person.category(),
        person.disabilityGrade(), person.disabilityCause(), person.regionCode(), person.monthlyAmount(),
        person.startMonth(), person.endMonth());
    long id = repository.insertPerson(normalised, clock.now());
    repository.insertPension(id, person.category().pensionKind(), person.monthlyAmount().setScale(2),
        person.startMonth(), person.endMonth());
    return repository.findPerson(id).orElseThrow();
  }

  private static void checkDisabilityDetails(NewEntitledPerson person) {
    checkDisabilityDetails(person.category(), person.disabilityGrade(), person.disabilityCause());
  }

  /**
   * Checks that a disabled veteran has a grade (1 to 10) and a cause, and that no other category has either.
   *
   * @throws ProblemException 422 {@code disability-details} otherwise
   */
  public static void checkDisabilityDetails(EntitledCategory category, Integer grade, DisabilityCause cause) {
    if (category == EntitledCategory.DISABLED_VETERAN) {
      if (grade == null || grade < MOST_SEVERE_GRADE || grade > LEAST_SEVERE_GRADE || cause == null) {
        throw ProblemException.unprocessable("disability-details",
            "A disabled veteran needs disabilityGrade 1 to 10 and disabilityCause (WAR, DUTY or ILLNESS)");
      }
    } else if (grade != null || cause != null) {
      throw ProblemException.unprocessable("disability-details",
          "disabilityGrade and disabilityCause apply to DISABLED_VETERAN only, not " + category);
    }
  }

  /** The person with this normalised ID number (upper-case {@code X}), if registered. */
  public Optional<EntitledPerson> findByNationalIdNumber(String nationalIdNumber) {
    return repository.findPersonByNationalIdNumber(nationalIdNumber);
  }

  /**
   * Which of these normalised ID numbers are registered, in one query (the death rule's batch consumption
   * reads a whole poll's persons at once, issue 4).
   *
   * @return the ID numbers found, as stored (upper-case {@code X}); empty for an empty input
   */
  public Set<String> registeredAmong(Collection<String> nationalIdNumbers) {
    return nationalIdNumbers.isEmpty() ? Set.of() : repository.registeredAmong(nationalIdNumbers);
  }

  /**
   * The person with this ID number, locked until the end of the caller's transaction so that events
   * for one person are applied one after the other.
   */
  public Optional<EntitledPerson> lockByNationalIdNumber(String nationalIdNumber) {
    return repository.lockPersonByNationalIdNumber(nationalIdNumber);
  }

  /**
   * The person with this ID number, as a caller typed it (a lowercase {@code x} is accepted).
   *
   * @throws ProblemException 404 if none is registered, 400 {@code invalid-national-id-number} if the
   *     number is not valid
   */
  public EntitledPerson require(String nationalIdNumber) {
    String normalised = NationalIdNumber.parse(nationalIdNumber, clock.today()).value();
    return findByNationalIdNumber(normalised)
        .orElseThrow(() -> ProblemException.notFound("Entitled person", NationalIdNumber.parse(normalised)));
  }

  /** The person with this id. @throws ProblemException 404 if there is none */
  public EntitledPerson require(long id) {
    return repository.findPerson(id).orElseThrow(() -> ProblemException.notFound("Entitled person", id));
  }

  /**
   * The person with this ID number, if registered within {@code area} (issue 3; docs/security.md, the region
   * rule: a record outside the caller's area is answered as if it did not exist).
   *
   * @throws ProblemException 404 if none is registered or the person's region lies outside {@code area};
   *     400 {@code invalid-national-id-number} if the number is not valid
   */
  public EntitledPerson requireInArea(String nationalIdNumber, RegionScope area) {
    EntitledPerson person = require(nationalIdNumber);
    if (!area.covers(person.regionCode())) {
      throw ProblemException.notFound("Entitled person", NationalIdNumber.parse(person.nationalIdNumber()));
    }
    return person;
  }

  /**
   * The person with this id, if registered within {@code area}.
   *
   * @throws ProblemException 404 if there is none or the person's region lies outside {@code area}
   */
  public EntitledPerson requireInArea(long id, RegionScope area) {
    return repository.findPerson(id).filter(person -> area.covers(person.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Entitled person", id));
  }

  /** A page of persons registered within {@code area} (filtered in SQL), ordered by id, optionally of one category. */
  public List<EntitledPerson> list(EntitledCategory category, RegionScope area, int offset, int limit) {
    return repository.listPersons(category, area, offset, limit);
  }

  /** The person's pensions, oldest first. */
  public List<PeriodicPension> pensionsOf(long personId) {
    return repository.pensionsOf(personId);
  }

  /** Every pension with its person, ordered by pension id: the population of a monthly pension roll. */
  public List<PersonPension> allPensions() {
    return repository.personPensions(null, null, null);
  }

  /**
   * The pensions paid under one pension standard's scale, ordered by pension id: persons of the category
   * and, for disabled veterans, of the grade and cause (both {@code null} for other categories).
   */
  public List<PersonPension> pensionsUnder(EntitledCategory category, Integer disabilityGrade, DisabilityCause cause) {
    return repository.personPensions(category, disabilityGrade, cause);
  }

  /** Records the person's death (civil date in Asia/Shanghai). */
  public void markDeceased(long personId, LocalDate dateOfDeath) {
    repository.updateStatus(personId, PersonStatus.DECEASED, dateOfDeath);
  }

  /** Records that the person is living again (their death record was revoked). */
  public void markLiving(long personId) {
    repository.updateStatus(personId, PersonStatus.LIVING, null);
  }

  /** Stops a pension after {@code paidThrough}, citing the death record that stopped it. */
  public void stopPension(long pensionId, YearMonth paidThrough, long deathRecordId) {
    repository.stopPension(pensionId, paidThrough, deathRecordId);
  }

  /** Makes a stopped pension active again. */
  public void resumePension(long pensionId) {
    repository.resumePension(pensionId);
  }
}
