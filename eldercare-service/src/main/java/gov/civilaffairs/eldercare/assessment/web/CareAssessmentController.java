package gov.civilaffairs.eldercare.assessment.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.eldercare.assessment.CareAssessment;
import gov.civilaffairs.eldercare.assessment.CareAssessments;
import gov.civilaffairs.eldercare.person.ElderlyPersons;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Care-level assessments (护理等级) of an elderly person; the person must live within the caller's area. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@RequestMapping("/elderly-persons/{nationalIdNumber}/care-assessments")
@Tag(name = "Care-level assessments", description = "老年人能力评估 / 护理等级 (GB/T 42195-2022)")
class CareAssessmentController {

  private final ElderlyPersons persons;
  private final CareAssessments assessments;

  CareAssessmentController(ElderlyPersons persons, CareAssessments assessments) {
    this.persons = persons;
    this.assessments = assessments;
  }

  /** What a caller sets: the day, the assessor and one score per item; total and level are computed. */
  record AssessmentRequest(
      @Schema(example = "2026-11-10") @NotNull LocalDate assessedOn,
      @Schema(example = "诸暨市老年人能力评估中心") @NotBlank @Size(max = 100) String assessor,
      @Schema(description = "Item to score (eldercare.care-assessment.items)",
          example = "{\"SELF_CARE\":20,\"BASIC_MOTOR\":10,\"MENTAL_STATE\":20,\"PERCEPTION_SOCIAL\":8}")
      @NotEmpty Map<@NotBlank String, @NotNull Integer> items) {
  }

  @PostMapping
  @Operation(summary = "Record a care-level assessment; the item scores give the total and the level",
      description = "Levels by total (default after GB/T 42195-2022, verify): ABLE 90, MILD 66-89, MODERATE 46-65, "
          + "SEVERE 30-45, TOTAL 0-29. 404 for a person outside the caller's area; 422 `unknown-item`, "
          + "`missing-item`, `score-out-of-range`, `future-date`.")
  @Audited(action = AuditAction.CREATE, objectType = "care-assessment", objectId = "#result?.body?.id",
      person = "#nationalIdNumber")
  ResponseEntity<CareAssessment> assess(@Parameter(example = "330681194001010039") @PathVariable String nationalIdNumber,
      Caller caller, @Valid @RequestBody AssessmentRequest request) {
    CareAssessment assessment = assessments.assess(persons.require(nationalIdNumber, caller.regionScope()),
        request.assessedOn(), request.assessor().strip(), request.items());
    return ResponseEntity.created(URI.create("/elderly-persons/" + nationalIdNumber + "/care-assessments"))
        .body(assessment);
  }

  @GetMapping
  @Operation(summary = "The person's care-level assessments, oldest first", description = "404 outside the caller's area.")
  @Audited(action = AuditAction.READ, objectType = "care-assessment", person = "#nationalIdNumber")
  List<CareAssessment> assessments(@Parameter(example = "330681194001010039") @PathVariable String nationalIdNumber,
      Caller caller) {
    return assessments.of(persons.require(nationalIdNumber, caller.regionScope()));
  }
}
