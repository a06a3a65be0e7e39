package gov.civilaffairs.veterans.person.web;

import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.EntitledPersons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for entitled persons (优抚对象): register, read by ID number, list. Errors are problem+json. Staff see
 * and change only persons registered in their area (issue 3): outside it a person is answered 404 and not
 * listed.
 */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Tag(name = "entitled persons", description = "优抚对象 and their periodic pensions")
class EntitledPersonController {

  private final EntitledPersons persons;

  EntitledPersonController(EntitledPersons persons) {
    this.persons = persons;
  }

  @PostMapping("/entitled-persons")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Register an entitled person with their monthly pension",
      description = "The region must lie within the caller's area. Example body: {\"nationalIdNumber\":\"330681195203150019\","
          + "\"name\":\"王建国\",\"category\":\"DISABLED_VETERAN\",\"disabilityGrade\":6,\"disabilityCause\":\"WAR\","
          + "\"regionCode\":\"330681001001\",\"monthlyAmount\":\"2830.00\",\"startMonth\":\"2024-01\"} -> 201 with the "
          + "person and their pension (ID number masked per role). 400 on invalid fields, 403 region-outside-area, "
          + "409 entitled-person-exists, 422 disability-details, pension-months or unknown-region.")
  @Audited(action = AuditAction.CREATE, objectType = "entitled-person", objectId = "#result?.id()",
      person = "#result?.id()")
  EntitledPersonResponse register(@Valid @RequestBody RegisterEntitledPersonRequest request, Caller caller) {
    if (!caller.regionScope().covers(request.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area", "Region " + request.regionCode()
          + " is outside your area; an entitled person is registered by their own township or county.");
    }
    EntitledPerson person = persons.register(request.toNewEntitledPerson());
    return EntitledPersonResponse.of(person, persons.pensionsOf(person.id()));
  }

  @GetMapping("/entitled-persons/{nationalIdNumber}")
  @Operation(summary = "Read an entitled person and their pensions by national ID number",
      description = "Example: GET /entitled-persons/330681195203150019 -> the person, category and pensions. "
          + "404 if the person is not registered or lies outside the caller's area; 400 "
          + "invalid-national-id-number.")
  @Audited(action = AuditAction.READ, objectType = "entitled-person", objectId = "#result?.id()",
      person = "#nationalIdNumber")
  EntitledPersonResponse get(@Parameter(example = "330681195203150019") @PathVariable String nationalIdNumber,
      Caller caller) {
    EntitledPerson person = persons.requireInArea(nationalIdNumber, caller.regionScope());
    return EntitledPersonResponse.of(person, persons.pensionsOf(person.id()));
  }

  @GetMapping("/entitled-persons")
  @Operation(summary = "List entitled persons of the caller's area, ordered by id, optionally of one category",
      description = "Example: GET /entitled-persons?category=DISABLED_VETERAN&offset=0&limit=50. "
          + "Filtered in SQL by the caller's area (a township caseworker sees her township only). "
          + "400 on an unknown category or an offset/limit out of range.")
  @Audited(action = AuditAction.READ, objectType = "entitled-person")
  List<EntitledPersonResponse> list(
      @Parameter(example = "DISABLED_VETERAN") @RequestParam(required = false) EntitledCategory category,
      @RequestParam(defaultValue = "0") @Min(0) int offset,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, Caller caller) {
    return persons.list(category, caller.regionScope(), offset, limit).stream()
        .map(person -> EntitledPersonResponse.of(person, persons.pensionsOf(person.id()))).toList();
  }
}
