package gov.civilaffairs.veterans.standard.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import gov.civilaffairs.veterans.person.DisabilityCause;
import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.standard.NewPensionStandard;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A pension standard to publish: the national amount and the city's supplement, each with its source. */
@Schema(description = "发布抚恤补助标准: national standard plus local supplement, from an effective month")
record PublishPensionStandardRequest(
    @NotNull
    @Schema(description = "优抚对象类别", example = "MARTYR_SURVIVOR")
    EntitledCategory category,
    @Schema(description = "残疾等级 1-10, disabled veterans only", example = "null", nullable = true)
    Integer disabilityGrade,
    @Schema(description = "致残性质, disabled veterans only", example = "null", nullable = true)
    DisabilityCause disabilityCause,
    @NotNull
    @Schema(description = "起始执行月份; may be before publication (backdated)", type = "string", example = "2026-01")
    YearMonth effectiveFrom,
    @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
    @Schema(description = "国家标准 (yuan per month)", example = "2210.00")
    BigDecimal nationalAmount,
    @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
    @Schema(description = "地方补贴 (yuan per month); 0.00 if omitted", example = "150.00", nullable = true)
    BigDecimal localSupplement,
    @NotBlank @Size(max = 200)
    @Schema(description = "国家标准文件", example = "退役军人部发〔2026〕12号")
    String nationalSource,
    @Size(max = 200)
    @Schema(description = "地方补贴文件", example = "诸暨市退役军人事务局〔2026〕5号", nullable = true)
    String localSource,
    @Schema(description = "发布日期; today if omitted", type = "string", example = "2026-07-10", nullable = true)
    LocalDate publishedOn) {

  NewPensionStandard toNewPensionStandard() {
    return new NewPensionStandard(category, disabilityGrade, disabilityCause, effectiveFrom, nationalAmount,
        localSupplement, nationalSource, localSource, publishedOn);
  }
}
