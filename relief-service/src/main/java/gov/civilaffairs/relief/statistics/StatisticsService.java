package gov.civilaffairs.relief.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.relief.allowance.HouseholdRepository;

import org.springframework.stereotype.Service;

/**
 * The social-assistance figures of the bureau's reports (DOMAIN.md "Reports": allowance households and
 * persons, urban/rural split, additions and cancellations; temporary assistance persons and money; one-off
 * subsidies by batch) for any period and region within the caller's area.
 */
@Service
public class StatisticsService {

  private final StatisticsRepository statistics;
  private final HouseholdRepository households;

  StatisticsService(StatisticsRepository statistics, HouseholdRepository households) {
    this.statistics = statistics;
    this.households = households;
  }

  /**
   * @param region the area counted (the caller's, or a region within it)
   * @param regionCode the region asked for, reported back; null for the caller's whole area
   */
  public SocialAssistanceStatistics figures(RegionScope region, String regionCode, YearMonth from, YearMonth to) {
    int urbanHouseholds = 0;
    int urbanPersons = 0;
    int ruralHouseholds = 0;
    int ruralPersons = 0;
    for (StatisticsRepository.AreaCount count : statistics.allowanceStock(region, to)) {
      if ("URBAN".equals(count.area())) {
        urbanHouseholds = count.households();
        urbanPersons = count.persons();
      } else {
        ruralHouseholds = count.households();
        ruralPersons = count.persons();
      }
    }
    BigDecimal amount = StatisticsRepository.zero();
    for (long householdId : statistics.householdsPaidFor(region, to)) {
      amount = amount.add(households.findAllowanceOfHousehold(householdId).orElseThrow().amountFor(to));
    }
    SocialAssistanceStatistics.AllowanceFigures allowance = new SocialAssistanceStatistics.AllowanceFigures(
        urbanHouseholds + ruralHouseholds, urbanPersons + ruralPersons, urbanHouseholds, urbanPersons, ruralHouseholds,
        ruralPersons, statistics.allowancesStarted(region, from, to), statistics.allowancesEnded(region, from, to),
        amount);
    SocialAssistanceStatistics.ApplicationFigures applications = new SocialAssistanceStatistics.ApplicationFigures(
        statistics.applications(region, "received_on", null, from, to),
        statistics.applications(region, "decided_on", "CONFIRMED", from, to),
        statistics.applications(region, "decided_on", "REFUSED", from, to));
    List<SocialAssistanceStatistics.TemporaryFigures> temporary = statistics.temporary(region, from, to);
    return new SocialAssistanceStatistics(from, to, regionCode, allowance, applications, temporary,
        statistics.batches(region, from, to), statistics.medical(region, from, to));
  }
}
