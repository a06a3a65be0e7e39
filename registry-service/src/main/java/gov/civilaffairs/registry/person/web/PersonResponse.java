package gov.civilaffairs.registry.person.web;

import java.time.LocalDate;

import gov.civilaffairs.platform.idnumber.Sex;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.registry.person.Person;
import gov.civilaffairs.registry.person.PersonStatus;

/**
 * A person of the index as the API shows it; the ID number masked for roles not in
 * {@code platform.security.unmasked-roles.NATIONAL_ID_NUMBER} (a village assistant sees
 * {@code 330681********123X}).
 */
record PersonResponse(long id, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, String name, Sex sex, LocalDate birthDate, String regionCode,
    PersonStatus status) {

  static PersonResponse of(Person p) {
    return new PersonResponse(p.id(), p.nationalIdNumber(), p.name(), p.sex(), p.birthDate(), p.regionCode(), p.status());
  }
}
