package gov.civilaffairs.relief.application.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.region.Region;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.allowance.HouseholdService.NewMember;
import gov.civilaffairs.relief.application.AllowanceApplication;
import gov.civilaffairs.relief.application.ApplicationService;
import gov.civilaffairs.relief.application.ApplicationService.NewApplication;
import gov.civilaffairs.relief.application.ApplicationStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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
 * The minimum-living-allowance application workflow (低保申请审核确认, 民发〔2021〕57号), one endpoint per
 * step. Every application read or changed must lie within the caller's area, else 404; lists are filtered
 * in SQL. Errors are problem+json (see {@link ApplicationService}).
 */
@RestController
@RequestMapping("/allowance-applications")
@Tag(name = "Allowance applications", description = "最低生活保障申请: 受理, 核对, 入户调查, 乡镇审核, 民主评议, 公示, 审核确认")
class ApplicationController {

  private static final String STAFF = "'CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER'";

  private final ApplicationService service;
  private final RegionDirectory regions;
  private final BureauClock clock;

  ApplicationController(ApplicationService service, RegionDirectory regions, BureauClock clock) {
    this.service = service;
    this.regions = regions;
    this.clock = clock;
  }

  @PostMapping
  @PreAuthorize("hasAnyRole(" + STAFF + ")")
  @Operation(summary = "Take an application (受理) and ask for the household's economic verification",
      description = "Example body: {\"regionCode\":\"330681001001\",\"area\":\"URBAN\",\"consentReference\":"
          + "\"SQ-2026-0915-001\",\"consentSignedOn\":\"2026-09-14\",\"members\":[{\"nationalIdNumber\":"
          + "\"330681198001010037\",\"name\":\"陈建国\",\"relation\":\"HEAD\"}]}. Every member is checked against "
          + "active cases and open applications (409 already-covered) and in registry-service's person index "
          + "(422 person-not-enrollable for a deceased or unindexed member; registry down: taken with "
          + "registryCheck PENDING, retried). 422 unknown-village, head-required, duplicate-member, "
          + "consent-in-future, consent-expired; 403 region-outside-area. Answers 201 at status VERIFICATION "
          + "with dueOn (30 working days, official calendar).")
  @Audited(action = AuditAction.CREATE, objectType = "allowance-application", objectId = "#result?.body?.id")
  ResponseEntity<ApplicationResponse> intake(@Valid @RequestBody ApplicationRequests.Intake request, Caller caller) {
    if (!caller.regionScope().covers(request.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area", "Village " + request.regionCode()
          + " is outside your area; an application is taken by the household's own township or county.");
    }
    AllowanceApplication application = service.intake(new NewApplication(request.regionCode(), request.area(),
        request.consentReference().strip(), request.consentSignedOn(), request.members().stream()
            .map(m -> new NewMember(NationalIdNumber.parse(m.nationalIdNumber()), m.name().strip(), m.relation()))
            .toList()), caller);
    return ResponseEntity.created(URI.create("/allowance-applications/" + application.id())).body(view(application));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole(" + STAFF + ", 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "Read an application: members, verification report, steps, due date",
      description = "Example: GET /allowance-applications/12. 404 when it does not exist or lies outside the "
          + "caller's area. ID numbers masked unless the role sees them in full.")
  @Audited(action = AuditAction.READ, objectType = "allowance-application", objectId = "#id")
  ApplicationResponse application(@Parameter(example = "12") @PathVariable long id, Caller caller) {
    return view(service.application(id, caller.regionScope()));
  }

  @GetMapping
  @PreAuthorize("hasAnyRole(" + STAFF + ", 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "List the applications within the caller's area, ordered by id",
      description = "Example: GET /allowance-applications?status=PUBLIC_NOTICE&page=0&size=20.")
  @Audited(action = AuditAction.READ, objectType = "allowance-application")
  List<ApplicationResponse> applications(Caller caller,
      @Parameter(example = "PUBLIC_NOTICE") @RequestParam(required = false) ApplicationStatus status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return service.applications(caller.regionScope(), status, page, size).stream().map(this::view).toList();
  }

  @GetMapping("/overdue")
  @PreAuthorize("hasAnyRole(" + STAFF + ", 'AUDITOR')")
  @Operation(summary = "Overdue applications per township",
      description = "Open applications whose decision was due before today (dueOn, working days of the official "
          + "calendar), grouped by township (9-digit code), within the caller's area. Example: GET "
          + "/allowance-applications/overdue -> [{\"townshipCode\":\"330681001\",\"townshipName\":\"暨阳街道\","
          + "\"count\":1,\"applications\":[{\"id\":12,\"status\":\"FIRST_REVIEW\",\"dueOn\":\"2026-10-28\"}]}]")
  @Audited(action = AuditAction.READ, objectType = "allowance-application")
  List<OverdueTownship> overdue(Caller caller) {
    Map<String, List<OverdueTownship.OverdueApplication>> byTownship = new LinkedHashMap<>();
    for (AllowanceApplication a : service.overdue(caller.regionScope())) {
      byTownship.computeIfAbsent(a.regionCode().substring(0, 9), k -> new java.util.ArrayList<>())
          .add(new OverdueTownship.OverdueApplication(a.id(), a.regionCode(), a.status(), a.receivedOn(), a.dueOn()));
    }
    return byTownship.entrySet().stream()
        .map(e -> new OverdueTownship(e.getKey(), regions.find(e.getKey()).map(Region::name).orElse(null),
            e.getValue().size(), e.getValue()))
        .toList();
  }

  @PostMapping("/{id}/verification-request")
  @PreAuthorize("hasAnyRole(" + STAFF + ")")
  @Operation(summary = "Ask income-verification-service again after an inconclusive report or a refused request",
      description = "Example: POST /allowance-applications/12/verification-request (no body). The previous report "
          + "is cleared and a new request submitted; the application waits at VERIFICATION. 409 wrong-step, "
          + "verification-awaited (a request is still pending); 404 outside the area.")
  @Audited(action = AuditAction.UPDATE, objectType = "allowance-application", objectId = "#id")
  ApplicationResponse requestVerificationAgain(@Parameter(example = "12") @PathVariable long id, Caller caller) {
    return view(service.requestVerificationAgain(id, caller));
  }

  @PostMapping("/{id}/investigation")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT')")
  @Operation(summary = "Record the home investigation (入户调查): findings and photo references",
      description = "Example body: {\"findings\":\"两人同住，户主因病无劳动能力。\",\"investigatedOn\":\"2026-09-18\","
          + "\"assessedMonthlyIncome\":\"600.00\",\"photoReferences\":[\"photo/2026/0918/a1.jpg\"]}. Moves "
          + "HOME_INVESTIGATION -> FIRST_REVIEW. 409 wrong-step; 422 investigation-date-invalid; 404 outside the area.")
  @Audited(action = AuditAction.UPDATE, objectType = "allowance-application", objectId = "#id")
  ApplicationResponse investigate(@Parameter(example = "12") @PathVariable long id, Caller caller,
      @Valid @RequestBody ApplicationRequests.Investigation request) {
    return view(service.investigate(id, caller, request.findings().strip(), request.investigatedOn(),
        request.assessedMonthlyIncome(), request.photoReferences() == null ? List.of() : request.photoReferences()));
  }

  @PostMapping("/{id}/first-review")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "The township's first review (乡镇审核): approve or refuse with reasons",
      description = "Example body: {\"decision\":\"APPROVE\",\"communityReview\":false}. APPROVE starts the "
          + "7-day public notice, or the community review when communityReview is true; REFUSE needs reason "
          + "(422 reason-required). 409 wrong-step, registry-check-pending; 404 outside the area.")
  @Audited(action = AuditAction.UPDATE, objectType = "allowance-application", objectId = "#id")
  ApplicationResponse firstReview(@Parameter(example = "12") @PathVariable long id, Caller caller,
      @Valid @RequestBody ApplicationRequests.FirstReview request) {
    return view(service.firstReview(id, caller, request.decision(),
        Boolean.TRUE.equals(request.communityReview()), request.reason()));
  }

