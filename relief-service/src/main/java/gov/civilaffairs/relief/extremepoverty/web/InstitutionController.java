package gov.civilaffairs.relief.extremepoverty.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.extremepoverty.InstitutionLink;
import gov.civilaffairs.relief.extremepoverty.InstitutionService;
import gov.civilaffairs.relief.extremepoverty.Residence;
import gov.civilaffairs.relief.extremepoverty.SupportInstitution;
import gov.civilaffairs.relief.extremepoverty.SupportRates;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support institutions for extreme-poverty persons (供养服务机构), admission and discharge of residents (集中供养),
 * institution-linked home support (户院挂钩) and the rates (集中供养率, 入住率). Area-checked: institutions and cases
 * outside the caller's area are 404; lists are filtered in SQL; ID numbers masked per role.
 */
@RestController
@Tag(name = "Extreme-poverty support institutions", description = "特困人员供养服务机构, 入院/出院, 户院挂钩")
class InstitutionController {

  private final InstitutionService service;

  InstitutionController(InstitutionService service) {
    this.service = service;
  }

  record InstitutionRequest(
      @Schema(description = "9-digit township or 12-digit village code", example = "330681001")
      @NotNull @Pattern(regexp = "\\d{9}|\\d{12}", message = "must be 9 or 12 digits") String regionCode,
      @Schema(example = "暨阳街道敬老院") @NotBlank @Size(max = 100) String name,
      @Schema(example = "60") @NotNull @Min(1) @Max(5000) Integer beds) {
  }

  record BedsRequest(@Schema(example = "80") @NotNull @Min(0) @Max(5000) Integer beds) {
  }

  record AdmissionRequest(@Schema(example = "7") @NotNull Long caseId,
      @Schema(example = "2026-10-08") @NotNull LocalDate admittedOn) {
  }

  record DischargeRequest(@Schema(example = "2026-11-02") @NotNull LocalDate dischargedOn,
      @Schema(description = "RETURNED_HOME or TRANSFERRED (DEATH comes from registry-service)",
          example = "RETURNED_HOME") @NotNull Residence.DischargeReason reason,
      @Schema(description = "for TRANSFERRED: the institution that admits the person", example = "3")
      Long toInstitutionId,
      @Schema(example = "本人申请回家分散供养。") @Size(max = 500) String note) {
  }

  record LinkRequest(@Schema(example = "3") @NotNull Long institutionId,
      @Schema(example = "MENTAL_ILLNESS") @NotNull InstitutionLink.Reason reason,
      @Schema(example = "2026-10-08") @NotNull LocalDate linkedOn) {
  }

  record EndLinkRequest(@Schema(example = "2027-01-05") @NotNull LocalDate endedOn) {
  }

  /** A stay with the ID number masked per role. */
  record ResidenceView(long id, long institutionId, long caseId,
      @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, String name, LocalDate admittedOn,
      String admittedBy, LocalDate dischargedOn, Residence.DischargeReason dischargeReason, String dischargeNote,
      Long deathRecordId) {

    static ResidenceView of(Residence r) {
      return new ResidenceView(r.id(), r.institutionId(), r.caseId(), r.nationalIdNumber(), r.name(), r.admittedOn(),
          r.admittedBy(), r.dischargedOn(), r.dischargeReason(), r.dischargeNote(), r.deathRecordId());
    }
  }

  record HistoryView(List<ResidenceView> residences, List<InstitutionLink> links) {
  }

