package gov.civilaffairs.eldercare.statistics.web;

import java.time.YearMonth;

import gov.civilaffairs.eldercare.statistics.EldercareStatistics;
import gov.civilaffairs.eldercare.statistics.StatisticsService;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The eldercare figures of the bureau's reports for a period and a region (aggregates, no personal data). */
@RestController
@Validated
@Tag(name = "Statistics", description = "养老服务统计: the eldercare figures of the half-year and yearly reports")
class StatisticsController {

  private final StatisticsService statistics;

  StatisticsController(StatisticsService statistics) {
    this.statistics = statistics;
  }

  @GetMapping("/statistics/eldercare")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Eldercare figures of a period of months and a region",
      description = "Persons, cards issued, old-age allowance paid (sent rolls), care institutions, beds, residents, "
          + "admissions, discharges, inspections, home-care orders completed by type and payment, care levels, "
          + "elderly-university enrolment against the same terms last year, welfare-enterprise pass rate, lottery "
          + "sales by game type. region defaults to the caller's area; 403 `region-outside-area` beyond it; 422 "
          + "`period` when to is before from; 400 for a malformed month or region.")
  EldercareStatistics figures(
      @Parameter(example = "2026-01") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
      @Parameter(example = "2026-06") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
      @Parameter(description = "GB/T 2260 code prefix, 6, 9 or 12 digits", example = "330681")
      @RequestParam(required = false) @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}",
          message = "must be a 6, 9 or 12-digit region code") String region,
      Caller caller) {
    RegionScope area = caller.regionScope();
    if (region != null && !area.covers(region)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area", "Region " + region + " is outside your area.");
    }
    return statistics.figures(from, to, region == null ? area : RegionScope.within(region), region);
  }
}
