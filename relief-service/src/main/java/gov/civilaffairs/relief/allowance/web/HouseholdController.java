package gov.civilaffairs.relief.allowance.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.relief.allowance.HouseholdService;
import gov.civilaffairs.relief.allowance.HouseholdService.NewMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Minimum-living-allowance households: register, read, list, name a new head. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@RequestMapping("/households")
@Tag(name = "Allowance households", description = "最低生活保障家庭")
class HouseholdController {

  private final HouseholdService service;
  private final BureauClock clock;

  HouseholdController(HouseholdService service, BureauClock clock) {
    this.service = service;
    this.clock = clock;
  }

  @PostMapping
  @Operation(summary = "Register a confirmed household and grant its allowance",
      description = "Example body: {\"regionCode\":\"330681001001\",\"area\":\"RURAL\",\"monthlyIncome\":\"800.00\","
          + "\"startMonth\":\"2026-01\",\"members\":[{\"nationalIdNumber\":\"330681195001010017\",\"name\":\"王建华\","
          + "\"relation\":\"HEAD\"},{\"nationalIdNumber\":\"330681195203050025\",\"name\":\"王秀英\",\"relation\":"
          + "\"SPOUSE\"}]}. 201 with the household and its allowance, Location /households/{id}. "
          + "Amount by the difference method. Every member is first checked in registry-service's "
          + "person index: 422 person-not-enrollable (deceased or not indexed), 503 registry-unavailable. "
          + "422 head-required, duplicate-member, not-eligible; 409 already-in-household; 403 "
          + "region-outside-area for a village outside the caller's area.")
  @Audited(action = AuditAction.CREATE, objectType = "household", objectId = "#result?.body?.id")
  ResponseEntity<HouseholdResponse> register(@Valid @RequestBody RegisterHouseholdRequest request, Caller caller) {
    if (!caller.regionScope().covers(request.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "Village " + request.regionCode() + " is outside your area; a household is registered by its own "
              + "township or county.");
    }
    List<NewMember> members = request.members().stream()
        .map(m -> new NewMember(NationalIdNumber.parse(m.nationalIdNumber()), m.name().strip(), m.relation()))
        .toList();
    service.checkEnrollable(members.stream().map(m -> m.nationalIdNumber().value()).distinct().toList());
    long id = service.register(request.regionCode(), request.area(), request.monthlyIncome(),
        request.startMonth(), members);
    return ResponseEntity.created(URI.create("/households/" + id)).body(view(id, null));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read a household, its members and its allowance (amount due for asOf, default this month)",
      description = "Example: GET /households/7?asOf=2026-07 -> {\"id\":7,\"regionCode\":\"330681001001\",\"area\":"
          + "\"RURAL\",\"headRequired\":false,\"members\":[{\"name\":\"王建华\",\"relation\":\"HEAD\",\"living\":true}],"
          + "\"allowance\":{\"status\":\"ACTIVE\",\"asOf\":\"2026-07\",\"currentAmount\":940.00}}. ID numbers masked per "
          + "role. 400 bad asOf (yyyy-MM); 404 when it does not exist or lies outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "household", objectId = "#id")
  HouseholdResponse household(@Parameter(example = "7") @PathVariable long id, Caller caller,
      @Parameter(example = "2026-07") @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM")
      YearMonth asOf) {
    service.household(id, caller.regionScope());
    return view(id, asOf);
  }

  @GetMapping
  @Operation(summary = "List the households within the caller's area, ordered by id",
      description = "Example: GET /households?page=0&size=20 (page from 0, size 1 to 200). Each household as "
          + "GET /households/{id} answers it, with the amount due this month.")
  @Audited(action = AuditAction.READ, objectType = "household")
  List<HouseholdResponse> households(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    YearMonth now = clock.currentMonth();
    return service.households(caller.regionScope(), page, size).stream()
        .map(h -> HouseholdResponse.of(h, service.allowance(h.id()), now)).toList();
  }

  @PutMapping("/{id}/head")
  @Operation(summary = "Name a new head (clears headRequired)",
      description = "Example: PUT /households/7/head with body {\"nationalIdNumber\":\"330681195203050025\"}. Answers "
          + "the household. 404 when it does not exist or lies outside the caller's area; 422 not-a-living-member.")
  @Audited(action = AuditAction.UPDATE, objectType = "household", objectId = "#id")
  HouseholdResponse nameHead(@Parameter(example = "7") @PathVariable long id, Caller caller,
      @Valid @RequestBody NameHeadRequest request) {
    service.household(id, caller.regionScope());
    service.nameHead(id, NationalIdNumber.parse(request.nationalIdNumber()));
    return view(id, null);
  }

  private HouseholdResponse view(long id, YearMonth asOf) {
    return HouseholdResponse.of(service.household(id), service.allowance(id),
        asOf == null ? clock.currentMonth() : asOf);
  }
}
