package gov.civilaffairs.relief.disaster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import gov.civilaffairs.relief.disaster.DisasterEvent.ReportType;

/**
 * When each disaster report is due (应急管理部《自然灾害情况统计调查制度》; local values in
 * {@link DisasterReliefProperties}): the initial report (初报) {@code initial-report-hours} after the event; a
 * follow-up (续报) {@code follow-up-report-days} after the previous report; the final report (核报) by the end of the
 * {@code final-report-days}-th day after the day the disaster stabilised (civil days in the bureau's zone).
 */
final class ReportDeadlines {

  private final DisasterReliefProperties properties;
  private final ZoneId zone;

  ReportDeadlines(DisasterReliefProperties properties, ZoneId zone) {
    this.properties = properties;
    this.zone = zone;
  }

  /**
   * @param previousReportedAt when the previous report was received (follow-up only)
   * @param stabilisedOn the day the disaster stabilised (final only)
   */
  Instant dueAt(ReportType type, Instant occurredAt, Instant previousReportedAt, LocalDate stabilisedOn) {
    return switch (type) {
      case INITIAL -> occurredAt.plus(Duration.ofHours(properties.initialReportHours()));
      case FOLLOW_UP -> previousReportedAt.plus(Duration.ofDays(properties.followUpReportDays()));
      case FINAL -> stabilisedOn.plusDays(properties.finalReportDays() + 1L).atStartOfDay(zone).toInstant();
    };
  }

  /** The next report of an open event: the initial one while there is none, else a follow-up. */
  Instant nextDueAt(Instant occurredAt, Instant lastReportedAt) {
    return lastReportedAt == null ? dueAt(ReportType.INITIAL, occurredAt, null, null)
        : dueAt(ReportType.FOLLOW_UP, occurredAt, lastReportedAt, null);
  }

  /** A report received at {@code receivedAt} is late when after its deadline. */
  static boolean late(Instant receivedAt, Instant dueAt) {
    return receivedAt.isAfter(dueAt);
  }
}
