package gov.civilaffairs.veterans.person.web;

import java.math.BigDecimal;
import java.time.YearMonth;

import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.veterans.person.DisabilityCause;
import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.person.NewEntitledPerson;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registers an entitled person (优抚对象) with the monthly pension of their category. Lists exactly the
 * fields a caseworker may set; status and dates of death come only from the registry's events.
 */
@Schema(description = "登记优抚对象: an entitled person and their monthly pension")
record RegisterEntitledPersonRequest(
    @NotBlank @ValidNationalIdNumber
    @Schema(description = "公民身份号码 (GB 11643-1999)", example = "330681195203150019")
    String nationalIdNumber,
    @NotBlank @Size(max = 100)
    @Schema(description = "姓名", example = "王建国")
    String name,
    @NotNull
    @Schema(description = "优抚对象类别", example = "DISABLED_VETERAN")
    EntitledCategory category,
    @Schema(description = "残疾等级 1-10, disabled veterans only", example = "6", nullable = true)
    Integer disabilityGrade,
    @Schema(description = "致残性质, disabled veterans only", example = "WAR", nullable = true)
    DisabilityCause disabilityCause,
    @NotBlank @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}")
    @Schema(description = "户籍地行政区划代码 (GB/T 2260), 6, 9 or 12 digits", example = "330681001001")
    String regionCode,
    @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2)
    @Schema(description = "月发放金额 (yuan)", example = "2830.00")
    BigDecimal monthlyAmount,
    @NotNull
    @Schema(description = "起发月份", type = "string", example = "2024-01")
    YearMonth startMonth,
    @Schema(description = "止发月份 for a time-limited pension", type = "string", example = "2030-12", nullable = true)
    YearMonth endMonth) {

  NewEntitledPerson toNewEntitledPerson() {
    return new NewEntitledPerson(nationalIdNumber, name, category, disabilityGrade, disabilityCause, regionCode,
        monthlyAmount, startMonth, endMonth);
  }
}
