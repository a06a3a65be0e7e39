package gov.civilaffairs.eldercare.allowance.web;

import java.net.URI;
import java.util.List;

import gov.civilaffairs.eldercare.allowance.OldAgeAllowances;
import gov.civilaffairs.eldercare.person.ElderlyPersons;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The old-age allowance (高龄津贴) of an elderly person. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@RequestMapping("/elderly-persons/{nationalIdNumber}/old-age-allowance")
@Tag(name = "Old-age allowance", description = "高龄津贴, monthly by age band")
class AllowanceController {

  private final ElderlyPersons persons;
  private final OldAgeAllowances allowances;

  AllowanceController(ElderlyPersons persons, OldAgeAllowances allowances) {
    this.persons = persons;
    this.allowances = allowances;
  }

  @PostMapping
  @Operation(summary = "Grant the old-age allowance from a month",
      description = "The amount is that of the person's age band in the start month (eldercare.old-age-allowance"
          + ".bands). 404 for a person not registered or outside the caller's area; 422 `under-allowance-age` or "
          + "`person-deceased`; 409 `allowance-exists`.")
  @Audited(action = AuditAction.CREATE, objectType = "old-age-allowance", person = "#nationalIdNumber")
  ResponseEntity<AllowanceResponse> grant(
      @Parameter(example = "330681194001010039") @PathVariable String nationalIdNumber,
      @Valid @RequestBody GrantAllowanceRequest request, Caller caller) {
    var allowance = allowances.grant(persons.require(nationalIdNumber, caller.regionScope()), request.startMonth());
    return ResponseEntity.created(URI.create("/elderly-persons/" + nationalIdNumber + "/old-age-allowance"))
        .body(AllowanceResponse.of(allowance, List.of(), List.of()));
  }

  @GetMapping
  @Operation(summary = "The person's allowance with its status, end month, what stopped it and its arrears",
      description = "404 when the person has no allowance, is not registered or lives outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "old-age-allowance", person = "#nationalIdNumber")
  AllowanceResponse read(@Parameter(example = "330681194001010039") @PathVariable String nationalIdNumber,
      Caller caller) {
    var allowance = allowances.of(persons.require(nationalIdNumber, caller.regionScope()))
        .orElseThrow(() -> ProblemException.notFound("Old-age allowance of", "this person"));
    return AllowanceResponse.of(allowance, allowances.arrearsOf(allowance), allowances.claimsOf(allowance));
  }
}
