package gov.civilaffairs.eldercare.person;

import java.time.LocalDate;

/**
 * An elderly person (老年人) known to the bureau: 60 or older by the birth date in the national ID
 * number (中华人民共和国老年人权益保障法, art. 2).
 *
 * @param id this service's id of the person
 * @param nationalIdNumber 公民身份号码, 18 characters, upper-case {@code X}
 * @param name 姓名 as in the household register
 * @param birthDate read from the national ID number
 * @param regionCode 户籍所在地, GB/T 2260 village-level code, 12 digits
 * @param status living, or deceased by a confirmed death record
 */
public record ElderlyPerson(long id, String nationalIdNumber, String name, LocalDate birthDate, String regionCode,
    ElderlyPersonStatus status) {
}
