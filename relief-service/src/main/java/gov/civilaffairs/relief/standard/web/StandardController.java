package gov.civilaffairs.relief.standard.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.relief.allowance.AllowanceStandard;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.standard.StandardService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The city's allowance standards (低保标准) per year, urban and rural, with the month each takes effect. */
@RestController
@RequestMapping("/allowance-standards")
@Tag(name = "Allowance standards", description = "城乡低保标准")
class StandardController {

  private final StandardService service;

  StandardController(StandardService service) {
    this.service = service;
  }

  /** A standard to introduce: exactly what the city administrator sets; its effect is computed. */
  record NewStandardRequest(
      @Schema(example = "URBAN") @NotNull Area area,
      @Schema(example = "2026") @NotNull @Min(2000) @Max(2100) Integer year,
      @Schema(type = "string", description = "first month it applies to (yyyy-MM), within year", example = "2026-07")
      @NotNull YearMonth effectiveMonth,
      @Schema(description = "yuan per person per month", example = "1300.00")
      @NotNull @DecimalMin("0.01") @Digits(integer = 6, fraction = 2) BigDecimal amount,
      @Schema(description = "the government notice that set it", example = "诸政办发〔2026〕15号")
      @NotBlank @Size(max = 100) String documentReference) {
  }

  @PostMapping
  @PreAuthorize("hasRole('CITY_ADMINISTRATOR')")
  @Operation(summary = "Introduce a new standard and recompute every allowance of its area from its effective month",
      description = "Example body: {\"area\":\"URBAN\",\"year\":2026,\"effectiveMonth\":\"2026-07\",\"amount\":\"1300.00\","
          + "\"documentReference\":\"诸政办发〔2026〕15号\"}. Amounts from the effective month are recomputed by the "
          + "difference method; unsent rolls are corrected; months already sent that paid less become arrears "
          + "(paid in the next roll). Answers 201 with recomputedAllowances and arrearsEntries. 400 validation; "
          + "422 effective-month-outside-year; 409 standard-not-latest.")
  @Audited(action = AuditAction.UPDATE, objectType = "allowance-standard", objectId = "#result?.body?.id")
  ResponseEntity<AllowanceStandard> introduce(@Valid @RequestBody NewStandardRequest request, Caller caller) {
    AllowanceStandard standard = service.introduce(new StandardService.NewStandard(request.area(), request.year(),
        request.effectiveMonth(), request.amount().setScale(2), request.documentReference().strip()), caller.id());
    return ResponseEntity.created(URI.create("/allowance-standards/" + standard.id())).body(standard);
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "List the standards by area and effective month",
      description = "Example: GET /allowance-standards -> [{\"area\":\"URBAN\",\"year\":2026,\"effectiveMonth\":\"2026-07\","
          + "\"amount\":1300.00,\"documentReference\":\"诸政办发〔2026〕15号\",\"recomputedAllowances\":812,\"arrearsEntries\":0}]")
  List<AllowanceStandard> standards() {
    return service.standards();
  }
}
