package gov.civilaffairs.eldercare.institution.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.eldercare.institution.CareInstitutions;
import gov.civilaffairs.eldercare.institution.Inspection;
import gov.civilaffairs.eldercare.institution.Inspections;
import gov.civilaffairs.eldercare.institution.RectificationOrder;
import gov.civilaffairs.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Inspections of care institutions, rectification orders with deadlines, and their follow-up checks. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Validated
@Tag(name = "Inspections", description = "养老机构监督检查, 责令限期改正, 复查")
class InspectionController {

  private final CareInstitutions institutions;
  private final Inspections inspections;

  InspectionController(CareInstitutions institutions, Inspections inspections) {
    this.institutions = institutions;
    this.inspections = inspections;
  }

  record InspectionRequest(
      @Schema(example = "2026-11-02") @NotNull LocalDate inspectedOn,
      @Schema(example = "诸暨市民政局 养老服务科") @NotBlank @Size(max = 100) String inspector,
      @NotNull @Size(max = 200) List<@Valid @NotNull FindingRequest> findings) {
  }

  /** A finding; requirement and deadline together give a rectification order. */
  record FindingRequest(
      @Schema(example = "消防安全") @NotBlank @Size(max = 100) String item,
      @Schema(example = "二楼安全出口堵塞") @NotBlank @Size(max = 1000) String description,
      @Schema(example = "清理安全出口, 设置疏散指示标志") @Size(max = 1000) String requirement,
      @Schema(example = "2026-11-30") LocalDate deadline) {
  }

  record FollowUpRequest(
      @Schema(example = "2026-11-20") @NotNull LocalDate checkedOn,
      @Schema(example = "true") @NotNull Boolean rectified,
      @Schema(example = "安全出口已清理") @NotBlank @Size(max = 1000) String note) {
  }

  @PostMapping("/care-institutions/{id}/inspections")
  @Operation(summary = "Record an inspection with its findings and rectification orders",
      description = "PASSED without findings. 404 outside the caller's area; 422 `future-date`, "
          + "`deadline-not-after-inspection`, `requirement-without-deadline`.")
  ResponseEntity<Inspection> record(@Parameter(example = "1") @PathVariable long id, Caller caller,
      @Valid @RequestBody InspectionRequest request) {
    Inspection inspection = inspections.record(institutions.require(id, caller.regionScope()), request.inspectedOn(),
        request.inspector().strip(), request.findings().stream().map(f -> new Inspections.NewFinding(f.item().strip(),
            f.description().strip(), f.requirement() == null ? null : f.requirement().strip(), f.deadline())).toList());
    return ResponseEntity.created(URI.create("/care-institutions/" + id + "/inspections")).body(inspection);
  }

  @GetMapping("/care-institutions/{id}/inspections")
  @Operation(summary = "The institution's inspections with their findings, oldest first", description = "404 outside the area.")
  List<Inspection> inspections(@Parameter(example = "1") @PathVariable long id, Caller caller) {
    return inspections.inspections(institutions.require(id, caller.regionScope()));
  }

  @GetMapping("/care-institutions/{id}/rectification-orders")
  @Operation(summary = "The institution's rectification orders with follow-ups; an OPEN one past its deadline is overdue",
      description = "404 outside the area.")
  List<RectificationOrder> orders(@Parameter(example = "1") @PathVariable long id, Caller caller) {
    return inspections.orders(institutions.require(id, caller.regionScope()));
  }

  @PostMapping("/care-institutions/{id}/rectification-orders/{orderId}/follow-ups")
  @Operation(summary = "Record a follow-up check (复查); rectified closes the order",
      description = "404 for an order not of this institution or outside the area; 409 `order-closed`; 422 "
          + "`future-date`, `before-inspection`.")
  RectificationOrder followUp(@Parameter(example = "1") @PathVariable long id,
      @Parameter(example = "3") @PathVariable long orderId, Caller caller,
      @Valid @RequestBody FollowUpRequest request) {
    return inspections.followUp(institutions.require(id, caller.regionScope()), orderId, request.checkedOn(),
        request.rectified(), request.note().strip());
  }

  @GetMapping("/rectification-orders/overdue")
  @Operation(summary = "OPEN rectification orders past their deadline, of institutions within the caller's area",
      description = "Oldest deadline first; filtered in SQL (issue 3).")
  List<RectificationOrder> overdue(Caller caller, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    return inspections.overdue(caller.regionScope(), size);
  }
}
