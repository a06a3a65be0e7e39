package gov.civilaffairs.registry.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import gov.civilaffairs.platform.idnumber.InvalidNationalIdNumberException;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.Sex;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.http.HttpStatus;
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
   *     GB/T 2260 (as loaded by the platform), {@code birth-date-mismatch} or {@code sex-mismatch}, each
   *     naming its field in {@code errors[0]} ({@code regionCode}, {@code birthDate}, {@code sex}); 409
   *     {@code duplicate} if the ID number is already indexed
   */
  @Transactional
  public Person register(String nationalIdNumber, String name, Sex sex, LocalDate birthDate, String regionCode) {
    NationalIdNumber id = NationalIdNumber.parse(nationalIdNumber, LocalDate.now(clock));
    regions.require(regionCode);
    if (birthDate != null && !birthDate.equals(id.birthDate())) {
      throw birthDateMismatch();
    }
    if (sex != null && sex != id.sex()) {
      throw sexMismatch(sex, id.sex());
    }
    return persons.insert(id.value(), name.strip(), id.sex(), id.birthDate(), regionCode, clock.instant());
  }

  /**
   * 422 {@code birth-date-mismatch} naming the field {@code birthDate} ({@code errors[0].field}). Neither date
   * is echoed: a birth date is personal data, and the one in the ID number (digits 7-14, GB 11643-1999) is the
   * very part that masking hides (docs/security.md).
   */
  static ProblemException birthDateMismatch() {
    return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "birth-date-mismatch",
        "The birth date disagrees with the one encoded in the national ID number (GB 11643-1999, digits 7 to 14).",
        Map.of("field", "birthDate"));
  }

  /**
   * 422 {@code sex-mismatch} naming the field {@code sex} and the value refused ({@code errors[0].rejectedValue}:
   * one of the codes MALE and FEMALE, which identifies nobody).
   *
   * @param declared the sex given, or {@code null} when what was given is not one of the codes (not echoed)
   * @param encoded the sex the ID number's sequence digit gives (digit 17: odd men, even women; GB 11643-1999)
   */
  static ProblemException sexMismatch(Sex declared, Sex encoded) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "sex-mismatch",
        "The sex " + (declared == null ? "given" : declared.name()) + " disagrees with the national ID number's "
            + "sequence digit (" + encoded + ").",
        declared == null ? Map.of("field", "sex") : Map.of("field", "sex", "rejectedValue", declared.name()));
  }
}
