package gov.civilaffairs.eldercare.person.web;

import java.time.LocalDate;

import gov.civilaffairs.eldercare.person.ElderlyPerson;
import gov.civilaffairs.eldercare.person.ElderlyPersonStatus;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import io.swagger.v3.oas.annotations.media.Schema;

/** An elderly person as clients see it; the ID number is masked (QUALITY.md, Security). */
record ElderlyPersonResponse(
    @Schema(example = "1") long id,
    @Schema(description = "Masked: first 6 and last 4 characters", example = "330681********0039")
    @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
    @Schema(example = "张桂英") String name,
    @Schema(example = "1940-01-01") LocalDate birthDate,
    @Schema(example = "330681109290") String regionCode,
    @Schema(example = "LIVING") ElderlyPersonStatus status) {

  static ElderlyPersonResponse of(ElderlyPerson person) {
    return new ElderlyPersonResponse(person.id(), person.nationalIdNumber(), person.name(), person.birthDate(),
        person.regionCode(), person.status());
  }
}
