package gov.civilaffairs.platform.time;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the bureau's clock (Asia/Shanghai by default) and the working-day calendar.
 * Each bean backs off when the application defines its own, so that a test can supply a fixed
 * {@link Clock} (the {@link BureauClock} then reads it in the bureau's zone).
 */
@AutoConfiguration
@EnableConfigurationProperties(BureauTimeProperties.class)
public class BureauTimeAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(BureauTimeAutoConfiguration.class);

  /** The system clock in the bureau's zone. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock(BureauTimeProperties properties) {
    return Clock.system(properties.zone());
  }

  @Bean
  @ConditionalOnMissingBean
  BureauClock bureauClock(Clock clock, BureauTimeProperties properties) {
    return new BureauClock(clock, properties.zone());
  }

  /** Read once at startup; a missing or broken file stops the service. */
  @Bean
  @ConditionalOnMissingBean
  WorkingDayCalendar workingDayCalendar(BureauTimeProperties properties) throws IOException {
    try (InputStream json = properties.holidays().getInputStream()) {
      WorkingDayCalendar calendar = WorkingDayCalendar.fromJson(json);
      log.info("Working-day calendar covers {}-{} (from {})", calendar.coveredYears().first(),
          calendar.coveredYears().last(), properties.holidays().getDescription());
      return calendar;
    }
  }
}
