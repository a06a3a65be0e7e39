package gov.civilaffairs.relief.orphan.web;

import java.time.YearMonth;

import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.relief.statistics.StatisticsArea;
import gov.civilaffairs.relief.orphan.ChildStatistics;
import gov.civilaffairs.relief.orphan.ChildStatisticsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 散居孤儿与事实无人抚养儿童统计 for a period and region (aggregates only, no personal data). */
@RestController
@Tag(name = "Statistics", description = "社会救助统计")
class ChildStatisticsController {

  private final ChildStatisticsService service;

  ChildStatisticsController(ChildStatisticsService service) {
    this.service = service;
  }

  @GetMapping("/statistics/orphans")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "散居孤儿与事实无人抚养儿童统计 for a period and region",
      description = "Example: GET /statistics/orphans?from=2026-01&to=2026-06&region=330681001 -> scattered orphans and de-facto unsupported children paid for the last month, registrations, ends by adoption, death and age 18, money paid in the period and for the last month. "
          + "region is a GB/T 2260 code prefix (6, 9 or 12 digits) within the caller's area (else 403 "
          + "region-outside-area); omitted: the caller's area. 400 (problem+json) invalid-period when from is after to "
          + "or the period is longer than 10 years; 400 invalid-region.")
  ChildStatistics statistics(Caller caller,
      @Parameter(example = "2026-01") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
      @Parameter(example = "2026-06") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
      @Parameter(example = "330681001") @RequestParam(required = false) String region) {
    RegionScope scope = StatisticsArea.of(caller, from, to, region);
    return service.figures(scope, region, from, to);
  }
}
