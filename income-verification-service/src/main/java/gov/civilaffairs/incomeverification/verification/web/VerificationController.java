package gov.civilaffairs.incomeverification.verification.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import gov.civilaffairs.incomeverification.verification.Verification;
import gov.civilaffairs.incomeverification.verification.VerificationService;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Household economic verification requests (家庭经济状况核对) and the household's list of queries of
 * other departments' data. Errors are problem+json: 400 {@code validation-failed} (field errors) or
 * {@code department-rejected-query}, 401, 403 ({@code forbidden}, {@code region-outside-area}), 404,
 * 409 {@code verification-pending}, 422 {@code consent-*} or {@code unknown-region} (see
 * {@link VerificationService#submit}). Roles and areas: docs/security.md.
 */
@RestController
@Tag(name = "Household economic verification", description = "家庭经济状况核对: other departments' data about a household, on its consent")
class VerificationController {

  private final VerificationService verifications;
  private final RegionDirectory regions;

  VerificationController(VerificationService verifications, RegionDirectory regions) {
    this.verifications = verifications;
    this.regions = regions;
  }

  /**
   * Verifies a household with every department; answers when all have answered or at the deadline.
   *
   * @return 201 with the request, the departments' outcomes and the report; {@code Location} of the request
   */
  @PostMapping("/verification-requests")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER') "
      + "or hasAuthority('SCOPE_verifications:write')")
  @Operation(summary = "Verify a household's income and assets with every department",
      description = "Asks tax, human resources and social security, housing provident fund, real estate, vehicles, "
          + "bank deposits, market regulation and the registry in parallel, on the household's written consent "
          + "(社会救助审核确认办法). 201 with the request, each department's outcome and the report: COMPLETED when "
          + "every department answered, PENDING with the missing sources otherwise (asked again later). The "
          + "household's area is regionCode, else the caller's region. Staff roles, or a machine client with scope "
          + "verifications:write (relief-service's allowance applications). 400 validation-failed or "
          + "department-rejected-query; 403 region-outside-area; 409 verification-pending; 422 consent-required, "
          + "consent-expired, consent-in-future, unknown-region. Every query is audited (QUERY_EXTERNAL) and listed "
          + "for the household (GET /households/{householdId}/department-queries).")
  ResponseEntity<Verification> submit(@RequestBody @Valid VerificationRequestBody body, Caller caller) {
    String region = body.regionCode();
    if (region != null) {
      regions.require(region);
      if (!caller.regionScope().covers(region)) {
        throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
            "The region " + region + " lies outside your area.",
            Map.of("errors", List.of(Map.of("field", "regionCode", "rule", "WithinCallerArea",
                "message", "must lie within the caller's area"))));
      }
    } else {
      region = caller.regionCode();
    }
    Verification verification = verifications.submit(body.toCommand(region));
    return ResponseEntity.created(URI.create("/verification-requests/" + verification.request().id()))
        .body(verification);
  }

  /** The request, the departments' latest outcomes and the report; 404 outside the caller's area. */
  @GetMapping("/verification-requests/{id}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Read a verification request with each department's outcome and the report",
      description = "Each department's latest query (status, records returned, times asked) and the report "
          + "(incomes, assets, determination). 404 when there is no such request or its household lies outside "
          + "the caller's area (a request without an area: city-wide roles only).")
  @Audited(action = AuditAction.READ, objectType = "verification-request", objectId = "#id")
  Verification find(@Parameter(example = "42") @PathVariable long id, Caller caller) {
    Verification verification = verifications.find(id);
    if (!caller.regionScope().covers(verification.request().regionCode())) {
      throw ProblemException.notFound("Verification request", id);
    }
    return verification;
  }

  /** The household's list of queries of other departments' data about its members. */
  @GetMapping("/households/{householdId}/department-queries")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "The household's list of queries of other departments' data about its members",
      description = "What the household may be given (个人信息保护法 arts. 44-45; issue 6): every query, retries "
          + "included, oldest first: who asked, the purpose, about whom (ID number masked for roles that do not see "
          + "it in full), which department, when, the outcome and how many records came back, never the values. "
          + "Only queries of requests within the caller's area (filtered in SQL); an unknown household or one "
          + "outside the area gives an empty list. 400 validation-failed for page or size out of range.")
  @Audited(action = AuditAction.READ, objectType = "department-query-log", objectId = "#householdId")
  VerificationService.QueryLogPage departmentQueries(
      @Parameter(example = "H-330681001004-0007") @PathVariable String householdId,
      @Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) int page,
      @Parameter(example = "50") @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
    return verifications.queryLog(householdId, caller.regionScope(), page, size);
  }
}
