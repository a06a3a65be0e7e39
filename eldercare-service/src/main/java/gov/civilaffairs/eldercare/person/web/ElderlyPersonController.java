package gov.civilaffairs.eldercare.person.web;

import java.net.URI;
import java.util.List;

import gov.civilaffairs.eldercare.person.ElderlyPersons;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Elderly persons (老年人): register, read by national ID number, list. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Validated
@RequestMapping("/elderly-persons")
@Tag(name = "Elderly persons", description = "老年人: persons aged 60 or older")
class ElderlyPersonController {

  private final ElderlyPersons persons;

  ElderlyPersonController(ElderlyPersons persons) {
    this.persons = persons;
  }

  @PostMapping
  @Operation(summary = "Register an elderly person",
      description = "400 for an invalid field or ID number (with the rule broken); 422 `under-elderly-age` when "
          + "the person is under 60 today, 422 for a region code that is not a known village; 409 when the ID "
          + "number is already registered; 403 `region-outside-area` for a village outside the caller's area.")
  @Audited(action = AuditAction.CREATE, objectType = "elderly-person", objectId = "#result?.body?.id",
      person = "#request.nationalIdNumber")
  ResponseEntity<ElderlyPersonResponse> register(@Valid @RequestBody RegisterElderlyPersonRequest request,
      Caller caller) {
    if (!caller.regionScope().covers(request.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area", "Village " + request.regionCode()
          + " is outside your area; a person is registered by his or her own township or county.");
    }
    var person = persons.register(request.nationalIdNumber(), request.name(), request.regionCode());
    return ResponseEntity.created(URI.create("/elderly-persons/" + person.nationalIdNumber()))
        .body(ElderlyPersonResponse.of(person));
  }

  @GetMapping("/{nationalIdNumber}")
  @Operation(summary = "Read an elderly person by national ID number", description = "404 when not registered, or registered outside the caller's area (issue 3).")
  @Audited(action = AuditAction.READ, objectType = "elderly-person", objectId = "#result?.id",
      person = "#nationalIdNumber")
  ElderlyPersonResponse read(@Parameter(example = "330681194001010039") @PathVariable String nationalIdNumber,
      Caller caller) {
    return ElderlyPersonResponse.of(persons.require(nationalIdNumber, caller.regionScope()));
  }

  @GetMapping
  @Operation(summary = "List the elderly persons within the caller's area, in id order",
      description = "Only persons whose region lies within the caller's area (filtered in SQL, issue 3). Keyset "
          + "pagination: pass the last id of a page as `afterId` to get the next.")
  @Audited(action = AuditAction.READ, objectType = "elderly-person")
  List<ElderlyPersonResponse> list(Caller caller, @RequestParam(defaultValue = "0") @Min(0) long afterId,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return persons.page(caller.regionScope(), afterId, size).stream().map(ElderlyPersonResponse::of).toList();
  }
}