  @PostMapping("/{id}/community-review")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Record the community review (民主评议)",
      description = "Example body: {\"decision\":\"APPROVE\",\"reason\":\"评议代表一致同意。\"}. APPROVE starts the "
          + "public notice; REFUSE needs reason. 409 wrong-step; 422 reason-required; 404 outside the area.")
  @Audited(action = AuditAction.UPDATE, objectType = "allowance-application", objectId = "#id")
  ApplicationResponse communityReview(@Parameter(example = "12") @PathVariable long id, Caller caller,
      @Valid @RequestBody ApplicationRequests.Review request) {
    return view(service.communityReview(id, caller, request.decision(), request.reason()));
  }

  @GetMapping("/{id}/notice")
  @PreAuthorize("hasAnyRole(" + STAFF + ", 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "The public notice (公示) of an application: what is published",
      description = "Household size, adult members' names and relations, income, proposed monthly amount, "
          + "notice dates. No ID number; minors are counted, never named. Example: GET "
          + "/allowance-applications/12/notice. 409 not-in-notice unless the application is at PUBLIC_NOTICE; "
          + "404 outside the area.")
  @Audited(action = AuditAction.READ, objectType = "allowance-application", objectId = "#id")
  NoticeResponse notice(@Parameter(example = "12") @PathVariable long id, Caller caller) {
    AllowanceApplication a = service.application(id, caller.regionScope());
    if (a.status() != ApplicationStatus.PUBLIC_NOTICE) {
      throw ProblemException.conflict("not-in-notice", "Application " + id + " is at " + a.status()
          + "; only an application in its public notice has one.");
    }
    List<NoticeResponse.AdultView> adults = a.members().stream()
        .filter(m -> !service.minorOnNotice(a, m.nationalIdNumber()))
        .map(m -> new NoticeResponse.AdultView(m.name(), m.relation()))
        .toList();
    return new NoticeResponse(a.id(), a.regionCode(), regions.find(a.regionCode()).map(Region::name).orElse(null),
        a.area(), a.members().size(), adults, a.members().size() - adults.size(), a.monthlyIncome(),
        service.proposedMonthlyAmount(a), a.noticeStartsOn(), a.noticeEndsOn());
  }

  @PostMapping("/{id}/objections")
  @PreAuthorize("hasAnyRole(" + STAFF + ", 'VILLAGE_ASSISTANT')")
  @Operation(summary = "Record an objection raised during the public notice",
      description = "Example body: {\"summary\":\"邻居反映户主之子在外务工有稳定收入。\"}. The application goes back "
          + "to HOME_INVESTIGATION. 409 wrong-step, notice-ended; 404 outside the area.")
  @Audited(action = AuditAction.UPDATE, objectType = "allowance-application", objectId = "#id")
  ApplicationResponse object(@Parameter(example = "12") @PathVariable long id, Caller caller,
      @Valid @RequestBody ApplicationRequests.Objection request) {
    return view(service.object(id, caller, request.summary().strip()));
  }

  @PostMapping("/{id}/confirmation")
  @PreAuthorize("hasAnyRole(" + STAFF + ")")
  @Operation(summary = "Confirm (审核确认) or refuse after the public notice",
      description = "Example body: {\"decision\":\"APPROVE\"}. By the county (COUNTY_OFFICER, CITY_ADMINISTRATOR); "
          + "a township caseworker only where relief.application.confirmation-by-township is true (else 403 "
          + "confirmation-by-county). APPROVE registers the household and grants the allowance from the month "
          + "after today (householdId, startMonth); REFUSE needs reason. 409 wrong-step, notice-not-ended, "
          + "already-in-household; 422 reason-required, not-eligible, person-not-enrollable; 503 "
          + "registry-unavailable; 404 outside the area.")
  @Audited(action = AuditAction.UPDATE, objectType = "allowance-application", objectId = "#id")
  ApplicationResponse confirm(@Parameter(example = "12") @PathVariable long id, Caller caller,
      @Valid @RequestBody ApplicationRequests.Review request) {
    return view(service.confirm(id, caller, request.decision(), request.reason()));
  }

  private ApplicationResponse view(AllowanceApplication application) {
    LocalDate today = clock.today();
    return ApplicationResponse.of(application, today, service.proposedMonthlyAmount(application),
        service.refusalNoticeDueOn(application));
  }
}
