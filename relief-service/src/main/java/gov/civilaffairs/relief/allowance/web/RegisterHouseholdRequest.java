package gov.civilaffairs.relief.allowance.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.Relation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A confirmed allowance household to register, with the month its allowance starts. */
record RegisterHouseholdRequest(
    @Schema(description = "12-digit village or community code", example = "330681001001")
    @NotNull @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String regionCode,
    @Schema(example = "RURAL") @NotNull Area area,
    @Schema(description = "assessed monthly income of the household, yuan", example = "800.00")
    @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal monthlyIncome,
    @Schema(description = "first month paid", type = "string", example = "2026-01")
    @NotNull YearMonth startMonth,
    @Schema(description = "1 to 20 members, exactly one with relation HEAD",
        example = "[{\"nationalIdNumber\":\"330681195001010017\",\"name\":\"王建华\",\"relation\":\"HEAD\"},"
            + "{\"nationalIdNumber\":\"330681195203050025\",\"name\":\"王秀英\",\"relation\":\"SPOUSE\"}]")
    @NotEmpty @Size(max = 20) List<@Valid @NotNull MemberRequest> members) {

  /** One member; exactly one has relation HEAD. */
  record MemberRequest(
      @Schema(example = "330681195001010017") @NotNull @ValidNationalIdNumber String nationalIdNumber,
      @Schema(example = "王秀英") @NotBlank @Size(max = 100) String name,
      @Schema(example = "HEAD") @NotNull Relation relation) {
  }
}
