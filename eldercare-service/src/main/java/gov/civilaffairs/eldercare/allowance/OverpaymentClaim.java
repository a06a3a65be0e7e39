package gov.civilaffairs.eldercare.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Old-age allowance paid by sent rolls for months after the last month paid on a death, to be claimed back.
 *
 * @param fromMonth first month overpaid
 * @param toMonth last month overpaid
 * @param months months overpaid
 * @param amount yuan, scale 2
 * @param status OPEN, or WITHDRAWN when the death record was revoked
 */
public record OverpaymentClaim(
    @Schema(example = "2") long id,
    @Schema(example = "4711") long deathRecordId,
    @Schema(type = "string", example = "2026-09") YearMonth fromMonth,
    @Schema(type = "string", example = "2026-09") YearMonth toMonth,
    @Schema(example = "1") int months,
    @Schema(example = "50.00") BigDecimal amount,
    @Schema(example = "OPEN") String status) {
}
