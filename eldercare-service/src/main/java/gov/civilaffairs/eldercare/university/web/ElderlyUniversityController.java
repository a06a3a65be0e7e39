package gov.civilaffairs.eldercare.university.web;

import java.net.URI;
import java.util.List;

import gov.civilaffairs.eldercare.university.ElderlyUniversity;
import gov.civilaffairs.eldercare.university.Enrolment;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Elderly-university (老年电大) enrolment per school and term. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Validated
@RequestMapping("/elderly-university/enrolments")
@Tag(name = "Elderly university", description = "老年电大: enrolment per school and term")
class ElderlyUniversityController {

  private final ElderlyUniversity university;

  ElderlyUniversityController(ElderlyUniversity university) {
    this.university = university;
  }

  record EnrolmentRequest(
      @Schema(example = "暨阳街道老年电大教学点") @NotBlank @Size(max = 200) String schoolName,
      @Schema(description = "GB/T 2260, 6, 9 or 12 digits", example = "330681001")
      @NotNull @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "must be a 6, 9 or 12-digit region code") String regionCode,
      @Schema(example = "2026") @NotNull @Min(2000) @Max(2100) Integer termYear,
      @Schema(example = "SPRING") @NotNull Enrolment.Season season,
      @Schema(example = "120") @NotNull @Min(0) @Max(100000) Integer enrolled) {
  }

  @PostMapping
  @Operation(summary = "Record a school's enrolment of a term",
      description = "422 unknown region, `future-term`; 409 `duplicate` for a school's term recorded already; 403 "
          + "`region-outside-area`.")
  ResponseEntity<Enrolment> record(@Valid @RequestBody EnrolmentRequest request, Caller caller) {
    if (!caller.regionScope().covers(request.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "Region " + request.regionCode() + " is outside your area.");
    }
    Enrolment enrolment = university.record(request.schoolName().strip(), request.regionCode(), request.termYear(),
        request.season(), request.enrolled());
    return ResponseEntity.created(URI.create("/elderly-university/enrolments")).body(enrolment);
  }

  @GetMapping
  @Operation(summary = "Enrolments within the caller's area, newest term first", description = "Filtered in SQL (issue 3).")
  List<Enrolment> list(Caller caller, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    return university.list(caller.regionScope(), size);
  }
}
