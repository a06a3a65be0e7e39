package gov.civilaffairs.relief.extremepoverty.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.extremepoverty.ExtremePovertyCase;
import gov.civilaffairs.relief.extremepoverty.ExtremePovertyService;
import gov.civilaffairs.relief.extremepoverty.SupportAmount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/**
 * Extreme-poverty determination (特困人员认定, 民发〔2021〕43号): application, township review, county determination
 * or refusal. Area-checked (404 outside the caller's area; lists filtered in SQL); ID numbers masked per role.
 */
@RestController
@RequestMapping("/extreme-poverty-cases")
@Tag(name = "Extreme-poverty support", description = "特困人员认定与救助供养 (民发〔2021〕43号, 国发〔2016〕14号)")
class ExtremePovertyController {

  private final ExtremePovertyService service;

  ExtremePovertyController(ExtremePovertyService service) {
    this.service = service;
  }

  /** An application: what the township may set; status, conditions and decision come from the later steps. */
  record ApplicationRequest(
      @Schema(description = "12-digit village or community code where the person lives", example = "330681001001")
      @NotNull @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String regionCode,
      @Schema(example = "330681194501010051") @NotNull @ValidNationalIdNumber String nationalIdNumber,
      @Schema(example = "王秀英") @NotBlank @Size(max = 100) String name,
      @Schema(description = "which allowance standard sets the basic living standard", example = "RURAL")
      @NotNull Area area,
      @Schema(example = "独居，无子女，患慢性病多年，无劳动能力。") @NotBlank @Size(max = 2000) String circumstances) {
  }

  /** The township's verified conditions (《社会救助暂行办法》 art. 14; 民发〔2021〕43号) and findings. */
  record TownshipReviewRequest(
      @Schema(description = "无劳动能力", example = "true") @NotNull Boolean noWorkAbility,
      @Schema(description = "无生活来源", example = "true") @NotNull Boolean noIncomeSource,
      @Schema(description = "无法定义务人或义务人无履行能力", example = "true") @NotNull Boolean noAbleSupporter,
      @Schema(example = "入户调查：独居，无配偶子女；邻里访问属实。") @NotBlank @Size(max = 2000) String findings) {
  }

  /** The county's determination. */
  record DeterminationRequest(
      @Schema(example = "HOME") @NotNull ExtremePovertyCase.SupportMode supportMode,
      @Schema(example = "PARTIAL_SELF_CARE") @NotNull ExtremePovertyCase.CareLevel careLevel) {
  }

  /** A refusal, with its reasons. */
  record RefusalRequest(@Schema(example = "其子在外务工，具备赡养能力。") @NotBlank @Size(max = 1000) String reason) {
  }

  /** A case with the ID number masked per role, and the monthly support of its first month. */
  record CaseView(long id, String regionCode, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
      String name, Area area, String circumstances, ExtremePovertyCase.Status status, LocalDate appliedOn,
      Boolean noWorkAbility, Boolean noIncomeSource, Boolean noAbleSupporter, String townshipFindings,
      LocalDate townshipReviewedOn, String townshipReviewedBy, ExtremePovertyCase.SupportMode supportMode,
      ExtremePovertyCase.CareLevel careLevel, LocalDate decidedOn, String decidedBy, String refusalReason,
      YearMonth startMonth, YearMonth endMonth, String endReason, Long endDeathRecordId,
      @Schema(description = "last day of the township's review (working days)") LocalDate townshipReviewDueOn,
      @Schema(description = "last day of the county's determination (working days)") LocalDate determinationDueOn,
      @Schema(description = "waiting past the deadline of its current step") boolean overdue,
      @Schema(description = "yuan per month in startMonth") BigDecimal basicLiving,
      @Schema(description = "yuan per month") BigDecimal careAllowance,
      @Schema(description = "yuan per month in startMonth") BigDecimal monthlyAmount) {

    static CaseView of(ExtremePovertyCase c, SupportAmount amount, boolean overdue) {
      return new CaseView(c.id(), c.regionCode(), c.nationalIdNumber(), c.name(), c.area(), c.circumstances(),
          c.status(), c.appliedOn(), c.noWorkAbility(), c.noIncomeSource(), c.noAbleSupporter(), c.townshipFindings(),
          c.townshipReviewedOn(), c.townshipReviewedBy(), c.supportMode(), c.careLevel(), c.decidedOn(),
          c.decidedBy(), c.refusalReason(), c.startMonth(), c.endMonth(), c.endReason(), c.endDeathRecordId(),
          c.townshipReviewDueOn(), c.determinationDueOn(), overdue, amount == null ? null : amount.basicLiving(), amount == null ? null : amount.careAllowance(),
          amount == null ? null : amount.total());
    }
  }

