package gov.civilaffairs.relief.payee.web;

import java.time.Instant;

import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.relief.payee.PayeeAccount;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A household's payee account; the account number masked ({@code ***************0128}) unless the caller's role is
 * listed in {@code platform.security.unmasked-roles.BANK_ACCOUNT} (docs/security.md).
 */
record PayeeAccountResponse(
    @Schema(example = "7") long householdId,
    @Schema(example = "王建华") String holderName,
    @Schema(example = "102337000018") String bankCode,
    @Schema(example = "中国工商银行诸暨支行") String bankName,
    @Schema(description = "in full for the roles that may see it, else masked", example = "***************0128")
    @Masked(MaskType.BANK_ACCOUNT) String accountNumber,
    @Schema(example = "2026-07-01T02:30:00Z") Instant updatedAt,
    @Schema(example = "jiyang-caseworker") String updatedBy) {

  static PayeeAccountResponse of(PayeeAccount a) {
    return new PayeeAccountResponse(a.beneficiaryId(), a.holderName(), a.bankCode(), a.bankName(), a.accountNumber(),
        a.updatedAt(), a.updatedBy());
  }
}
