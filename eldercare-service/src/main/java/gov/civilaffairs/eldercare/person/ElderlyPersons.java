package gov.civilaffairs.eldercare.person;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of elderly persons (老年人): who they are, where they live, whether they are alive. */
@Service
public class ElderlyPersons {

  /**
   * Age from which a person is elderly: 60 full years (中华人民共和国老年人权益保障法, art. 2, "本法所称老年人是指
   * 六十周岁以上的公民"). National law, so not a city setting.
   */
  public static final int ELDERLY_AGE = 60;

  private final ElderlyPersonRepository repository;
  private final RegionDirectory regions;
  private final BureauClock clock;

  ElderlyPersons(ElderlyPersonRepository repository, RegionDirectory regions, BureauClock clock) {
    this.repository = repository;
    this.regions = regions;
    this.clock = clock;
  }

  /**
   * Registers a living elderly person.
   *
   * @param nationalIdNumber as received; lowercase {@code x} accepted
   * @param name 姓名
   * @param regionCode 12-digit village-level code of GB/T 2260
   * @throws ProblemException 400 for an invalid ID number; 422 {@code under-elderly-age} when the person is
   *     under {@value #ELDERLY_AGE} today (Asia/Shanghai), 422 {@code not-a-village} or unknown region for a
   *     code that is not a known village; 409 when the ID number is already registered
   */
  @Transactional
  public ElderlyPerson register(String nationalIdNumber, String name, String regionCode) {
    NationalIdNumber number = parse(nationalIdNumber);
    int age = number.ageOn(clock.today());
    if (age < ELDERLY_AGE) {
      throw ProblemException.unprocessable("under-elderly-age", "The person is " + age
          + " today; an elderly person is " + ELDERLY_AGE + " or older (老年人权益保障法 art. 2).");
    }
    if (regions.require(regionCode).level() != RegionLevel.VILLAGE) {
      throw ProblemException.unprocessable("not-a-village",
          "Region " + regionCode + " is not a village or community (12-digit GB/T 2260 code).");
    }
    if (repository.findByNationalIdNumber(number.value()).isPresent()) {
      throw ProblemException.conflict("already-registered", "This national ID number is already registered.");
    }
    return repository.insert(number.value(), name, number.birthDate(), regionCode, clock.now());
  }

  /**
   * The person with this ID number.
   *
   * @throws ProblemException 400 for an invalid ID number, 404 when not registered
   */
  public ElderlyPerson require(String nationalIdNumber) {
    NationalIdNumber number = parse(nationalIdNumber);
    return repository.findByNationalIdNumber(number.value())
        .orElseThrow(() -> ProblemException.notFound("Elderly person with national ID number", number));
  }

  /**
   * The person with this ID number if he or she lives within the caller's area (issue 3: object-level check,
   * OWASP API1:2023).
   *
   * @throws ProblemException 400 for an invalid ID number; 404 when not registered or registered outside
   *     {@code area}, so that a caller cannot learn who is registered elsewhere
   */
  public ElderlyPerson require(String nationalIdNumber, RegionScope area) {
    NationalIdNumber number = parse(nationalIdNumber);
    return repository.findByNationalIdNumber(number.value()).filter(person -> area.covers(person.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Elderly person with national ID number", number));
  }

  /**
   * The person with this id.
   *
   * @throws ProblemException 404 when there is none
   */
  public ElderlyPerson byId(long id) {
    return repository.findById(id).orElseThrow(() -> ProblemException.notFound("Elderly person", id));
  }

  /** The person with this normalised ID number (as carried by registry events), if registered here. */
  public Optional<ElderlyPerson> find(String nationalIdNumber) {
    return repository.findByNationalIdNumber(nationalIdNumber);
  }

  /**
   * The persons with these ID numbers, in one query (the death flow reads a whole poll's persons at once,
   * issue 4).
   *
   * @param nationalIdNumbers as carried by registry events; matched as {@link #find} matches them (the column's
   *     collation ignores the case of {@code x})
   * @return the persons found, in id order; empty for an empty input
   */
  public List<ElderlyPerson> withIdNumbers(Collection<String> nationalIdNumbers) {
    return nationalIdNumbers.isEmpty() ? List.of() : repository.withIdNumbers(nationalIdNumbers);
  }

  /** Up to {@code size} persons with an id above {@code afterId}, in id order. */
  public List<ElderlyPerson> page(long afterId, int size) {
    return repository.page(RegionScope.everything(), afterId, size);
  }

  /** Up to {@code size} persons within {@code area} with an id above {@code afterId}, in id order (filtered in SQL). */
  public List<ElderlyPerson> page(RegionScope area, long afterId, int size) {
    return repository.page(area, afterId, size);
  }

  /** Sets the person's status: DECEASED when a death record applies, LIVING when it is revoked. */
  public void changeStatus(ElderlyPerson person, ElderlyPersonStatus status) {
    repository.updateStatus(person.id(), status);
  }

  /**
   * Sets the status of many persons in one statement (rows locked in id order): DECEASED for a poll's deaths
   * applied together (issue 4).
   */
  public void changeStatus(Collection<ElderlyPerson> persons, ElderlyPersonStatus status) {
    if (!persons.isEmpty()) {
      repository.updateStatus(persons.stream().map(ElderlyPerson::id).toList(), status);
    }
  }

  private NationalIdNumber parse(String nationalIdNumber) {
    return NationalIdNumber.parse(nationalIdNumber, clock.today());
  }
}
