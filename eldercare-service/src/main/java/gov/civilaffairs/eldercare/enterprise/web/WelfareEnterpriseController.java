package gov.civilaffairs.eldercare.enterprise.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.eldercare.enterprise.AnnualInspection;
import gov.civilaffairs.eldercare.enterprise.WelfareEnterprise;
import gov.civilaffairs.eldercare.enterprise.WelfareEnterprises;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Welfare enterprises (福利企业) and their annual inspections; county-level work, checked against the caller's area. */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER')")
@Validated
@RequestMapping("/welfare-enterprises")
@Tag(name = "Welfare enterprises", description = "福利企业 and their annual qualification inspection (年检)")
class WelfareEnterpriseController {

  private final WelfareEnterprises enterprises;

  WelfareEnterpriseController(WelfareEnterprises enterprises) {
    this.enterprises = enterprises;
  }

  record EnterpriseRequest(
      @Schema(example = "诸暨市康乐针织厂") @NotBlank @Size(max = 200) String name,
      @Schema(example = "330681104") @NotNull
      @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "must be a 6, 9 or 12-digit region code") String regionCode,
      @Schema(example = "福企证字330681-012") @NotBlank @Size(max = 40) String certificateNumber,
      @Schema(example = "国家税务总局诸暨市税务局") @NotBlank @Size(max = 200) String taxOffice) {
  }

  record InspectionRequest(
      @Schema(example = "2026") @NotNull @Min(2000) @Max(2100) Integer year,
      @Schema(example = "2026-04-10") @NotNull LocalDate inspectedOn,
      @Schema(example = "60") @NotNull @Min(0) @Max(1000000) Integer employees,
      @Schema(example = "18") @NotNull @Min(0) @Max(1000000) Integer disabledEmployees,
      @Schema(description = "Conditions found not met (each a reason to fail)", example = "[\"未按月足额缴纳社会保险\"]")
      @NotNull @Size(max = 50) List<@NotBlank @Size(max = 200) String> findings) {
  }

  @PostMapping
  @Operation(summary = "Register a certified welfare enterprise",
      description = "422 unknown region; 409 `duplicate` certificate number; 403 `region-outside-area`.")
  ResponseEntity<WelfareEnterprise> register(@Valid @RequestBody EnterpriseRequest request, Caller caller) {
    if (!caller.regionScope().covers(request.regionCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "Region " + request.regionCode() + " is outside your area.");
    }
    WelfareEnterprise enterprise = enterprises.register(request.name().strip(), request.regionCode(),
        request.certificateNumber().strip(), request.taxOffice().strip());
    return ResponseEntity.created(URI.create("/welfare-enterprises/" + enterprise.id())).body(enterprise);
  }

  @GetMapping
  @Operation(summary = "Enterprises within the caller's area, in id order", description = "Filtered in SQL (issue 3).")
  List<WelfareEnterprise> list(Caller caller, @RequestParam(defaultValue = "0") @Min(0) long afterId,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    return enterprises.list(caller.regionScope(), afterId, size);
  }

  @PostMapping("/{id}/annual-inspections")
  @Operation(summary = "Record the annual inspection of a year (pass or fail, with the reasons)",
      description = "Fails below 10 disabled employees or a 25% share (eldercare.welfare-enterprise, 民发〔2007〕103号), "
          + "or with any finding. 404 outside the area; 422 `disabled-above-employees`, `future-date`, `wrong-year`; "
          + "409 `duplicate` for a second inspection of the year.")
  ResponseEntity<AnnualInspection> inspect(@Parameter(example = "2") @PathVariable long id, Caller caller,
      @Valid @RequestBody InspectionRequest request) {
    AnnualInspection inspection = enterprises.inspect(enterprises.require(id, caller.regionScope()), request.year(),
        request.inspectedOn(), request.employees(), request.disabledEmployees(), request.findings());
    return ResponseEntity.created(URI.create("/welfare-enterprises/" + id + "/annual-inspections")).body(inspection);
  }

  @GetMapping("/{id}/annual-inspections")
  @Operation(summary = "The enterprise's annual inspections, newest year first", description = "404 outside the area.")
  List<AnnualInspection> inspections(@Parameter(example = "2") @PathVariable long id, Caller caller) {
    return enterprises.inspections(enterprises.require(id, caller.regionScope()));
  }
}
