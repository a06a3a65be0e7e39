package gov.civilaffairs.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class BureauClockTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** 23:30 on 30 June in Shanghai, 15:30 in UTC. */
  private static final Instant LATE_ON_30_JUNE = Instant.parse("2026-06-30T15:30:00Z");

  @Test
  void aDeathLateOn30JuneShanghaiTimeIsAJuneDeath() {
    BureauClock clock = new BureauClock(Clock.systemUTC(), SHANGHAI);

    assertThat(clock.civilDate(LATE_ON_30_JUNE)).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(clock.civilMonth(LATE_ON_30_JUNE)).isEqualTo(YearMonth.of(2026, 6));
  }

  @Test
  void midnightInShanghaiStartsTheNextDayAndMonth() {
    BureauClock clock = new BureauClock(Clock.systemUTC(), SHANGHAI);
    Instant midnight = Instant.parse("2026-06-30T16:00:00Z");

    assertThat(clock.civilDate(midnight)).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(clock.civilMonth(midnight)).isEqualTo(YearMonth.of(2026, 7));
  }

  @Test
  void todayAndCurrentMonthAreReadInTheBureausZoneWhateverTheClocksZone() {
    BureauClock clock = new BureauClock(Clock.fixed(LATE_ON_30_JUNE, ZoneOffset.UTC), SHANGHAI);

    assertThat(clock.now()).isEqualTo(LATE_ON_30_JUNE);
    assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(clock.currentMonth()).isEqualTo(YearMonth.of(2026, 6));
    assertThat(clock.zone()).isEqualTo(SHANGHAI);
  }

  @Test
  void anotherConfiguredZoneGivesThatZonesDate() {
    BureauClock clock = new BureauClock(Clock.fixed(LATE_ON_30_JUNE, SHANGHAI), ZoneOffset.UTC);

    assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(clock.civilDate(Instant.parse("2026-06-30T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 6, 30));
  }
}
