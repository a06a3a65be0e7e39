package gov.civilaffairs.relief.disaster.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.ValidNationalIdNumber;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.platform.region.Region;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.disaster.DisasterOfficer;
import gov.civilaffairs.relief.disaster.DisasterOfficerService;
import gov.civilaffairs.relief.disaster.Shelter;
import gov.civilaffairs.relief.disaster.ShelterService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Disaster preparedness: disaster information officers (灾害信息员) with their trainings and exam results, villages
 * without an officer, and disaster shelters (避灾安置场所). Area-checked: records outside the caller's area are 404,
 * lists are filtered in SQL, new records must lie in the caller's area (403 {@code region-outside-area}).
 */
@RestController
@Tag(name = "Disaster relief", description = "灾害救助: 灾害信息员, 避灾安置场所, 灾情报告, 救灾款物发放")
class DisasterPreparednessController {

  private final DisasterOfficerService officers;
  private final ShelterService shelters;

  DisasterPreparednessController(DisasterOfficerService officers, ShelterService shelters) {
    this.officers = officers;
    this.shelters = shelters;
  }

  /** An officer: what the caseworker may set. */
  record NewOfficerRequest(
      @Schema(description = "12-digit village or community code", example = "330681001001")
      @NotNull @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String regionCode,
      @Schema(example = "330681198503010029") @NotNull @ValidNationalIdNumber String nationalIdNumber,
      @Schema(example = "王丽") @NotBlank @Size(max = 100) String name,
      @Schema(example = "13805750001") @Pattern(regexp = "1\\d{10}", message = "must be an 11-digit mobile number")
      String mobilePhone,
      @Schema(example = "2026-03-01") @NotNull LocalDate appointedOn) {
  }

  /** A training; {@code examScore} omitted when there was no exam. */
  record TrainingRequest(
      @Schema(example = "2026年灾害信息员业务培训") @NotBlank @Size(max = 200) String course,
      @Schema(example = "2026-05-12") @NotNull LocalDate trainedOn,
      @Schema(description = "0-100, one decimal", example = "86.5")
      @DecimalMin("0.0") @DecimalMax("100.0") @Digits(integer = 3, fraction = 1) BigDecimal examScore) {
  }

  /** An officer with the ID number and phone masked per role. */
  record OfficerView(long id, String regionCode, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
      String name, @Masked(MaskType.MOBILE_PHONE) String mobilePhone, LocalDate appointedOn,
      List<DisasterOfficer.Training> trainings) {

    static OfficerView of(DisasterOfficer o) {
      return new OfficerView(o.id(), o.regionCode(), o.nationalIdNumber(), o.name(), o.mobilePhone(), o.appointedOn(),
          o.trainings());
    }
  }

