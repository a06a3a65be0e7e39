package gov.civilaffairs.relief.statistics;

import java.time.YearMonth;

import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The period and area of a statistics request, checked the same way by every relief report (DOMAIN.md
 * "Reports": for any period and region).
 */
public final class StatisticsArea {

  /** The longest period one report covers. */
  private static final int MAX_YEARS = 10;

  private StatisticsArea() {
  }

  /**
   * @param from first month of the period
   * @param to last month of the period
   * @param region optional GB/T 2260 code prefix: 6 (county), 9 (township) or 12 (village) digits
   * @return the area to count in: {@code region} when given, else the caller's area
   * @throws ProblemException 400 {@code invalid-period} when {@code from} is after {@code to} or the period is
   *     longer than 10 years; 400 {@code invalid-region} for a malformed code; 403 {@code region-outside-area}
   *     for a region beyond the caller's area
   */
  public static RegionScope of(Caller caller, YearMonth from, YearMonth to, String region) {
    if (from.isAfter(to) || from.plusYears(MAX_YEARS).isBefore(to)) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-period",
          "from must not be after to, and the period at most " + MAX_YEARS + " years.");
    }
    RegionScope scope = caller.regionScope();
    if (region == null) {
      return scope;
    }
    if (!region.matches("\\d{6}|\\d{9}|\\d{12}")) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-region", "region must be 6, 9 or 12 digits.");
    }
    if (!scope.covers(region)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "region-outside-area", "Region " + region
          + " is outside your area.");
    }
    return RegionScope.within(region);
  }
}
