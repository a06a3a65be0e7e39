package gov.civilaffairs.eldercare.allowance.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.eldercare.allowance.AllowanceArrears;
import gov.civilaffairs.eldercare.allowance.AllowanceStatus;
import gov.civilaffairs.eldercare.allowance.OldAgeAllowance;
import gov.civilaffairs.eldercare.allowance.OverpaymentClaim;
import io.swagger.v3.oas.annotations.media.Schema;

/** An old-age allowance as clients see it, with its arrears. Amounts in yuan, scale 2. */
record AllowanceResponse(
    @Schema(example = "50.00") BigDecimal monthlyAmount,
    @Schema(type = "string", example = "2026-03") YearMonth startMonth,
    @Schema(type = "string", description = "Last month paid; null while ACTIVE", example = "2026-06")
    YearMonth endMonth,
    @Schema(example = "STOPPED") AllowanceStatus status,
    @Schema(description = "The registry's death record that stopped it, if any", example = "4711")
    Long stoppedByDeathRecordId,
    List<AllowanceArrears> arrears,
    @Schema(description = "Money paid by sent rolls after the last month paid on a death (OPEN) or withdrawn")
    List<OverpaymentClaim> overpaymentClaims) {

  static AllowanceResponse of(OldAgeAllowance allowance, List<AllowanceArrears> arrears,
      List<OverpaymentClaim> claims) {
    return new AllowanceResponse(allowance.monthlyAmount(), allowance.startMonth(), allowance.endMonth(),
        allowance.status(), allowance.stoppedByDeathRecordId(), arrears, claims);
  }
}
