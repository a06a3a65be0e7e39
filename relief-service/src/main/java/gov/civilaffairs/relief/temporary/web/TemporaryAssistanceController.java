package gov.civilaffairs.relief.temporary.web;

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
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.person.PersonStatus;
import gov.civilaffairs.relief.temporary.TemporaryAssistance;
import gov.civilaffairs.relief.temporary.TemporaryAssistanceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Temporary assistance (临时救助): record, read, list, approve or refuse. Area-checked (404, lists in SQL). */
@RestController
@RequestMapping("/temporary-assistance")
@Tag(name = "Temporary assistance", description = "临时救助: 急难型 (先行救助), 支出型")
class TemporaryAssistanceController {

  private final TemporaryAssistanceService service;

  TemporaryAssistanceController(TemporaryAssistanceService service) {
    this.service = service;
  }

  /** A case: what the caseworker may set; tier, status and payment are computed. */
  record NewCaseRequest(
      @Schema(description = "12-digit village or community code", example = "330681001001")
      @NotNull @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String regionCode,
      @Schema(example = "330681198001010037") @NotNull @ValidNationalIdNumber String nationalIdNumber,
      @Schema(example = "陈建国") @NotBlank @Size(max = 100) String name,
      @Schema(example = "EMERGENCY") @NotNull TemporaryAssistance.Kind kind,
      @Schema(example = "FIRE") @NotNull TemporaryAssistance.Cause cause,
      @Schema(example = "住房夜间失火，衣物家具全部烧毁。") @NotBlank @Size(max = 2000) String circumstances,
      @Schema(description = "yuan", example = "3000.00")
      @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount) {
  }

  /** A decision; a refusal states its reasons. */
  record DecisionRequest(@Schema(example = "true") @NotNull Boolean approve,
      @Schema(example = "经核实情况属实。") @Size(max = 500) String reason) {
  }

  /** A case with the ID number masked per role. */
  record CaseView(long id, String regionCode, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, String name,
      TemporaryAssistance.Kind kind, TemporaryAssistance.Cause cause, String circumstances, BigDecimal amount,
      TemporaryAssistance.Tier tier, TemporaryAssistance.Status status, PersonStatus registryStatus,
      LocalDate appliedOn, LocalDate paidOn, LocalDate approvalDueOn, LocalDate decidedOn, String decidedBy,
      String decisionReason, boolean recoveryRequired) {

    static CaseView of(TemporaryAssistance c) {
      return new CaseView(c.id(), c.regionCode(), c.nationalIdNumber(), c.name(), c.kind(), c.cause(),
          c.circumstances(), c.amount(), c.tier(), c.status(), c.registryStatus(), c.appliedOn(), c.paidOn(),
          c.approvalDueOn(), c.decidedOn(), c.decidedBy(), c.decisionReason(), c.recoveryRequired());
    }
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Record a temporary-assistance case; an emergency case is paid at once",
      description = "Example body: {\"regionCode\":\"330681001001\",\"nationalIdNumber\":\"330681198001010037\","
          + "\"name\":\"陈建国\",\"kind\":\"EMERGENCY\",\"cause\":\"FIRE\",\"circumstances\":\"住房失火\",\"amount\":\"3000.00\"}. "
          + "tier TOWNSHIP up to relief.temporary.township-approval-limit, else COUNTY. 400 validation; 403 "
          + "region-outside-area; 409 same-cause-within-year; 422 unknown-village, amount-over-maximum, "
          + "person-not-enrollable; 503 registry-unavailable (expenditure cases only).")
  @Audited(action = AuditAction.CREATE, objectType = "temporary-assistance", objectId = "#result?.body?.id",
      person = "#request.nationalIdNumber")
  ResponseEntity<CaseView> record(@Valid @RequestBody NewCaseRequest request, Caller caller) {
    if (!caller.regionScope().covers(request.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "Village " + request.regionCode() + " is outside your area.");
    }
    TemporaryAssistance c = service.record(new TemporaryAssistanceService.NewCase(request.regionCode(),
        NationalIdNumber.parse(request.nationalIdNumber()), request.name().strip(), request.kind(), request.cause(),
        request.circumstances().strip(), request.amount().setScale(2)), caller);
    return ResponseEntity.created(URI.create("/temporary-assistance/" + c.id())).body(CaseView.of(c));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Read a case", description = "Example: GET /temporary-assistance/3. 404 outside the area.")
  @Audited(action = AuditAction.READ, objectType = "temporary-assistance", objectId = "#id")
  CaseView find(@Parameter(example = "3") @PathVariable long id, Caller caller) {
    return CaseView.of(service.find(id, caller.regionScope()));
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "List the cases within the caller's area, ordered by id",
      description = "Example: GET /temporary-assistance?page=0&size=20.")
  @Audited(action = AuditAction.READ, objectType = "temporary-assistance")
  List<CaseView> list(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return service.list(caller.regionScope(), page, size).stream().map(CaseView::of).toList();
  }

  @PostMapping("/{id}/decision")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Approve or refuse a case at its tier",
      description = "Example body: {\"approve\":true}. A township caseworker decides TOWNSHIP-tier cases only (403 "
          + "approval-tier). An approved expenditure case is paid that day; a refused emergency case is marked "
          + "recoveryRequired. 404 outside the area; 409 already-decided; 422 reason-required.")
  @Audited(action = AuditAction.UPDATE, objectType = "temporary-assistance", objectId = "#id")
  CaseView decide(@Parameter(example = "3") @PathVariable long id, Caller caller,
      @Valid @RequestBody DecisionRequest request) {
    return CaseView.of(service.decide(id, caller, request.approve(), request.reason()));
  }
}
