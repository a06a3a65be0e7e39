package gov.civilaffairs.eldercare.university;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The enrolment of one elderly-university school (老年电大教学点) in one term.
 *
 * @param regionCode where the school is: 6, 9 or 12 digits of GB/T 2260
 * @param termStart first day of the term's start month ({@link ElderlyUniversityProperties})
 * @param enrolled persons enrolled (学员人数)
 */
public record Enrolment(
    @Schema(example = "3") long id,
    @Schema(example = "暨阳街道老年电大教学点") String schoolName,
    @Schema(example = "330681001") String regionCode,
    @Schema(example = "2026") int termYear,
    @Schema(example = "SPRING") Season season,
    @Schema(example = "2026-03-01") LocalDate termStart,
    @Schema(example = "120") int enrolled) {

  /** The two terms of a school year. */
  public enum Season {
    SPRING, AUTUMN
  }
}
