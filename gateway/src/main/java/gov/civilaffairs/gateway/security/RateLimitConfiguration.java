package gov.civilaffairs.gateway.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Makes {@link ClientRateLimiter} the rate limiter of Spring Cloud Gateway's {@code RequestRateLimiter}
 * filter, which application.yml applies to every route with {@link ClientKeyResolver} as the key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

  @Bean(destroyMethod = "close")
  ClientRateLimiter clientRateLimiter(RateLimitProperties properties, MeterRegistry meters) {
    return new ClientRateLimiter(properties, meters);
  }
}
