package gov.civilaffairs.veterans.statistics.web;

import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.veterans.statistics.PaymentStatistics;
import gov.civilaffairs.veterans.statistics.PaymentTotal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Statistics of pensions and subsidies paid, for the bureau's reports; within the caller's area. */
@RestController
@Tag(name = "statistics", description = "优抚资金发放统计: pensions and subsidies paid by type")
class PaymentStatisticsController {

  private final PaymentStatistics statistics;

  PaymentStatisticsController(PaymentStatistics statistics) {
    this.statistics = statistics;
  }

  @GetMapping("/statistics/payments")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER', 'AUDITOR')")
  @Operation(summary = "Pensions and subsidies paid by type in a period of months and a region: counts and sums",
      description = "Example: GET /statistics/payments?from=2026-01&to=2026-06&region=330681003 -> [{\"group\":"
          + "\"PENSION\",\"type\":\"PERIODIC_PENSION\",\"payments\":12,\"persons\":2,\"amount\":\"18000.00\"}, ...]. "
          + "region defaults to the caller's area; 403 region-outside-area for a region beyond it; "
          + "422 period if to is before from; 400 on a malformed month or region.")
  @Audited(action = AuditAction.READ, objectType = "payment-statistics")
  List<PaymentTotal> paid(
      @Parameter(example = "2026-01") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
      @Parameter(example = "2026-06") @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
      @Parameter(description = "GB/T 2260 code prefix, 6, 9 or 12 digits", example = "330681")
      @RequestParam(required = false) @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}") String region,
      Caller caller) {
    RegionScope area = caller.regionScope();
    if (region != null && !area.covers(region)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area",
          "Region " + region + " lies outside the caller's area");
    }
    return statistics.paid(from, to, region == null ? area : RegionScope.within(region));
  }
}
