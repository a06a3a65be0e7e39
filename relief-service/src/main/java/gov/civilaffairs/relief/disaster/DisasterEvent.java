package gov.civilaffairs.relief.disaster;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A natural disaster event (自然灾害) in a region and its reports.
 *
 * @param regionCode GB/T 2260 code of the affected area: county (6), township (9) or village (12 digits)
 * @param occurredAt when it happened (UTC instant)
 * @param status {@code OPEN} until the final report (核报) closes it, then {@code CLOSED}
 * @param nextReportDueAt when the next report is due: the initial report while there is none, else a follow-up;
 *     null once closed
 * @param overdue open and {@code nextReportDueAt} has passed
 * @param reports oldest first
 */
public record DisasterEvent(long id, String regionCode, Kind kind, String title, Instant occurredAt, Status status,
    Instant closedAt, Instant nextReportDueAt, boolean overdue, List<Report> reports) {

  /** Disaster kinds of 《自然灾害情况统计调查制度》 (GB/T 28921-2012 自然灾害分类与代码, main kinds). */
  public enum Kind {
    FLOOD, TYPHOON, RAINSTORM, DROUGHT, HAIL, LOW_TEMPERATURE_FREEZE, SNOWSTORM, EARTHQUAKE, LANDSLIDE,
    DEBRIS_FLOW, FOREST_FIRE, OTHER
  }

  public enum Status { OPEN, CLOSED }

  /** 初报, 续报, 核报. */
  public enum ReportType { INITIAL, FOLLOW_UP, FINAL }

  /**
   * A report with the figures as known at {@code reportedAt} (each report states the cumulative figures of the event).
   *
   * @param reportedAt when relief received it (the server's clock, not the caller's word)
   * @param dueAt its deadline ({@link DisasterReliefProperties}); {@code late} when received after it
   * @param affectedPersons 受灾人口, persons; {@code relocatedPersons} 紧急转移安置人口 and {@code deaths} 死亡人口 are
   *     part of it
   * @param damagedHouses 倒塌和损坏房屋, rooms (间)
   * @param directEconomicLoss 直接经济损失, yuan, scale 2
   * @param stabilisedOn the day the disaster stabilised (灾情稳定), final report only
   */
  public record Report(long id, ReportType type, Instant reportedAt, Instant dueAt, boolean late, int affectedPersons,
      int relocatedPersons, int deaths, int damagedHouses, BigDecimal directEconomicLoss, LocalDate stabilisedOn,
      String remarks) {
  }
}
