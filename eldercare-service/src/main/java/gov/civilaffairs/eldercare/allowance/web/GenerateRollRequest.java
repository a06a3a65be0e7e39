package gov.civilaffairs.eldercare.allowance.web;

import java.time.YearMonth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** What a caller sets to generate a roll: only its month; lines and totals follow from the allowances. */
record GenerateRollRequest(
    @Schema(description = "Benefit month (yyyy-MM), at most the current month", type = "string", example = "2026-11")
    @NotNull YearMonth month) {
}
