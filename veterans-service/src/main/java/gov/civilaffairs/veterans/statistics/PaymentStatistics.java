package gov.civilaffairs.veterans.statistics;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.stereotype.Service;

/**
 * Pensions and subsidies paid by type for a period of months and a region (DOMAIN.md, "Reports"). A pension
 * counts in the month its roll pays for; a subsidy or death grant in the civil month (Asia/Shanghai) it was
 * paid; the veterans' medical subsidy of a one-stop settlement in the month of the settlement date. The region is a GB/T 2260 code prefix on the entitled person's registered region.
 */
@Service
public class PaymentStatistics {

  private final PaymentStatisticsRepository repository;
  private final BureauClock clock;

  PaymentStatistics(PaymentStatisticsRepository repository, BureauClock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Totals by group and type, pensions first.
   *
   * @param from first month, inclusive
   * @param to last month, inclusive
   * @param scope the region to count
   * @throws ProblemException 422 {@code period} if {@code to} is before {@code from}
   */
  public List<PaymentTotal> paid(YearMonth from, YearMonth to, RegionScope scope) {
    if (to.isBefore(from)) {
      throw ProblemException.unprocessable("period", "to " + to + " is before from " + from);
    }
    LocalDateTime start = utc(from);
    LocalDateTime end = utc(to.plusMonths(1));
    List<PaymentTotal> totals = new ArrayList<>(repository.pensions(from, to, scope));
    totals.addAll(repository.subsidies(start, end, scope));
    totals.addAll(repository.deathGrants(start, end, scope));
    totals.addAll(repository.medicalSettlements(from.atDay(1), to.atEndOfMonth(), scope));
    return totals;
  }

  private LocalDateTime utc(YearMonth month) {
    return month.atDay(1).atStartOfDay(clock.zone()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
  }
}
