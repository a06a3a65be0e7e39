package gov.civilaffairs.registry.person;

import java.time.LocalDate;

import gov.civilaffairs.platform.idnumber.Sex;

/**
 * A person of the person index (人口索引).
 *
 * @param id the registry's id of the person (the key of every event about them)
 * @param nationalIdNumber 18 characters, GB 11643-1999, check character upper case
 * @param name as in the household register, any Unicode characters (utf8mb4)
 * @param birthDate as encoded in the national ID number
 * @param regionCode household-registration region at village level: 12 digits (GB/T 2260 extended
 *     by the statistical division codes)
 */
public record Person(long id, String nationalIdNumber, String name, Sex sex, LocalDate birthDate,
    String regionCode, PersonStatus status) {
}
