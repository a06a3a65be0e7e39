package gov.civilaffairs.veterans.person.web;

import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.EntitledPersons;
import io.swagger.v3.oas.annotations.Operation;
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

/** REST for entitled persons (优抚对象): register, read by ID number, list. Errors are problem+json. */
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
      description = "400 on invalid fields, 409 entitled-person-exists, 422 disability-details, pension-months or unknown-region.")
  @Audited(action = AuditAction.CREATE, objectType = "entitled-person", objectId = "#result?.id()",
      person = "#result?.id()")
  EntitledPersonResponse register(@Valid @RequestBody RegisterEntitledPersonRequest request) {
    EntitledPerson person = persons.register(request.toNewEntitledPerson());
    return EntitledPersonResponse.of(person, persons.pensionsOf(person.id()));
  }

  @GetMapping("/entitled-persons/{nationalIdNumber}")
  @Operation(summary = "Read an entitled person and their pensions by national ID number")
  @Audited(action = AuditAction.READ, objectType = "entitled-person", objectId = "#result?.id()",
      person = "#result?.id()")
  EntitledPersonResponse get(@PathVariable String nationalIdNumber) {
    EntitledPerson person = persons.require(nationalIdNumber);
    return EntitledPersonResponse.of(person, persons.pensionsOf(person.id()));
  }

  @GetMapping("/entitled-persons")
  @Operation(summary = "List entitled persons, ordered by id, optionally of one category")
  @Audited(action = AuditAction.READ, objectType = "entitled-person")
  List<EntitledPersonResponse> list(@RequestParam(required = false) EntitledCategory category,
      @RequestParam(defaultValue = "0") @Min(0) int offset,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return persons.list(category, offset, limit).stream()
        .map(person -> EntitledPersonResponse.of(person, persons.pensionsOf(person.id()))).toList();
  }
}
