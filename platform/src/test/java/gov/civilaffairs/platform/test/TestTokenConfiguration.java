package gov.civilaffairs.platform.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Makes a test context trust the tokens of {@link TestTokens} (and only those) instead of the
 * identity provider: {@code @Import(TestTokenConfiguration.class)} on the test class.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestTokenConfiguration {

  @Bean
  JwtDecoder jwtDecoder() {
    return TestTokens.decoder();
  }
}