  /** A shelter: what the caseworker may set. */
  record NewShelterRequest(
      @Schema(description = "GB/T 2260 code of 6, 9 or 12 digits, matching the level", example = "330681001001")
      @NotNull @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "must be 6, 9 or 12 digits") String regionCode,
      @Schema(example = "江东社区避灾安置点") @NotBlank @Size(max = 200) String name,
      @Schema(example = "诸暨市暨阳街道江东路18号社区活动中心") @NotBlank @Size(max = 300) String address,
      @Schema(description = "WGS-84 degrees, optional (with longitude)", example = "29.713456")
      @DecimalMin("-90.0") @DecimalMax("90.0") @Digits(integer = 2, fraction = 6) BigDecimal latitude,
      @Schema(description = "WGS-84 degrees, optional (with latitude)", example = "120.236789")
      @DecimalMin("-180.0") @DecimalMax("180.0") @Digits(integer = 3, fraction = 6) BigDecimal longitude,
      @Schema(description = "persons", example = "200") @NotNull @Min(1) @Max(1000000) Integer capacity,
      @Schema(example = "VILLAGE") @NotNull @Pattern(regexp = "COUNTY|TOWNSHIP|VILLAGE") String level,
      @Schema(example = "2026-04-20") @NotNull LocalDate establishedOn) {
  }

  @PostMapping("/disaster-officers")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Register a disaster information officer of a village",
      description = "Example body: {\"regionCode\":\"330681001001\",\"nationalIdNumber\":\"330681198503010029\","
          + "\"name\":\"王丽\",\"mobilePhone\":\"13805750001\",\"appointedOn\":\"2026-03-01\"}. 201. 400 validation "
          + "(problem+json naming the field); 403 region-outside-area; 409 officer-already-registered; 422 "
          + "unknown-village, date-in-future.")
  @Audited(action = AuditAction.CREATE, objectType = "disaster-officer", objectId = "#result?.body?.id",
      person = "#request.nationalIdNumber")
  ResponseEntity<OfficerView> register(@Valid @RequestBody NewOfficerRequest request, Caller caller) {
    requireInArea(caller, request.regionCode());
    DisasterOfficer officer = officers.register(new DisasterOfficerService.NewOfficer(request.regionCode(),
        NationalIdNumber.parse(request.nationalIdNumber()).value(), request.name().strip(), request.mobilePhone(),
        request.appointedOn()), caller.id());
    return ResponseEntity.created(URI.create("/disaster-officers/" + officer.id())).body(OfficerView.of(officer));
  }

  @PostMapping("/disaster-officers/{id}/trainings")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Record a training and its exam result",
      description = "Example body: {\"course\":\"2026年灾害信息员业务培训\",\"trainedOn\":\"2026-05-12\",\"examScore\":86.5}. "
          + "examPassed = score >= relief.disaster.exam-pass-score (60). 200 with the officer. 400 validation; 404 "
          + "unknown or outside the area; 409 training-already-recorded; 422 date-in-future, trained-before-appointment.")
  @Audited(action = AuditAction.UPDATE, objectType = "disaster-officer", objectId = "#id",
      person = "#result?.nationalIdNumber")
  OfficerView recordTraining(@Parameter(example = "3") @PathVariable long id, @Valid @RequestBody TrainingRequest request, Caller caller) {
    return OfficerView.of(officers.recordTraining(id, request.course().strip(), request.trainedOn(),
        request.examScore() == null ? null : request.examScore().setScale(1), caller.regionScope(), caller.id()));
  }

  @GetMapping("/disaster-officers/{id}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "Read an officer with trainings and exam results",
      description = "Example: GET /disaster-officers/3. 404 unknown or outside the area.")
  @Audited(action = AuditAction.READ, objectType = "disaster-officer", objectId = "#id",
      person = "#result?.nationalIdNumber")
  OfficerView officer(@Parameter(example = "3") @PathVariable long id, Caller caller) {
    return OfficerView.of(officers.find(id, caller.regionScope()));
  }

  @GetMapping("/disaster-officers")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "List the officers within the caller's area, ordered by id",
      description = "Example: GET /disaster-officers?page=0&size=20.")
  @Audited(action = AuditAction.READ, objectType = "disaster-officer")
  List<OfficerView> officers(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return officers.list(caller.regionScope(), page, size).stream().map(OfficerView::of).toList();
  }

  /** A village or community without an officer. */
  record VillageView(String code, String name) {
  }

  @GetMapping("/disaster-officers/villages-without-officer")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "The villages of a county or township that have no disaster information officer",
      description = "Example: GET /disaster-officers/villages-without-officer?region=330681001 -> "
          + "[{\"code\":\"330681001002\",\"name\":\"...\"}]. region: 6 or 9 digits within the caller's area (else 403 "
          + "region-outside-area); 422 unknown-region.")
  List<VillageView> villagesWithoutOfficer(Caller caller,
      @Parameter(example = "330681001") @RequestParam @Pattern(regexp = "\\d{6}|\\d{9}",
          message = "must be 6 or 9 digits") String region) {
    requireInArea(caller, region);
    List<Region> villages = officers.villagesWithoutOfficer(region);
    return villages.stream().map(v -> new VillageView(v.code(), v.name())).toList();
  }

  @PostMapping("/shelters")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
  @Operation(summary = "Register a disaster shelter",
      description = "Example body: {\"regionCode\":\"330681001001\",\"name\":\"江东社区避灾安置点\",\"address\":"
          + "\"诸暨市暨阳街道江东路18号\",\"latitude\":29.713456,\"longitude\":120.236789,\"capacity\":200,"
          + "\"level\":\"VILLAGE\",\"establishedOn\":\"2026-04-20\"}. 201. 400 validation; 403 region-outside-area; "
          + "409 shelter-already-registered; 422 unknown-region, level-mismatch, coordinates-incomplete, date-in-future.")
  ResponseEntity<Shelter> registerShelter(@Valid @RequestBody NewShelterRequest request, Caller caller) {
    requireInArea(caller, request.regionCode());
    Shelter shelter = shelters.register(new ShelterService.NewShelter(request.regionCode(), request.name().strip(),
        request.address().strip(), request.latitude(), request.longitude(), request.capacity(), request.level(),
        request.establishedOn()), caller.id());
    return ResponseEntity.created(URI.create("/shelters/" + shelter.id())).body(shelter);
  }

  @GetMapping("/shelters/{id}")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "Read a shelter", description = "Example: GET /shelters/2. 404 unknown or outside the area.")
  Shelter shelter(@Parameter(example = "3") @PathVariable long id, Caller caller) {
    return shelters.find(id, caller.regionScope());
  }

  @GetMapping("/shelters")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT', 'AUDITOR')")
  @Operation(summary = "List shelters within the caller's area, optionally those set up in a period",
      description = "Example: GET /shelters?establishedFrom=2026-01-01&establishedTo=2026-06-30 (dates inclusive). "
          + "400 when establishedFrom is after establishedTo.")
  List<Shelter> shelters(Caller caller,
      @Parameter(example = "2026-01-01") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate establishedFrom,
      @Parameter(example = "2026-06-30") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate establishedTo,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    if (establishedFrom != null && establishedTo != null && establishedFrom.isAfter(establishedTo)) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-period", "establishedFrom is after establishedTo.");
    }
    return shelters.list(caller.regionScope(), establishedFrom, establishedTo, page, size);
  }

  static void requireInArea(Caller caller, String regionCode) {
    if (!caller.regionScope().covers(regionCode)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "Region " + regionCode + " is outside your area.");
    }
  }
}
