package gov.civilaffairs.veterans.medical.web;

import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.veterans.medical.MedicalSettlement;
import gov.civilaffairs.veterans.medical.MedicalSettlements;
import gov.civilaffairs.veterans.person.EntitledPersons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-stop medical settlement records over REST. Staff record and read settlements of persons in their area
 * only: anything else answers 404.
 */
@RestController
@Tag(name = "medical settlements", description = "一站式结算: one-stop medical settlements and the veterans' medical subsidy")
class MedicalSettlementController {

  private final MedicalSettlements settlements;
  private final EntitledPersons persons;

  MedicalSettlementController(MedicalSettlements settlements, EntitledPersons persons) {
    this.settlements = settlements;
    this.persons = persons;
  }

  @PostMapping("/entitled-persons/{nationalIdNumber}/medical-settlements")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Record a one-stop settlement; computes the veterans' medical subsidy it paid",
      description = "Example body: {\"hospitalCode\":\"12330681470000123X\",\"hospitalName\":\"诸暨市人民医院\","
          + "\"settlementReference\":\"ZY20260612-000871\",\"careType\":\"INPATIENT\",\"admittedOn\":\"2026-06-02\","
          + "\"dischargedOn\":\"2026-06-12\",\"settledOn\":\"2026-06-12\",\"totalCost\":\"18600.00\","
          + "\"insurancePaid\":\"11200.00\",\"criticalIllnessPaid\":\"1400.00\",\"medicalAssistancePaid\":\"0.00\"}. "
          + "Subsidy = share of what remains after insurance and medical assistance (veterans.medical.*), "
          + "within the yearly cap. 201 when recorded; 200 with the recorded one for the same hospital and reference. "
          + "400 on invalid fields; 404 if the person is unknown or outside the caller's area; 409 settlement-exists "
          + "(reference recorded for another person); 422 settlement-dates, after-death or settlement-amounts.")
  @Audited(action = AuditAction.CREATE, objectType = "medical-settlement", objectId = "#result?.body?.id()",
      person = "#nationalIdNumber")
  ResponseEntity<MedicalSettlement> record(
      @Parameter(example = "330681195203150019") @PathVariable String nationalIdNumber,
      @Valid @RequestBody RecordSettlementRequest request, Caller caller) {
    MedicalSettlements.Recorded recorded = settlements.record(
        persons.requireInArea(nationalIdNumber, caller.regionScope()), request.toNewSettlement(), caller);
    return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.settlement());
  }

  @GetMapping("/entitled-persons/{nationalIdNumber}/medical-settlements")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "The person's one-stop settlements, by settlement date",
      description = "Example: GET /entitled-persons/330681195203150019/medical-settlements -> the settlements with "
          + "each part of the bill and the subsidy paid. 404 if the person is unknown or outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "medical-settlement", person = "#nationalIdNumber")
  List<MedicalSettlement> list(@Parameter(example = "330681195203150019") @PathVariable String nationalIdNumber,
      Caller caller) {
    return settlements.ofPerson(persons.requireInArea(nationalIdNumber, caller.regionScope()).id());
  }
}
