package gov.civilaffairs.relief.medical.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.relief.medical.MedicalAssistanceService;
import gov.civilaffairs.relief.medical.MedicalSettlement;
import gov.civilaffairs.relief.medical.PreTreatmentAdvance;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Medical assistance one-stop settlements (医疗救助一站式结算). */
@RestController
@RequestMapping("/medical-assistance")
@Tag(name = "Medical assistance", description = "医疗救助: 一站式结算 (门诊, 住院)")
class MedicalAssistanceController {

  private final MedicalAssistanceService service;

  MedicalAssistanceController(MedicalAssistanceService service) {
    this.service = service;
  }

  /** A settlement as the hospital reports it; deductible and assistance are computed. */
  record SettlementRequest(
      @Schema(example = "330681195001010033") @NotNull @ValidNationalIdNumber String nationalIdNumber,
      @Schema(example = "陈建国") @NotBlank @Size(max = 100) String name,
      @Schema(example = "ALLOWANCE") @NotNull @Pattern(regexp = "ALLOWANCE|NEAR_POVERTY") String category,
      @Schema(example = "INPATIENT") @NotNull @Pattern(regexp = "OUTPATIENT|INPATIENT") String kind,
      @Schema(example = "诸暨市人民医院") @NotBlank @Size(max = 200) String hospital,
      @Schema(example = "ZJRMYY-2026-0915-0001") @NotBlank @Size(max = 100) String settlementReference,
      @Schema(example = "2026-09-15") @NotNull LocalDate settledOn,
      @Schema(example = "20000.00") @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal totalCost,
      @Schema(example = "14000.00") @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal insurancePaid,
      @Schema(description = "policy-eligible cost left after insurance", example = "5000.00")
      @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal eligibleOutOfPocket) {
  }

  /** A settlement with the ID number masked per role. */
  record SettlementView(long id, String regionCode, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
      String name, String category, String kind, String hospital, String settlementReference, LocalDate settledOn,
      BigDecimal totalCost, BigDecimal insurancePaid, BigDecimal eligibleOutOfPocket, BigDecimal deductibleApplied,
      BigDecimal assistancePaid, Long advanceId, BigDecimal advanceOffset, BigDecimal advanceToRecover,
      BigDecimal payableAtSettlement, Long approvalBatchId) {

    static SettlementView of(MedicalSettlement s) {
      return new SettlementView(s.id(), s.regionCode(), s.nationalIdNumber(), s.name(), s.category(), s.kind(),
          s.hospital(), s.settlementReference(), s.settledOn(), s.totalCost(), s.insurancePaid(),
          s.eligibleOutOfPocket(), s.deductibleApplied(), s.assistancePaid(), s.advanceId(), s.advanceOffset(),
          s.advanceToRecover(), s.payableAtSettlement(), s.approvalBatchId());
    }
  }

  /** A pre-treatment advance: what the caseworker may set. */
  record AdvanceRequest(
      @Schema(example = "330681195001010033") @NotNull @ValidNationalIdNumber String nationalIdNumber,
      @Schema(example = "陈建国") @NotBlank @Size(max = 100) String name,
      @Schema(example = "ALLOWANCE") @NotNull @Pattern(regexp = "ALLOWANCE|NEAR_POVERTY") String category,
      @Schema(example = "诸暨市人民医院") @NotBlank @Size(max = 200) String hospital,
      @Schema(example = "住院手术前需预交押金，家庭无力支付。") @NotBlank @Size(max = 500) String reason,
      @Schema(description = "yuan", example = "5000.00") @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
      BigDecimal amount,
      @Schema(example = "2026-09-01") @NotNull LocalDate grantedOn) {
  }

  /** An advance with the ID number masked per role. */
  record AdvanceView(long id, String regionCode, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
      String name, String category, String hospital, String reason, BigDecimal amount, LocalDate grantedOn,
      String status, Long settlementId) {

    static AdvanceView of(PreTreatmentAdvance a) {
      return new AdvanceView(a.id(), a.regionCode(), a.nationalIdNumber(), a.name(), a.category(), a.hospital(),
          a.reason(), a.amount(), a.grantedOn(), a.status(), a.settlementId());
    }
  }

