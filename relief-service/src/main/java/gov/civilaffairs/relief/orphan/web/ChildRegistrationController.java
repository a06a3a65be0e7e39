package gov.civilaffairs.relief.orphan.web;

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
import gov.civilaffairs.relief.orphan.ChildAllowanceService;
import gov.civilaffairs.relief.orphan.ChildRegistration;
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
 * Scattered orphans and de-facto unsupported children (散居孤儿 国办发〔2010〕54号, 事实无人抚养儿童 民发〔2019〕62号):
 * registration, reading, adoption. Area-checked (404, lists in SQL); ID numbers of child and guardian masked per role.
 */
@RestController
@RequestMapping("/child-registrations")
@Tag(name = "Orphans and de-facto unsupported children", description = "散居孤儿, 事实无人抚养儿童: 登记与基本生活费")
class ChildRegistrationController {

  private final ChildAllowanceService service;

  ChildRegistrationController(ChildAllowanceService service) {
    this.service = service;
  }

  record RegistrationRequest(
      @Schema(example = "330681001001") @NotNull @Pattern(regexp = "\\d{12}", message = "must be 12 digits")
      String regionCode,
      @Schema(example = "330681201503010023") @NotNull @ValidNationalIdNumber String nationalIdNumber,
      @Schema(example = "李小雨") @NotBlank @Size(max = 100) String name,
      @Schema(example = "SCATTERED_ORPHAN") @NotNull ChildRegistration.Kind kind,
      @Schema(example = "BOTH_PARENTS_DECEASED") @NotNull ChildRegistration.Cause cause,
      @Schema(example = "父亲2024年病故，母亲2025年因交通事故死亡。") @NotBlank @Size(max = 1000) String causeDetails,
      @Schema(example = "李国华") @NotBlank @Size(max = 100) String guardianName,
      @Schema(example = "330681195602030013") @NotNull @ValidNationalIdNumber String guardianNationalIdNumber,
      @Schema(example = "GRANDPARENT") @NotNull ChildRegistration.GuardianRelation guardianRelation) {
  }

  record AdoptionRequest(@Schema(example = "2026-11-20") @NotNull LocalDate adoptedOn,
      @Schema(description = "收养登记证 number", example = "浙诸收字2026-0031") @NotBlank @Size(max = 200) String reference) {
  }

  record RegistrationView(long id, String regionCode, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
      String name, LocalDate birthDate, ChildRegistration.Kind kind, ChildRegistration.Cause cause,
      String causeDetails, String guardianName,
      @Masked(MaskType.NATIONAL_ID_NUMBER) String guardianNationalIdNumber,
      ChildRegistration.GuardianRelation guardianRelation, LocalDate registeredOn, String registeredBy,
      YearMonth startMonth, @Schema(description = "month of the 18th birthday") YearMonth ageEndMonth,
      ChildRegistration.Status status, YearMonth endMonth, ChildRegistration.EndReason endReason, LocalDate endedOn,
      String endReference, Long endDeathRecordId, @Schema(description = "last month paid") YearMonth lastMonth,
      @Schema(description = "yuan per month") BigDecimal monthlyAmount) {
  }

