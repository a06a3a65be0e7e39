package gov.civilaffairs.relief.disaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import gov.civilaffairs.relief.disaster.DisasterEvent.ReportType;

/** Report deadlines of 《自然灾害情况统计调查制度》 with the default values (2 h, 7 days, 5 days) and other values. */
class ReportDeadlinesTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  final ReportDeadlines defaults = new ReportDeadlines(new DisasterReliefProperties(new BigDecimal("60"), 2, 7, 5),
      SHANGHAI);

  @Test
  void theInitialReportIsDueHoursAfterTheEvent() {
    Instant event = Instant.parse("2026-09-14T12:30:00Z");
    Instant due = defaults.dueAt(ReportType.INITIAL, event, null, null);
    assertThat(due).isEqualTo(Instant.parse("2026-09-14T14:30:00Z"));
    assertThat(ReportDeadlines.late(Instant.parse("2026-09-14T14:30:00Z"), due)).as("at the deadline").isFalse();
    assertThat(ReportDeadlines.late(Instant.parse("2026-09-14T14:30:00.001Z"), due)).isTrue();
    assertThat(new ReportDeadlines(new DisasterReliefProperties(new BigDecimal("60"), 3, 7, 5), SHANGHAI)
        .dueAt(ReportType.INITIAL, event, null, null)).isEqualTo(Instant.parse("2026-09-14T15:30:00Z"));
  }

  @Test
  void aFollowUpIsDueDaysAfterThePreviousReport() {
    Instant previous = Instant.parse("2026-09-15T01:00:00Z");
    assertThat(defaults.dueAt(ReportType.FOLLOW_UP, Instant.parse("2026-09-14T12:30:00Z"), previous, null))
        .isEqualTo(Instant.parse("2026-09-22T01:00:00Z"));
    assertThat(defaults.nextDueAt(Instant.parse("2026-09-14T12:30:00Z"), previous))
        .isEqualTo(Instant.parse("2026-09-22T01:00:00Z"));
    assertThat(defaults.nextDueAt(Instant.parse("2026-09-14T12:30:00Z"), null))
        .as("no report yet: the initial one").isEqualTo(Instant.parse("2026-09-14T14:30:00Z"));
  }

  @Test
  void theFinalReportIsDueByTheEndOfTheFifthDayAfterStabilisingInShanghai() {
    Instant due = defaults.dueAt(ReportType.FINAL, Instant.parse("2026-09-14T12:30:00Z"), null,
        LocalDate.of(2026, 9, 18));
    assertThat(due).isEqualTo(Instant.parse("2026-09-23T16:00:00Z")); // 2026-09-24 00:00 +08:00
    assertThat(ReportDeadlines.late(Instant.parse("2026-09-23T15:59:59Z"), due)).as("23:59:59 on the 23rd, Shanghai")
        .isFalse();
    assertThat(ReportDeadlines.late(Instant.parse("2026-09-23T16:00:01Z"), due)).isTrue();
  }
}