  @PostMapping("/pre-treatment-advances")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Grant pre-treatment assistance (医前救助), settled against the person's next settlement",
      description = "Example body: {\"nationalIdNumber\":\"330681195001010033\",\"name\":\"陈建国\",\"category\":"
          + "\"ALLOWANCE\",\"hospital\":\"诸暨市人民医院\",\"reason\":\"住院押金\",\"amount\":\"5000.00\","
          + "\"grantedOn\":\"2026-09-01\"}. The advance counts against the category's yearly cap while OPEN; the next "
          + "settlement of the category settles it (advanceOffset, payableAtSettlement, advanceToRecover). 201. 400 "
          + "validation; 409 advance-open (advanceId); 422 unknown-category, not-a-beneficiary, date-in-future, "
          + "over-annual-cap (capLeft).")
  @Audited(action = AuditAction.CREATE, objectType = "medical-pre-treatment-advance", objectId = "#result?.body?.id",
      person = "#request.nationalIdNumber")
  ResponseEntity<AdvanceView> grantAdvance(@Valid @RequestBody AdvanceRequest request, Caller caller) {
    PreTreatmentAdvance advance = service.grantAdvance(new MedicalAssistanceService.NewAdvance(
        NationalIdNumber.parse(request.nationalIdNumber()).value(), request.name().strip(), request.category(),
        request.hospital().strip(), request.reason().strip(), request.amount().setScale(2), request.grantedOn()),
        caller.regionScope(), caller.id());
    return ResponseEntity.created(URI.create("/medical-assistance/pre-treatment-advances/" + advance.id()))
        .body(AdvanceView.of(advance));
  }

  @GetMapping("/persons/{nationalIdNumber}/pre-treatment-advances")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "A person's pre-treatment advances within the caller's area, oldest first",
      description = "Example: GET /medical-assistance/persons/330681195001010033/pre-treatment-advances.")
  @Audited(action = AuditAction.READ, objectType = "medical-pre-treatment-advance", person = "#nationalIdNumber")
  List<AdvanceView> advancesOf(@Parameter(example = "330681195001010033") @PathVariable @ValidNationalIdNumber String nationalIdNumber, Caller caller) {
    return service.advancesOf(NationalIdNumber.parse(nationalIdNumber).value(), caller.regionScope()).stream()
        .map(AdvanceView::of).toList();
  }

  @PostMapping("/settlements")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Record a one-stop settlement and compute what assistance pays",
      description = "Example body: {\"nationalIdNumber\":\"330681195001010033\",\"name\":\"陈建国\",\"category\":"
          + "\"ALLOWANCE\",\"kind\":\"INPATIENT\",\"hospital\":\"诸暨市人民医院\",\"settlementReference\":"
          + "\"ZJRMYY-2026-0915-0001\",\"settledOn\":\"2026-09-15\",\"totalCost\":\"20000.00\",\"insurancePaid\":"
          + "\"14000.00\",\"eligibleOutOfPocket\":\"5000.00\"}. Deductible, ratio and yearly cap per category "
          + "(relief.medical.categories); the person's open pre-treatment advance of the category is settled here. 201; the same settlementReference again: 200 with the record made. "
          + "400 validation; 422 unknown-category, not-a-beneficiary, date-in-future, costs-inconsistent.")
  @Audited(action = AuditAction.CREATE, objectType = "medical-settlement", objectId = "#result?.body?.id",
      person = "#request.nationalIdNumber")
  ResponseEntity<SettlementView> settle(@Valid @RequestBody SettlementRequest request, Caller caller) {
    MedicalAssistanceService.Recorded recorded = service.settle(new MedicalAssistanceService.NewSettlement(
        NationalIdNumber.parse(request.nationalIdNumber()).value(), request.name().strip(), request.category(),
        request.kind(), request.hospital().strip(), request.settlementReference().strip(), request.settledOn(),
        request.totalCost().setScale(2), request.insurancePaid().setScale(2), request.eligibleOutOfPocket().setScale(2)),
        caller.regionScope(), caller.id());
    URI location = URI.create("/medical-assistance/settlements/" + recorded.settlement().id());
    return recorded.created() ? ResponseEntity.created(location).body(SettlementView.of(recorded.settlement()))
        : ResponseEntity.ok().location(location).body(SettlementView.of(recorded.settlement()));
  }

  @GetMapping("/persons/{nationalIdNumber}/settlements")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "A person's settlements within the caller's area, oldest first",
      description = "Example: GET /medical-assistance/persons/330681195001010033/settlements.")
  @Audited(action = AuditAction.READ, objectType = "medical-settlement", person = "#nationalIdNumber")
  List<SettlementView> ofPerson(@Parameter(example = "330681195001010033") @PathVariable @ValidNationalIdNumber String nationalIdNumber, Caller caller) {
    return service.ofPerson(NationalIdNumber.parse(nationalIdNumber).value(), caller.regionScope()).stream()
        .map(SettlementView::of).toList();
  }
}
