package gov.civilaffairs.relief.payee.web;

import gov.civilaffairs.relief.payee.ValidBankAccountNumber;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A payee account to set: exactly what the caller may set (the household comes from the path). */
record PayeeAccountRequest(
    @Schema(description = "account holder's name as the bank has it (户名)", example = "王建华")
    @NotBlank @Size(max = 100) String holderName,
    @Schema(description = "12-digit bank code (支付系统行号, CNAPS)", example = "102337000018")
    @NotNull @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String bankCode,
    @Schema(description = "bank and branch (开户行)", example = "中国工商银行诸暨支行")
    @NotBlank @Size(max = 100) String bankName,
    @Schema(description = "account or card number, digits only, 12-19 digits; a number starting with 62 (UnionPay) "
        + "must pass the Luhn check digit", example = "6222021234567890128")
    @NotNull @ValidBankAccountNumber String accountNumber) {
}
