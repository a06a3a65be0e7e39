package gov.civilaffairs.eldercare.death.web;

import java.util.List;

import gov.civilaffairs.eldercare.death.BenefitChange;
import gov.civilaffairs.eldercare.death.DeathFlow;
import gov.civilaffairs.eldercare.person.ElderlyPersons;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** "Why was this benefit stopped?": the changes death records caused to a person's benefits. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Tag(name = "Benefit changes", description = "Changes caused by the registry's death records, and their undoing")
class BenefitChangeController {

  private final ElderlyPersons persons;
  private final DeathFlow deathFlow;

  BenefitChangeController(ElderlyPersons persons, DeathFlow deathFlow) {
    this.persons = persons;
    this.deathFlow = deathFlow;
  }

  @GetMapping("/elderly-persons/{nationalIdNumber}/benefit-changes")
  @Operation(summary = "Changes to the person's cards and allowance, oldest first",
      description = "Each names the death record (GET /deaths/{id} on registry-service) and the event that caused "
          + "it. 404 for an unknown person or one outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "benefit-change", person = "#nationalIdNumber")
  List<BenefitChange> changes(@Parameter(example = "330681194001010039") @PathVariable String nationalIdNumber,
      Caller caller) {
    return deathFlow.changesOf(persons.require(nationalIdNumber, caller.regionScope()));
  }
}
