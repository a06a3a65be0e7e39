package gov.civilaffairs.eldercare.allowance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The monthly payment roll of the old-age allowance (高龄津贴发放花名册) with its control totals.
 *
 * @param month the benefit month
 * @param status GENERATED (may still drop a person who died), then SENT (to the bank; never changes again)
 * @param lineCount number of lines (MONTHLY and ARREARS)
 * @param totalAmount sum of the lines, yuan, scale 2
 * @param generatedAt when it was generated (UTC)
 * @param sentAt when it was marked sent (UTC), {@code null} before
 */
public record AllowanceRoll(
    @Schema(example = "3") long id,
    @Schema(type = "string", example = "2026-11") YearMonth month,
    @Schema(example = "GENERATED") Status status,
    @Schema(example = "2") int lineCount,
    @Schema(example = "200.00") BigDecimal totalAmount,
    Instant generatedAt,
    Instant sentAt) {

  /** Where the roll is in its life. */
  public enum Status {
    /** Generated, not yet sent to the bank. */
    GENERATED,
    /** Sent to the bank: never changes again. */
    SENT
  }
}
