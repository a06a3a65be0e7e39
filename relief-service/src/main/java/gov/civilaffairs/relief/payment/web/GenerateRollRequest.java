package gov.civilaffairs.relief.payment.web;

import java.time.YearMonth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The month whose payment roll to generate. */
record GenerateRollRequest(@Schema(type = "string", example = "2026-07") @NotNull YearMonth month) {
}
