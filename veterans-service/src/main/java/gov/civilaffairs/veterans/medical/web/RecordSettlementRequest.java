package gov.civilaffairs.veterans.medical.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import gov.civilaffairs.veterans.medical.CareType;
import gov.civilaffairs.veterans.medical.NewMedicalSettlement;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A one-stop settlement as the hospital reports it: exactly the fields of the bill. The veterans' subsidy and
 * what the patient pays are computed by the service, never set by the caller.
 */
@Schema(description = "一站式结算: a hospital's settlement of an entitled person's bill")
record RecordSettlementRequest(
    @NotBlank @Pattern(regexp = "[0-9A-Z]{1,30}", message = "digits and upper-case letters, 1 to 30")
    @Schema(description = "医疗机构代码", example = "12330681470000123X") String hospitalCode,
    @NotBlank @Size(max = 200) @Schema(description = "医疗机构名称", example = "诸暨市人民医院") String hospitalName,
    @NotBlank @Size(max = 60) @Schema(description = "结算单号", example = "ZY20260612-000871") String settlementReference,
    @NotNull @Schema(description = "门诊/住院", example = "INPATIENT") CareType careType,
    @NotNull @Schema(description = "就诊或入院日期", type = "string", example = "2026-06-02") LocalDate admittedOn,
    @Schema(description = "出院日期, inpatient only", type = "string", example = "2026-06-12", nullable = true)
    LocalDate dischargedOn,
    @NotNull @Schema(description = "结算日期", type = "string", example = "2026-06-12") LocalDate settledOn,
    @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
    @Schema(description = "医疗总费用 (yuan)", example = "18600.00") BigDecimal totalCost,
    @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
    @Schema(description = "基本医疗保险统筹支付 (yuan)", example = "11200.00") BigDecimal insurancePaid,
    @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
    @Schema(description = "大病保险支付 (yuan)", example = "1400.00") BigDecimal criticalIllnessPaid,
    @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
    @Schema(description = "医疗救助支付 (yuan)", example = "0.00") BigDecimal medicalAssistancePaid) {

  NewMedicalSettlement toNewSettlement() {
    return new NewMedicalSettlement(hospitalCode, hospitalName, settlementReference, careType, admittedOn, dischargedOn,
        settledOn, totalCost, insurancePaid, criticalIllnessPaid, medicalAssistancePaid);
  }
}