  private RegistrationView view(ChildRegistration r) {
    return new RegistrationView(r.id(), r.regionCode(), r.nationalIdNumber(), r.name(), r.birthDate(), r.kind(),
        r.cause(), r.causeDetails(), r.guardianName(), r.guardianNationalIdNumber(), r.guardianRelation(),
        r.registeredOn(), r.registeredBy(), r.startMonth(), r.ageEndMonth(), r.status(), r.endMonth(), r.endReason(),
        r.endedOn(), r.endReference(), r.endDeathRecordId(), r.lastMonth(), service.monthlyAmount(r));
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Register a scattered orphan or a de-facto unsupported child",
      description = "Example body: {\"regionCode\":\"330681001001\",\"nationalIdNumber\":\"330681201503010023\","
          + "\"name\":\"李小雨\",\"kind\":\"SCATTERED_ORPHAN\",\"cause\":\"BOTH_PARENTS_DECEASED\",\"causeDetails\":"
          + "\"父母双亡\",\"guardianName\":\"李国华\",\"guardianNationalIdNumber\":\"330681195602030013\","
          + "\"guardianRelation\":\"GRANDPARENT\"}. Paid from the month after registration to the month of the 18th "
          + "birthday. Errors (problem+json): 400 validation; 403 region-outside-area; 409 already-registered; 422 "
          + "unknown-village, cause-not-of-kind, guardian-is-child, not-a-minor, person-not-enrollable; 503 "
          + "registry-unavailable.")
  @Audited(action = AuditAction.CREATE, objectType = "child-registration", objectId = "#result?.body?.id",
      person = "#request.nationalIdNumber")
  ResponseEntity<RegistrationView> register(@Valid @RequestBody RegistrationRequest request, Caller caller) {
    if (!caller.regionScope().covers(request.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "Village " + request.regionCode() + " is outside your area.");
    }
    ChildRegistration r = service.register(new ChildAllowanceService.NewRegistration(request.regionCode(),
        NationalIdNumber.parse(request.nationalIdNumber()), request.name().strip(), request.kind(), request.cause(),
        request.causeDetails().strip(), request.guardianName().strip(),
        NationalIdNumber.parse(request.guardianNationalIdNumber()), request.guardianRelation()), caller);
    return ResponseEntity.created(URI.create("/child-registrations/" + r.id())).body(view(r));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "Read a child registration",
      description = "Example: GET /child-registrations/5. 404 (problem+json) outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "child-registration", objectId = "#id")
  RegistrationView find(@Parameter(example = "7") @PathVariable long id, Caller caller) {
    return view(service.find(id, caller.regionScope()));
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "List child registrations within the caller's area, ordered by id",
      description = "Example: GET /child-registrations?kind=SCATTERED_ORPHAN&page=0&size=20. 400 for an unknown kind.")
  @Audited(action = AuditAction.READ, objectType = "child-registration")
  List<RegistrationView> list(Caller caller, @RequestParam(required = false) ChildRegistration.Kind kind,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return service.list(caller.regionScope(), kind, page, size).stream().map(this::view).toList();
  }

  /** A change with the ID number masked per role. */
  record ChangeView(long id, long registrationId, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
      long deathRecordId, java.util.UUID eventId, String type, String detail, java.time.Instant recordedAt) {
  }

  @GetMapping("/{id}/changes")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "Why was this allowance stopped? The changes death records made, oldest first",
      description = "Example: GET /child-registrations/5/changes -> [{\"type\":\"ALLOWANCE_TERMINATED\",\"deathRecordId\":"
          + "9101,\"detail\":\"died on 2026-10-03; allowance ended, last month paid 2026-10\"}]. 404 outside the area.")
  @Audited(action = AuditAction.READ, objectType = "child-registration", objectId = "#id")
  List<ChangeView> changes(@Parameter(example = "7") @PathVariable long id, Caller caller) {
    return service.changes(id, caller.regionScope()).stream().map(c -> new ChangeView(c.id(), c.registrationId(),
        c.nationalIdNumber(), c.deathRecordId(), c.eventId(), c.type(), c.detail(), c.recordedAt())).toList();
  }

  @PostMapping("/{id}/adoption")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Record the child's adoption: paid up to the month of adoption",
      description = "Example body: {\"adoptedOn\":\"2026-11-20\",\"reference\":\"浙诸收字2026-0031\"}. Errors "
          + "(problem+json): 400 validation; 404 outside the area; 409 already-ended; 422 date-in-future, "
          + "adoption-before-registration.")
  @Audited(action = AuditAction.UPDATE, objectType = "child-registration", objectId = "#id")
  RegistrationView adopted(@Parameter(example = "7") @PathVariable long id, @Valid @RequestBody AdoptionRequest request, Caller caller) {
    return view(service.adopted(id, request.adoptedOn(), request.reference().strip(), caller));
  }
}
