package gov.civilaffairs.eldercare.allowance.web;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.eldercare.allowance.AllowanceRoll;
import gov.civilaffairs.eldercare.allowance.AllowanceRolls;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
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
 * Monthly rolls of the old-age allowance (高龄津贴发放花名册): generate, read, list lines, mark sent. A roll covers
 * the whole city, so only a city administrator generates and sends it; staff read its lines within their area.
 */
@RestController
@PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER')")
@Validated
@RequestMapping("/old-age-allowance-rolls")
@Tag(name = "Old-age allowance rolls", description = "高龄津贴发放花名册, one per month")
class AllowanceRollController {

  private final AllowanceRolls rolls;

  AllowanceRollController(AllowanceRolls rolls) {
    this.rolls = rolls;
  }

  @PostMapping
  @PreAuthorize("hasRole('CITY_ADMINISTRATOR')")
  @Operation(summary = "Generate the roll of a month (idempotent: returns the existing roll)",
      description = "Starts first the allowances due that month (a person who reaches the lowest band in the month, "
          + "eldercare.old-age-allowance.band-start), then one MONTHLY line per allowance at the month's band amount "
          + "and one ARREARS line per unpaid arrears entry. 422 `future-month` after the current month; 403 for "
          + "roles other than CITY_ADMINISTRATOR.")
  ResponseEntity<AllowanceRoll> generate(@Valid @RequestBody GenerateRollRequest request) {
    AllowanceRoll roll = rolls.generate(request.month());
    return ResponseEntity.created(URI.create("/old-age-allowance-rolls/" + roll.month())).body(roll);
  }

  @GetMapping("/{month}")
  @Operation(summary = "Read a roll and its control totals (line count, total amount)",
      description = "404 when the month has no roll.")
  AllowanceRoll roll(@Parameter(example = "2026-11") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
    return rolls.roll(month);
  }

  @GetMapping("/{month}/lines")
  @Operation(summary = "A page of the roll's lines of persons within the caller's area, in id order",
      description = "Filtered in SQL by the caller's area (issue 3). Keyset pagination: pass the last id as "
          + "`afterId`. 404 when the month has no roll.")
  @Audited(action = AuditAction.READ, objectType = "old-age-allowance-roll-line", objectId = "#month")
  List<RollLineResponse> lines(
      @Parameter(example = "2026-11") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
      Caller caller, @RequestParam(defaultValue = "0") @Min(0) long afterId,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    return rolls.lines(month, caller.regionScope(), afterId, size).stream().map(RollLineResponse::of).toList();
  }

  @PostMapping("/{month}/sent")
  @PreAuthorize("hasRole('CITY_ADMINISTRATOR')")
  @Operation(summary = "Mark a roll sent to the bank; it never changes afterwards",
      description = "Idempotent. 404 when the month has no roll; 403 for roles other than CITY_ADMINISTRATOR.")
  AllowanceRoll markSent(
      @Parameter(example = "2026-11") @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
    return rolls.markSent(month);
  }
}
