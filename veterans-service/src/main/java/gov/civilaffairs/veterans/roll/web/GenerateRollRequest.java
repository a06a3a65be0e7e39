package gov.civilaffairs.veterans.roll.web;

import java.time.YearMonth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The month whose pension roll to generate: the current month or an earlier one. */
record GenerateRollRequest(@NotNull @Schema(description = "发放月份", type = "string", example = "2026-07") YearMonth month) {
}
