package gov.civilaffairs.relief.application.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.Relation;
import gov.civilaffairs.relief.application.ApplicationService.Decision;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the application workflow. Each lists exactly what the caller of its step may set:
 * status, dates of the steps, amounts and the household are never fields (set by the service).
 */
final class ApplicationRequests {

  private ApplicationRequests() {
  }

  /** Intake (受理): the household, its members and its signed consent to the economic verification. */
  record Intake(
      @Schema(description = "12-digit village or community code", example = "330681001001")
      @NotNull @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String regionCode,
      @Schema(example = "URBAN") @NotNull Area area,
      @Schema(description = "reference of the signed consent (授权书) in the document store", example = "SQ-2026-0915-001")
      @NotBlank @Size(max = 100) String consentReference,
      @Schema(description = "the day the consent was signed", example = "2026-09-14") @NotNull LocalDate consentSignedOn,
      @Schema(description = "1 to 20 members, exactly one with relation HEAD",
          example = "[{\"nationalIdNumber\":\"330681198207080022\",\"name\":\"陈丽\",\"relation\":\"HEAD\"},"
              + "{\"nationalIdNumber\":\"330681201006120010\",\"name\":\"陈子轩\",\"relation\":\"CHILD\"}]")
      @NotEmpty @Size(max = 20) List<@Valid @NotNull Member> members) {

    /** One member; exactly one has relation HEAD. */
    record Member(
        @Schema(example = "330681198001010037") @NotNull @ValidNationalIdNumber String nationalIdNumber,
        @Schema(example = "陈建国") @NotBlank @Size(max = 100) String name,
        @Schema(example = "HEAD") @NotNull Relation relation) {
    }
  }

  /** Home investigation (入户调查). */
  record Investigation(
      @Schema(description = "what the visit found", example = "两人同住，户主因病无劳动能力，无车辆，住房为自有老宅。")
      @NotBlank @Size(max = 2000) String findings,
      @Schema(description = "day of the visit", example = "2026-09-18") @NotNull LocalDate investigatedOn,
      @Schema(description = "monthly income as assessed by the visit, yuan; omit to keep the verified figure", example = "600.00")
      @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal assessedMonthlyIncome,
      @Schema(description = "references of the photos in the document store", example = "[\"photo/2026/0918/a1.jpg\"]")
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> photoReferences) {
  }

  /** A review decision; a refusal states its reasons. */
  record Review(
      @Schema(example = "APPROVE") @NotNull Decision decision,
      @Schema(description = "reasons (required for REFUSE) or a note", example = "符合条件，同意进入公示。")
      @Size(max = 500) String reason) {
  }

  /** The township's first review (乡镇审核); {@code communityReview} asks for a community review first. */
  record FirstReview(
      @Schema(example = "APPROVE") @NotNull Decision decision,
      @Schema(description = "hold a community review (民主评议) before the notice; default false", example = "false")
      Boolean communityReview,
      @Schema(description = "reasons (required for REFUSE) or a note", example = "入户调查属实。") @Size(max = 500) String reason) {
  }

  /** An objection raised during the public notice. */
  record Objection(
      @Schema(description = "what was objected, and by whom if known", example = "邻居反映户主之子在外务工有稳定收入。")
      @NotBlank @Size(max = 2000) String summary) {
  }
}
