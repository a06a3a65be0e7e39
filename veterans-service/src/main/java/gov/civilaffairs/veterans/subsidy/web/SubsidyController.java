package gov.civilaffairs.veterans.subsidy.web;

import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.EntitledPersons;
import gov.civilaffairs.veterans.subsidy.Subsidies;
import gov.civilaffairs.veterans.subsidy.Subsidy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-off subsidies over REST. Staff see and change only persons registered in their area: a person or
 * subsidy outside it is answered 404, as if it did not exist.
 */
@RestController
@Tag(name = "subsidies", description = "门诊/住院医疗补助, 临时困难补助, 下岗失业残疾军人工伤保险/社会保险补助: one-off subsidies with approval")
class SubsidyController {

  private final Subsidies subsidies;
  private final EntitledPersons persons;

  SubsidyController(Subsidies subsidies, EntitledPersons persons) {
    this.subsidies = subsidies;
    this.persons = persons;
  }

  @PostMapping("/entitled-persons/{nationalIdNumber}/subsidies")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Grant a one-off subsidy; approved at once within the caller's approval limit",
      description = "Example: POST /entitled-persons/330681195203150019/subsidies with {\"type\":\"INPATIENT_MEDICAL\","
          + "\"causeDate\":\"2026-06-18\",\"amount\":\"4800.00\",\"reason\":\"住院自付部分 9600.00 元，按 50% 补助\"} -> 201, "
          + "status PENDING_APPROVAL for a township caseworker (above her limit), APPROVED for a county officer. "
          + "400 on invalid fields; 404 if the person is unknown or outside the caller's area; 409 subsidy-exists "
          + "for the same person, type and date (or year, for the insurance subsidies); 422 person-deceased, cause-date, "
          + "not-eligible, evidence-missing or amount-above-maximum.")
  @Audited(action = AuditAction.CREATE, objectType = "subsidy", objectId = "#result?.id()", person = "#nationalIdNumber")
  Subsidy grant(@Parameter(example = "330681195203150019") @PathVariable String nationalIdNumber,
      @Valid @RequestBody GrantSubsidyRequest request, Caller caller) {
    return subsidies.grant(personInArea(nationalIdNumber, caller), request.toNewSubsidy(), caller);
  }

  @GetMapping("/entitled-persons/{nationalIdNumber}/subsidies")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "The person's one-off subsidies, oldest first",
      description = "Example: GET /entitled-persons/330681195203150019/subsidies -> [{\"id\":5,\"type\":\"INPATIENT_MEDICAL\","
          + "\"amount\":\"4800.00\",\"status\":\"APPROVED\",...}]. 404 if the person is unknown or outside the caller's "
          + "area.")
  @Audited(action = AuditAction.READ, objectType = "subsidy", person = "#nationalIdNumber")
  List<Subsidy> list(@Parameter(example = "330681195203150019") @PathVariable String nationalIdNumber, Caller caller) {
    return subsidies.ofPerson(personInArea(nationalIdNumber, caller).id());
  }

  @PostMapping("/subsidies/{id}/approval")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Approve a pending subsidy (idempotent)",
      description = "Example: POST /subsidies/5/approval (no body) -> the subsidy, status APPROVED. "
          + "404 if none in the caller's area; 403 approval-limit above a township caseworker's limit.")
  @Audited(action = AuditAction.UPDATE, objectType = "subsidy", objectId = "#id", person = "#result?.entitledPersonId()")
  Subsidy approve(@Parameter(example = "5") @PathVariable long id, Caller caller) {
    inArea(id, caller);
    return subsidies.approve(id, caller);
  }

  @PostMapping("/subsidies/{id}/payment")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Record that an approved subsidy was paid (idempotent)",
      description = "Example: POST /subsidies/5/payment (no body) -> the subsidy, status PAID. "
          + "404 if none in the caller's area; 409 subsidy-not-approved while it awaits approval.")
  @Audited(action = AuditAction.UPDATE, objectType = "subsidy", objectId = "#id", person = "#result?.entitledPersonId()")
  Subsidy markPaid(@Parameter(example = "5") @PathVariable long id, Caller caller) {
    inArea(id, caller);
    return subsidies.markPaid(id);
  }

  private EntitledPerson personInArea(String nationalIdNumber, Caller caller) {
    EntitledPerson person = persons.require(nationalIdNumber);
    if (!caller.regionScope().covers(person.regionCode())) {
      throw ProblemException.notFound("Entitled person", NationalIdNumber.parse(person.nationalIdNumber()));
    }
    return person;
  }

  private void inArea(long subsidyId, Caller caller) {
    Subsidy subsidy = subsidies.require(subsidyId);
    if (!caller.regionScope().covers(persons.require(subsidy.entitledPersonId()).regionCode())) {
      throw ProblemException.notFound("Subsidy", subsidyId);
    }
  }
}
