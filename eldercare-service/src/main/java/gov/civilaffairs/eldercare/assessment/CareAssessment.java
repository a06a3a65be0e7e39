package gov.civilaffairs.eldercare.assessment;

import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A care-level assessment of an elderly person: the item scores and the level they give.
 *
 * @param totalScore sum of the item scores
 * @param careLevel by {@link CareAssessmentProperties#levels()}
 */
public record CareAssessment(
    @Schema(example = "4") long id,
    @Schema(example = "12") long personId,
    @Schema(example = "2026-11-10") LocalDate assessedOn,
    @Schema(example = "诸暨市老年人能力评估中心") String assessor,
    @Schema(example = "{\"SELF_CARE\":20,\"BASIC_MOTOR\":10,\"MENTAL_STATE\":20,\"PERCEPTION_SOCIAL\":8}")
    Map<String, Integer> items,
    @Schema(example = "58") int totalScore,
    @Schema(example = "MODERATE") String careLevel) {
}
