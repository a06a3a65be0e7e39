package gov.civilaffairs.eldercare;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The bureau's clock fixed at 2026-11-15 10:00 Asia/Shanghai (one shared test context for the tests using it). */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {

  /** 2026-11-15T10:00 in Asia/Shanghai. */
  public static final Instant NOW = Instant.parse("2026-11-15T02:00:00Z");

  @Bean
  Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
