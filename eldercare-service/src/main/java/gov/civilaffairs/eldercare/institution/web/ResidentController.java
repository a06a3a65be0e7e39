package gov.civilaffairs.eldercare.institution.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.eldercare.institution.CareInstitution;
import gov.civilaffairs.eldercare.institution.CareInstitutions;
import gov.civilaffairs.eldercare.institution.Residence;
import gov.civilaffairs.eldercare.institution.Residences;
import gov.civilaffairs.eldercare.person.ElderlyPerson;
import gov.civilaffairs.eldercare.person.ElderlyPersons;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

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

/**
 * Residents of a care institution: admission (入住) and discharge (退住). The institution must lie within the
 * caller's area (404 outside); the person is any registered elderly person, wherever his or her household is
 * registered (people move into institutions outside their township).
 */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Validated
@RequestMapping("/care-institutions/{id}/residents")
@Tag(name = "Care-institution residents", description = "养老机构入住与退住")
class ResidentController {

  private final CareInstitutions institutions;
  private final Residences residences;
  private final ElderlyPersons persons;

  ResidentController(CareInstitutions institutions, Residences residences, ElderlyPersons persons) {
    this.institutions = institutions;
    this.residences = residences;
    this.persons = persons;
  }

  /** What a caller sets to admit a person. */
  record AdmissionRequest(
      @Schema(description = "身份证号 of a registered elderly person", example = "330681194001010039")
      @NotNull @ValidNationalIdNumber String nationalIdNumber,
      @Schema(example = "2026-11-01") @NotNull LocalDate admittedOn) {
  }

  record DischargeRequest(
      @Schema(example = "2026-11-10") @NotNull LocalDate dischargedOn,
      @Schema(example = "LEFT") @NotNull Residence.DischargeReason reason) {
  }

  /** A residence with its resident; the ID number is masked per role. */
  record ResidentResponse(
      @Schema(example = "7") long residenceId,
      @Schema(example = "1") long institutionId,
      @Schema(example = "12") long personId,
      @Schema(example = "330681********0039") @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
      @Schema(example = "张桂英") String name,
      @Schema(example = "2026-11-01") LocalDate admittedOn,
      @Schema(example = "null") LocalDate dischargedOn,
      @Schema(example = "null") Residence.DischargeReason dischargeReason,
      @Schema(description = "The registry's death record that ended it, if any", example = "null") Long endedByDeathRecordId) {

    static ResidentResponse of(Residence residence, ElderlyPerson person) {
      return new ResidentResponse(residence.id(), residence.institutionId(), person.id(), person.nationalIdNumber(),
          person.name(), residence.admittedOn(), residence.dischargedOn(), residence.dischargeReason(),
          residence.endedByDeathRecordId());
    }
  }

  @PostMapping
  @Operation(summary = "Admit a registered elderly person",
      description = "404 for an institution outside the caller's area or an unknown person; 409 `already-resident` "
          + "when the person lives in an institution (this or another), `no-free-bed`; 422 `person-deceased`, "
          + "`future-date`, `before-registration`.")
  @Audited(action = AuditAction.CREATE, objectType = "residence", objectId = "#result?.body?.residenceId",
      person = "#request.nationalIdNumber")
  ResponseEntity<ResidentResponse> admit(@Parameter(example = "1") @PathVariable long id, Caller caller,
      @Valid @RequestBody AdmissionRequest request) {
    CareInstitution institution = institutions.require(id, caller.regionScope());
    ElderlyPerson person = persons.require(request.nationalIdNumber(), RegionScope.everything());
    Residence residence = residences.admit(institution, person, request.admittedOn());
    return ResponseEntity.created(URI.create("/care-institutions/" + id + "/residents/" + residence.id()))
        .body(ResidentResponse.of(residence, person));
  }

  @GetMapping
  @Operation(summary = "The institution's residents (living there, or all with includeDischarged), in id order",
      description = "404 for an institution outside the caller's area. Keyset pagination with `afterId`.")
  @Audited(action = AuditAction.READ, objectType = "residence")
  List<ResidentResponse> residents(@Parameter(example = "1") @PathVariable long id, Caller caller,
      @RequestParam(defaultValue = "false") boolean includeDischarged,
      @RequestParam(defaultValue = "0") @Min(0) long afterId,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
    CareInstitution institution = institutions.require(id, caller.regionScope());
    return residences.residents(institution, includeDischarged, afterId, size).stream()
        .map(residence -> ResidentResponse.of(residence, persons.byId(residence.personId()))).toList();
  }

  @PostMapping("/{residenceId}/discharge")
  @Operation(summary = "Discharge a resident",
      description = "404 for a residence not of this institution or an institution outside the area; 409 "
          + "`already-discharged`; 422 `future-date`, `before-admission`.")
  @Audited(action = AuditAction.UPDATE, objectType = "residence", objectId = "#residenceId")
  ResidentResponse discharge(@Parameter(example = "1") @PathVariable long id,
      @Parameter(example = "7") @PathVariable long residenceId, Caller caller,
      @Valid @RequestBody DischargeRequest request) {
    CareInstitution institution = institutions.require(id, caller.regionScope());
    Residence residence = residences.discharge(institution, residenceId, request.dischargedOn(), request.reason());
    return ResidentResponse.of(residence, persons.byId(residence.personId()));
  }
}
