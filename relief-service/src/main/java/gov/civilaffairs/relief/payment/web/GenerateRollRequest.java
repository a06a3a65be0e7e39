package gov.civilaffairs.relief.payment.web;

import java.time.YearMonth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The month and scheme whose payment rolls to generate (one per township within the caller's area).
 *
 * @param scheme a scheme with an entitlement source, e.g. {@code MINIMUM_LIVING_ALLOWANCE}
 */
record GenerateRollRequest(@Schema(type = "string", example = "2026-07") @NotNull YearMonth month,
    @Schema(example = "MINIMUM_LIVING_ALLOWANCE") @NotBlank String scheme) {
}