  private CaseView view(ExtremePovertyCase c) {
    return CaseView.of(c, c.startMonth() == null ? null : service.amountFor(c, c.startMonth()), service.overdue(c));
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Take an application for extreme-poverty support (受理)",
      description = "Example body: {\"regionCode\":\"330681001001\",\"nationalIdNumber\":\"330681194501010051\","
          + "\"name\":\"王秀英\",\"area\":\"RURAL\",\"circumstances\":\"独居，无子女\"}. The person is checked in "
          + "registry-service's person index and against active allowance households and other extreme-poverty "
          + "cases. Errors (application/problem+json): 400 validation (field named); 403 region-outside-area; "
          + "409 already-covered; 422 unknown-village, person-not-enrollable; 503 registry-unavailable.")
  @Audited(action = AuditAction.CREATE, objectType = "extreme-poverty-case", objectId = "#result?.body?.id",
      person = "#request.nationalIdNumber")
  ResponseEntity<CaseView> apply(@Valid @RequestBody ApplicationRequest request, Caller caller) {
    if (!caller.regionScope().covers(request.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "Village " + request.regionCode() + " is outside your area.");
    }
    ExtremePovertyCase c = service.apply(new ExtremePovertyService.Application(request.regionCode(),
        NationalIdNumber.parse(request.nationalIdNumber()), request.name().strip(), request.area(),
        request.circumstances().strip()), caller);
    return ResponseEntity.created(URI.create("/extreme-poverty-cases/" + c.id())).body(view(c));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "Read an extreme-poverty case",
      description = "Example: GET /extreme-poverty-cases/7. monthlyAmount = basic living standard (allowance "
          + "standard x relief.extreme-poverty.basic-living-multiple) + care allowance of the care level, for the "
          + "start month. 404 (problem+json) outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "extreme-poverty-case", objectId = "#id")
  CaseView find(@Parameter(example = "7") @PathVariable long id, Caller caller) {
    return view(service.find(id, caller.regionScope()));
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "List extreme-poverty cases within the caller's area, ordered by id",
      description = "Example: GET /extreme-poverty-cases?status=SUPPORTED&page=0&size=20. 400 for an unknown status.")
  @Audited(action = AuditAction.READ, objectType = "extreme-poverty-case")
  List<CaseView> list(Caller caller, @RequestParam(required = false) ExtremePovertyCase.Status status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return service.list(caller.regionScope(), status, page, size).stream().map(this::view).toList();
  }

  /** A change with the ID number masked per role. */
  record ChangeView(long id, long caseId, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
      long deathRecordId, java.util.UUID eventId, String type, String detail, java.time.Instant recordedAt) {
  }

  @GetMapping("/{id}/changes")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "Why was this support stopped? The changes death records made, oldest first",
      description = "Example: GET /extreme-poverty-cases/7/changes -> [{\"type\":\"SUPPORT_TERMINATED\",\"deathRecordId\":"
          + "9101,\"detail\":\"died on 2026-10-03; support ended, last month paid 2026-10\"},{\"type\":"
          + "\"RESIDENCE_ENDED\"},{\"type\":\"FUNERAL_ARRANGEMENT\"}]. 404 (problem+json) outside the area.")
  @Audited(action = AuditAction.READ, objectType = "extreme-poverty-case", objectId = "#id")
  List<ChangeView> changes(@Parameter(example = "7") @PathVariable long id, Caller caller) {
    return service.changes(id, caller.regionScope()).stream().map(c -> new ChangeView(c.id(), c.caseId(),
        c.nationalIdNumber(), c.deathRecordId(), c.eventId(), c.type(), c.detail(), c.recordedAt())).toList();
  }

  @PostMapping("/{id}/township-review")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Record the township's review and send the case to the county (乡镇审核)",
      description = "Example body: {\"noWorkAbility\":true,\"noIncomeSource\":true,\"noAbleSupporter\":true,"
          + "\"findings\":\"入户调查属实\"}. Errors (problem+json): 400 validation; 404 outside the area; 409 "
          + "wrong-status.")
  @Audited(action = AuditAction.UPDATE, objectType = "extreme-poverty-case", objectId = "#id")
  CaseView townshipReview(@Parameter(example = "7") @PathVariable long id, Caller caller, @Valid @RequestBody TownshipReviewRequest request) {
    return view(service.townshipReview(id, new ExtremePovertyService.Conditions(request.noWorkAbility(),
        request.noIncomeSource(), request.noAbleSupporter(), request.findings().strip()), caller));
  }

  @PostMapping("/{id}/determination")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "Determine the person an extreme-poverty person (县级确认), support from next month",
      description = "Example body: {\"supportMode\":\"HOME\",\"careLevel\":\"PARTIAL_SELF_CARE\"}. All three "
          + "conditions must have been verified by the township. Errors (problem+json): 400 validation; 404 "
          + "outside the area; 409 wrong-status, already-covered; 422 conditions-not-met (member unmet).")
  @Audited(action = AuditAction.UPDATE, objectType = "extreme-poverty-case", objectId = "#id")
  CaseView determine(@Parameter(example = "7") @PathVariable long id, Caller caller, @Valid @RequestBody DeterminationRequest request) {
    return view(service.determine(id, request.supportMode(), request.careLevel(), caller));
  }

  @PostMapping("/{id}/refusal")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Refuse a case with reasons (不予确认)",
      description = "Example body: {\"reason\":\"其子具备赡养能力。\"}. Errors (problem+json): 400 reason missing; 404 "
          + "outside the area; 409 wrong-status (already decided).")
  @Audited(action = AuditAction.UPDATE, objectType = "extreme-poverty-case", objectId = "#id")
  CaseView refuse(@Parameter(example = "7") @PathVariable long id, Caller caller, @Valid @RequestBody RefusalRequest request) {
    return view(service.refuse(id, request.reason().strip(), caller));
  }
}
