package gov.civilaffairs.eldercare.enterprise;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A welfare enterprise's annual qualification inspection (年检), made with the tax office.
 *
 * @param passed whether every condition was met
 * @param reasons the conditions not met (empty when passed)
 */
public record AnnualInspection(
    @Schema(example = "7") long id,
    @Schema(example = "2") long enterpriseId,
    @Schema(example = "2026") int inspectionYear,
    @Schema(example = "2026-04-10") LocalDate inspectedOn,
    @Schema(example = "60") int employees,
    @Schema(example = "18") int disabledEmployees,
    @Schema(example = "true") boolean passed,
    @Schema(example = "[]") List<String> reasons) {
}
