package gov.civilaffairs.eldercare.institution.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.eldercare.institution.CareInstitution;
import gov.civilaffairs.eldercare.institution.CareInstitution.Ownership;
import gov.civilaffairs.eldercare.institution.CareInstitution.RegistrationStatus;
import gov.civilaffairs.eldercare.institution.CareInstitutions;
import gov.civilaffairs.eldercare.institution.ReRegistrationOrder;
import gov.civilaffairs.eldercare.institution.StarRating;
import gov.civilaffairs.eldercare.institution.StarRatings;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Care institutions (养老机构): filing, beds, star ratings and re-registration orders. Filing, rating and ordering
 * a re-registration are county-level acts (养老机构管理办法: 县级以上民政部门), so they need a county officer or the
 * city administrator; every institution is checked against the caller's area (404 outside).
 */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Validated
@RequestMapping("/care-institutions")
@Tag(name = "Care institutions", description = "养老机构 (公办/民办): filing, beds, star rating, re-registration")
class CareInstitutionController {

  private final CareInstitutions institutions;
  private final StarRatings ratings;

  CareInstitutionController(CareInstitutions institutions, StarRatings ratings) {
    this.institutions = institutions;
    this.ratings = ratings;
  }

  /** What a caller may set when filing an institution; status and stars follow from the workflows. */
  record RegisterInstitutionRequest(
      @Schema(example = "诸暨市社会福利中心") @NotBlank @Size(max = 200) String name,
      @Schema(example = "PUBLIC") @NotNull Ownership ownership,
      @Schema(description = "Township (9 digits) or village (12 digits), GB/T 2260", example = "330681001001")
      @NotNull @Pattern(regexp = "\\d{9}|\\d{12}", message = "must be a 9-digit township or 12-digit village code")
      String regionCode,
      @Schema(description = "备案号", example = "33068120190001") @NotBlank @Size(max = 40) String filingNumber,
      @Schema(example = "120") @NotNull @Min(1) @Max(10000) Integer beds,
      @Schema(example = "2019-06-01") @NotNull LocalDate registeredOn) {
  }

  /** An institution with its occupied beds. */
  record InstitutionResponse(CareInstitution institution, @Schema(example = "87") int occupiedBeds) {
  }

  record BedsRequest(@Schema(example = "150") @NotNull @Min(1) @Max(10000) Integer beds) {
  }

  record StarRatingRequest(
      @Schema(example = "2026-10-15") @NotNull LocalDate ratedOn,
      @Schema(description = "Criterion to score (eldercare.star-rating.criteria)",
          example = "{\"ENVIRONMENT\":110,\"FACILITIES\":120,\"OPERATION_MANAGEMENT\":130,\"SERVICE\":452.5}")
      @NotEmpty Map<@NotBlank String, @NotNull BigDecimal> scores) {
  }

  record ReRegistrationOrderRequest(
      @Schema(example = "2026-09-01") @NotNull LocalDate orderedOn,
      @Schema(example = "法定代表人变更") @NotBlank @Size(max = 500) String reason,
      @Schema(example = "2026-10-31") @NotNull LocalDate deadline) {
  }

  record ReRegistrationRequest(
      @Schema(example = "2026-10-20") @NotNull LocalDate reRegisteredOn,
      @Schema(description = "新备案号", example = "33068120260007") @NotBlank @Size(max = 40) String newFilingNumber) {
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "File (register) a care institution",
      description = "422 for an unknown region or one that is not a township or village, `future-date`; 409 "
          + "`duplicate` for a filing number in use; 403 `region-outside-area` outside the caller's county.")
  ResponseEntity<InstitutionResponse> register(@Valid @RequestBody RegisterInstitutionRequest request, Caller caller) {
    if (!caller.regionScope().covers(request.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "Region " + request.regionCode() + " is outside your area.");
    }
    CareInstitution institution = institutions.register(request.name().strip(), request.ownership(),
        request.regionCode(), request.filingNumber().strip(), request.beds(), request.registeredOn());
    return ResponseEntity.created(URI.create("/care-institutions/" + institution.id()))
        .body(new InstitutionResponse(institution, 0));
  }

