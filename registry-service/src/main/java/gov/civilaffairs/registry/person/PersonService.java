package gov.civilaffairs.registry.person;

import java.time.Clock;
import java.time.LocalDate;

import gov.civilaffairs.platform.idnumber.InvalidNationalIdNumberException;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.Sex;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds people to the person index after checking that what is declared agrees with the ID number. */
@Service
public class PersonService {

  private final PersonRepository persons;
  private final RegionDirectory regions;
  private final Clock clock;

  PersonService(PersonRepository persons, RegionDirectory regions, Clock clock) {
    this.persons = persons;
    this.regions = regions;
    this.clock = clock;
  }

  /**
   * @param birthDate optional; when given it must equal the birth date encoded in the ID number
   * @param sex optional; when given it must equal the sex encoded in the ID number's sequence digit
   * @return the new person, LIVING
   * @throws InvalidNationalIdNumberException 400 {@code invalid-national-id-number} with the rule of
   *     GB 11643-1999 broken ({@code reason})
   * @throws ProblemException 422 {@code unknown-region} for a region code that is no division of
   *     GB/T 2260 (as loaded by the platform), {@code birth-date-mismatch} or {@code sex-mismatch}; 409
   *     {@code duplicate} if the ID number is already indexed
   */
  @Transactional
  public Person register(String nationalIdNumber, String name, Sex sex, LocalDate birthDate, String regionCode) {
    NationalIdNumber id = NationalIdNumber.parse(nationalIdNumber, LocalDate.now(clock));
    regions.require(regionCode);
    if (birthDate != null && !birthDate.equals(id.birthDate())) {
      throw ProblemException.unprocessable("birth-date-mismatch",
          "The birth date " + birthDate + " disagrees with the one in the national ID number (" + id.birthDate() + ").");
    }
    if (sex != null && sex != id.sex()) {
      throw ProblemException.unprocessable("sex-mismatch",
          "The sex " + sex + " disagrees with the national ID number's sequence digit (" + id.sex() + ").");
    }
    return persons.insert(id.value(), name.strip(), id.sex(), id.birthDate(), regionCode, clock.instant());
  }
}
