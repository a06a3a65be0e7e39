package gov.civilaffairs.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.Year;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BureauTimeAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(BureauTimeAutoConfiguration.class));

  @Test
  void providesAShanghaiClockAndTheOfficialCalendarByDefault() {
    runner.run(context -> {
      assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
      assertThat(context.getBean(BureauClock.class).zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
      assertThat(context.getBean(WorkingDayCalendar.class).coveredYears().last()).isEqualTo(Year.of(2026));
    });
  }

  @Test
  void aTestsFixedClockIsReadInTheBureausZone() {
    Instant lateOn30June = Instant.parse("2026-06-30T15:30:00Z");
    runner.withBean(Clock.class, () -> Clock.fixed(lateOn30June, ZoneOffset.UTC)).run(context ->
        assertThat(context.getBean(BureauClock.class).today()).isEqualTo(LocalDate.of(2026, 6, 30)));
  }

  @Test
  void theZoneIsConfigurable() {
    runner.withPropertyValues("platform.time.zone=Asia/Urumqi").run(context ->
        assertThat(context.getBean(BureauClock.class).zone()).isEqualTo(ZoneId.of("Asia/Urumqi")));
  }

  @Test
  void anUnknownZoneStopsTheService() {
    runner.withPropertyValues("platform.time.zone=Asia/Nowhere").run(context ->
        assertThat(context).hasFailed().getFailure().hasStackTraceContaining("platform.time.zone"));
  }

  @Test
  void missingHolidayDataStopsTheService() {
    runner.withPropertyValues("platform.time.holidays=classpath:no-such-file.json").run(context ->
        assertThat(context).hasFailed().getFailure().hasStackTraceContaining("no-such-file.json"));
  }
}
