package gov.civilaffairs.registry.death;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DeathReportTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void aTimeOfDeathCountsInShanghai() {
    var report = report(null, OffsetDateTime.parse("2025-06-30T15:30:00Z"));

    assertThat(report.civilDateOfDeath(SHANGHAI)).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(report(null, OffsetDateTime.parse("2025-06-30T16:30:00Z")).civilDateOfDeath(SHANGHAI))
        .isEqualTo(LocalDate.of(2025, 7, 1));
  }

  @Test
  void aDateThatDisagreesWithTheTimeIsRefused() {
    assertThatThrownBy(() -> report(LocalDate.of(2025, 7, 1), OffsetDateTime.parse("2025-06-30T15:30:00Z"))
        .civilDateOfDeath(SHANGHAI)).hasMessageContaining("disagrees");
  }

  private static DeathReport report(LocalDate date, OffsetDateTime time) {
    return new DeathReport("330681195003150013", "张三", date, time, DeathSource.CREMATION, "C-1", null);
  }
}
