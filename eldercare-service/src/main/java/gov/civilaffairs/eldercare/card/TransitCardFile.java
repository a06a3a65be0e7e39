package gov.civilaffairs.eldercare.card;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The daily file for the transit-card system: the full list of free-transit cards with their state, so that a
 * missed or late file never loses a change (the transit-card system replaces its list with each file).
 *
 * @param fileDate the civil date (Asia/Shanghai) the file is for; one file per date
 * @param lineCount cards listed
 * @param notifications block/unblock notifications this file delivered (they are marked sent)
 * @param generatedAt when it was generated (UTC)
 */
public record TransitCardFile(
    @Schema(example = "2026-11-15") LocalDate fileDate,
    @Schema(example = "1250") int lineCount,
    @Schema(example = "3") int notifications,
    Instant generatedAt) {
}
