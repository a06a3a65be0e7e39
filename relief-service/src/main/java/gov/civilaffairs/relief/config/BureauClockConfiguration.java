package gov.civilaffairs.relief.config;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bureau's clock: Asia/Shanghai, where benefit months are counted.
 *
 * <p>TODO(lead): delete this class when platform.time's Clock bean is merged.
 */
@Configuration(proxyBeanMethods = false)
class BureauClockConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock bureauClock() {
    return Clock.system(ZoneId.of("Asia/Shanghai"));
  }
}
