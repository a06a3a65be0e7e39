package gov.civilaffairs.eldercare.card.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** What a caller sets to generate the transit-card file: only its date. */
record GenerateFileRequest(
    @Schema(description = "Civil date (Asia/Shanghai), at most today", example = "2026-11-15") @NotNull LocalDate date) {
}