  @GetMapping
  @Operation(summary = "List the institutions within the caller's area, in id order",
      description = "Filtered in SQL (issue 3); `registrationStatus=RE_REGISTRATION_REQUIRED` lists those told to "
          + "re-register. Keyset pagination with `afterId`.")
  List<CareInstitution> list(Caller caller, @RequestParam(required = false) RegistrationStatus registrationStatus,
      @RequestParam(defaultValue = "0") @Min(0) long afterId,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return institutions.page(caller.regionScope(), registrationStatus, afterId, size);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read an institution with its occupied beds", description = "404 when unknown or outside the caller's area.")
  InstitutionResponse read(@Parameter(example = "1") @PathVariable long id, Caller caller) {
    CareInstitution institution = institutions.require(id, caller.regionScope());
    return new InstitutionResponse(institution, institutions.occupiedBeds(institution));
  }

  @PutMapping("/{id}/beds")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "Set the number of beds", description = "422 `beds-below-residents`; 404 outside the area.")
  InstitutionResponse beds(@Parameter(example = "1") @PathVariable long id, Caller caller,
      @Valid @RequestBody BedsRequest request) {
    CareInstitution institution = institutions.changeBeds(institutions.require(id, caller.regionScope()), request.beds());
    return new InstitutionResponse(institution, institutions.occupiedBeds(institution));
  }

  @PostMapping("/{id}/star-ratings")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "Rate an institution with a score sheet (星级评定)",
      description = "One score per criterion of eldercare.star-rating.criteria (after GB/T 37276-2018); the total "
          + "gives the stars. 422 `unknown-criterion`, `missing-criterion`, `score-out-of-range`, `future-date`.")
  ResponseEntity<StarRating> rate(@Parameter(example = "1") @PathVariable long id, Caller caller,
      @Valid @RequestBody StarRatingRequest request) {
    StarRating rating = ratings.rate(institutions.require(id, caller.regionScope()), request.ratedOn(), request.scores());
    return ResponseEntity.created(URI.create("/care-institutions/" + id + "/star-ratings")).body(rating);
  }

  @GetMapping("/{id}/star-ratings")
  @Operation(summary = "The institution's star ratings with their score sheets, oldest first",
      description = "404 when unknown or outside the caller's area.")
  List<StarRating> ratings(@Parameter(example = "1") @PathVariable long id, Caller caller) {
    return ratings.ratings(institutions.require(id, caller.regionScope()));
  }

  @PostMapping("/{id}/re-registration-orders")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "Tell a private institution to re-register (重新备案) by a deadline",
      description = "The institution is RE_REGISTRATION_REQUIRED until it re-registers. 422 `not-private`, "
          + "`deadline-not-after-order`, `future-date`; 409 `re-registration-pending`.")
  ResponseEntity<ReRegistrationOrder> orderReRegistration(@Parameter(example = "2") @PathVariable long id,
      Caller caller, @Valid @RequestBody ReRegistrationOrderRequest request) {
    ReRegistrationOrder order = institutions.orderReRegistration(institutions.require(id, caller.regionScope()),
        request.orderedOn(), request.reason().strip(), request.deadline());
    return ResponseEntity.created(URI.create("/care-institutions/" + id + "/re-registration-orders")).body(order);
  }

  @GetMapping("/{id}/re-registration-orders")
  @Operation(summary = "The institution's re-registration orders; an OPEN one past its deadline is overdue",
      description = "404 when unknown or outside the caller's area.")
  List<ReRegistrationOrder> reRegistrationOrders(@Parameter(example = "2") @PathVariable long id, Caller caller) {
    return institutions.reRegistrationOrders(institutions.require(id, caller.regionScope()));
  }

  @PostMapping("/{id}/re-registration")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
  @Operation(summary = "Record that the institution re-registered",
      description = "Closes the open order and stores the new filing number. 409 `no-re-registration-pending`, "
          + "`duplicate`; 422 `future-date`, `before-order`.")
  ReRegistrationOrder reRegister(@Parameter(example = "2") @PathVariable long id, Caller caller,
      @Valid @RequestBody ReRegistrationRequest request) {
    return institutions.reRegister(institutions.require(id, caller.regionScope()), request.reRegisteredOn(),
        request.newFilingNumber().strip());
  }
}
