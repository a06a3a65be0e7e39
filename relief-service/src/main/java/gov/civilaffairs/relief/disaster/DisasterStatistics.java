package gov.civilaffairs.relief.disaster;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The disaster-relief figures of the bureau's reports (DOMAIN.md "Reports": disaster officers trained and shelters
 * added) for a period and a region, with the events and relief of the period.
 *
 * @param region the region code prefix counted ({@code null}: the caller's whole area)
 */
public record DisasterStatistics(YearMonth from, YearMonth to, String region, Officers officers, Shelters shelters,
    Events events, Relief relief) {

  /**
   * @param registered officers appointed by the end of the period
   * @param trained distinct officers with a training in the period; {@code trainings} the trainings
   * @param examined distinct officers with an exam in the period; {@code passed} of them with a passed exam
   */
  public record Officers(int registered, int trained, int trainings, int examined, int passed) {
  }

  /** @param added shelters set up in the period, {@code addedCapacity} their capacity (persons); totals at its end */
  public record Shelters(int added, long addedCapacity, int total, long totalCapacity) {
  }

  /**
   * Events that occurred in the period (their region within the one counted), with the figures of each one's latest
   * report (cumulative by definition of the reports).
   *
   * @param lateReports reports of these events flagged late
   * @param directEconomicLoss yuan
   */
  public record Events(int occurred, int closed, int lateReports, long affectedPersons, long relocatedPersons,
      long deaths, long damagedHouses, BigDecimal directEconomicLoss) {
  }

  /**
   * Relief given in the period to recipients in the region.
   *
   * @param recipients distinct recipients (ID numbers); {@code money} yuan; {@code goodsItems} goods distributions
   */
  public record Relief(int recipients, BigDecimal money, int goodsItems) {
  }
}
