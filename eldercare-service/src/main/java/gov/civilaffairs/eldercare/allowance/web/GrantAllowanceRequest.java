package gov.civilaffairs.eldercare.allowance.web;

import java.time.YearMonth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** What a caller may set when granting the old-age allowance; the amount follows from the age band. */
record GrantAllowanceRequest(
    @Schema(description = "First month paid (yyyy-MM)", type = "string", example = "2026-03")
    @NotNull YearMonth startMonth) {
}
