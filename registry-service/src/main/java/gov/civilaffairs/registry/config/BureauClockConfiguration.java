package gov.civilaffairs.registry.config;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bureau's clock: Asia/Shanghai, where civil dates (dates of death) are counted.
 *
 * <p>TODO(lead): delete this class when platform.time's Clock bean is merged.
 */
@Configuration(proxyBeanMethods = false)
class BureauClockConfiguration {

  /** The zone of the bureau's civil dates. */
  static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

  @Bean
  Clock bureauClock() {
    return Clock.system(BUREAU_ZONE);
  }
}
