package gov.civilaffairs.registry.person.web;

import java.time.LocalDate;

import gov.civilaffairs.platform.idnumber.Sex;
import gov.civilaffairs.registry.person.Person;
import gov.civilaffairs.registry.person.PersonStatus;

/** A person of the index as the API shows it. */
record PersonResponse(long id, String nationalIdNumber, String name, Sex sex, LocalDate birthDate, String regionCode,
    PersonStatus status) {

  static PersonResponse of(Person p) {
    return new PersonResponse(p.id(), p.nationalIdNumber(), p.name(), p.sex(), p.birthDate(), p.regionCode(), p.status());
  }
}
