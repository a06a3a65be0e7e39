package gov.civilaffairs.veterans.subsidy.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import gov.civilaffairs.veterans.subsidy.NewSubsidy;
import gov.civilaffairs.veterans.subsidy.SubsidyType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A one-off subsidy to grant: exactly the fields a caseworker may set; status and approval follow the rules. */
@Schema(description = "医疗补助 / 临时困难补助 / 下岗失业残疾军人工伤保险、社会保险补助: a one-off subsidy with amount and reason")
record GrantSubsidyRequest(
    @NotNull @Schema(description = "补助类型", example = "INPATIENT_MEDICAL") SubsidyType type,
    @NotNull @Schema(description = "就诊、入院、困难发生日期, or the first day of the insured year", type = "string", example = "2026-06-18") LocalDate causeDate,
    @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
    @Schema(description = "补助金额 (yuan)", example = "4800.00") BigDecimal amount,
    @NotBlank @Size(max = 500)
    @Schema(description = "事由", example = "住院自付部分 9600.00 元，按 50% 补助") String reason) {

  NewSubsidy toNewSubsidy() {
    return new NewSubsidy(type, causeDate, amount, reason);
  }
}
