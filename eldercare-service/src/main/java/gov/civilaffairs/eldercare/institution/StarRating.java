package gov.civilaffairs.eldercare.institution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A star rating (星级评定) of an institution with its score sheet.
 *
 * @param totalScore sum of the scores
 * @param stars 0 to 5, by {@link StarRatingProperties#stars()}
 * @param scoreSheet one line per criterion with its score and maximum
 */
public record StarRating(
    @Schema(example = "2") long id,
    @Schema(example = "2026-10-15") LocalDate ratedOn,
    @Schema(example = "812.50") BigDecimal totalScore,
    @Schema(example = "4") int stars,
    List<Score> scoreSheet) {

  /** A line of the score sheet. */
  public record Score(
      @Schema(example = "SERVICE") String criterion,
      @Schema(example = "520.00") BigDecimal score,
      @Schema(example = "600.00") BigDecimal maxScore) {
  }
}