  @PostMapping("/support-institutions")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "Record a support institution for extreme-poverty persons",
      description = "Example body: {\"regionCode\":\"330681001\",\"name\":\"暨阳街道敬老院\",\"beds\":60}. Errors "
          + "(problem+json): 400 validation; 403 region-outside-area; 409 duplicate-institution; 422 unknown-region.")
  ResponseEntity<SupportInstitution> register(@Valid @RequestBody InstitutionRequest request, Caller caller) {
    if (!caller.regionScope().covers(request.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "Region " + request.regionCode() + " is outside your area.");
    }
    SupportInstitution i = service.register(request.regionCode(), request.name().strip(), request.beds(), caller);
    return ResponseEntity.created(URI.create("/support-institutions/" + i.id())).body(i);
  }

  @GetMapping("/support-institutions/{id}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Read an institution with its beds and occupied beds",
      description = "Example: GET /support-institutions/3. 404 (problem+json) outside the caller's area.")
  SupportInstitution institution(@Parameter(example = "7") @PathVariable long id, Caller caller) {
    return service.institution(id, caller.regionScope());
  }

  @GetMapping("/support-institutions")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "List institutions within the caller's area, ordered by id",
      description = "Example: GET /support-institutions?page=0&size=20.")
  List<SupportInstitution> institutions(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return service.institutions(caller.regionScope(), page, size);
  }

  @PutMapping("/support-institutions/{id}/beds")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "Change the number of beds",
      description = "Example body: {\"beds\":80}. Errors (problem+json): 400 validation; 404 outside the area; 409 "
          + "beds-below-occupancy.")
  SupportInstitution beds(@Parameter(example = "7") @PathVariable long id, @Valid @RequestBody BedsRequest request, Caller caller) {
    return service.beds(id, request.beds(), caller);
  }

  @PostMapping("/support-institutions/{id}/residents")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Admit a supported extreme-poverty person (入院, 集中供养)",
      description = "Example body: {\"caseId\":7,\"admittedOn\":\"2026-10-08\"}. The case's support becomes "
          + "INSTITUTIONAL and a current institution link ends. Errors (problem+json): 400 validation; 404 institution "
          + "or case outside the area; 409 not-supported, already-resident, no-free-bed; 422 date-in-future, "
          + "admission-before-determination.")
  @Audited(action = AuditAction.CREATE, objectType = "institution-residence", objectId = "#result?.body?.id")
  ResponseEntity<ResidenceView> admit(@Parameter(example = "7") @PathVariable long id, @Valid @RequestBody AdmissionRequest request,
      Caller caller) {
    Residence r = service.admit(id, request.caseId(), request.admittedOn(), caller);
    return ResponseEntity.created(URI.create("/support-institutions/" + id + "/residents/" + r.id()))
        .body(ResidenceView.of(r));
  }

  @GetMapping("/support-institutions/{id}/residents")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "List the residents of an institution (current by default), ordered by residence id",
      description = "Example: GET /support-institutions/3/residents?current=true&page=0&size=50. 404 outside the area.")
  @Audited(action = AuditAction.READ, objectType = "institution-residence", objectId = "#id")
  List<ResidenceView> residents(@Parameter(example = "7") @PathVariable long id, Caller caller,
      @RequestParam(defaultValue = "true") boolean current, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return service.residents(id, current, page, size, caller.regionScope()).stream().map(ResidenceView::of).toList();
  }

  @PostMapping("/support-institutions/{id}/residents/{residenceId}/discharge")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Discharge a resident home or to another institution (出院, 转院)",
      description = "Example body: {\"dischargedOn\":\"2026-11-02\",\"reason\":\"RETURNED_HOME\"}; a transfer: "
          + "{\"dischargedOn\":\"2026-11-02\",\"reason\":\"TRANSFERRED\",\"toInstitutionId\":4}. Errors (problem+json): "
          + "400 validation; 404 outside the area; 409 already-discharged, no-free-bed (transfer); 422 date-in-future, "
          + "discharge-before-admission, death-through-registry, transfer-target-required.")
  @Audited(action = AuditAction.UPDATE, objectType = "institution-residence", objectId = "#residenceId")
  ResidenceView discharge(@Parameter(example = "7") @PathVariable long id, @Parameter(example = "12") @PathVariable long residenceId,
      @Valid @RequestBody DischargeRequest request, Caller caller) {
    return ResidenceView.of(service.discharge(id, residenceId, request.dischargedOn(), request.reason(),
        request.toInstitutionId(), request.note() == null ? null : request.note().strip(), caller));
  }

  @PostMapping("/extreme-poverty-cases/{id}/institution-link")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Link a person supported at home to an institution (户院挂钩)",
      description = "Example body: {\"institutionId\":3,\"reason\":\"MENTAL_ILLNESS\",\"linkedOn\":\"2026-10-08\"}. "
          + "Errors (problem+json): 400 validation; 404 case or institution outside the area; 409 not-supported, "
          + "resident, already-linked; 422 date-in-future.")
  @Audited(action = AuditAction.UPDATE, objectType = "extreme-poverty-case", objectId = "#id")
  ResponseEntity<InstitutionLink> link(@Parameter(example = "7") @PathVariable long id, @Valid @RequestBody LinkRequest request, Caller caller) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(service.link(id, request.institutionId(), request.reason(), request.linkedOn(), caller));
  }

  @PostMapping("/extreme-poverty-cases/{id}/institution-link/end")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "End the person's institution link",
      description = "Example body: {\"endedOn\":\"2027-01-05\"}. Errors (problem+json): 400 validation; 404 outside "
          + "the area or no current link; 422 date-in-future, end-before-link.")
  @Audited(action = AuditAction.UPDATE, objectType = "extreme-poverty-case", objectId = "#id")
  InstitutionLink endLink(@Parameter(example = "7") @PathVariable long id, @Valid @RequestBody EndLinkRequest request, Caller caller) {
    return service.endLink(id, request.endedOn(), caller);
  }

  @GetMapping("/extreme-poverty-cases/{id}/support-history")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "A person's institution stays and links",
      description = "Example: GET /extreme-poverty-cases/7/support-history. 404 outside the area.")
  @Audited(action = AuditAction.READ, objectType = "extreme-poverty-case", objectId = "#id")
  HistoryView history(@Parameter(example = "7") @PathVariable long id, Caller caller) {
    InstitutionService.SupportHistory h = service.history(id, caller.regionScope());
    return new HistoryView(h.residences().stream().map(ResidenceView::of).toList(), h.links());
  }

  @GetMapping("/extreme-poverty-rates")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Extreme-poverty support now: supported, institutional and home, links, beds, rates",
      description = "Example: GET /extreme-poverty-rates?region=330681001 -> institutionalSupportRate (集中供养率 = "
          + "institutional / supported), admissionRate (入住率 = occupied beds / beds), noSelfCareInstitutionalRate; "
          + "fractions with 4 decimals, null when the denominator is 0. region: 6, 9 or 12 digits within the caller's "
          + "area (400 invalid-region; 403 region-outside-area); omitted: the caller's area.")
  SupportRates rates(Caller caller, @Parameter(example = "330681001") @RequestParam(required = false) String region) {
    RegionScope scope = caller.regionScope();
    if (region != null) {
      if (!region.matches("\\d{6}|\\d{9}|\\d{12}")) {
        throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-region", "region must be 6, 9 or 12 digits.");
      }
      if (!scope.covers(region)) {
        throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area", "Region " + region
            + " is outside your area.");
      }
      scope = RegionScope.within(region);
    }
    return service.rates(scope, region);
  }
}
