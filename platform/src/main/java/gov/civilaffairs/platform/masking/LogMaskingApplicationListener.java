package gov.civilaffairs.platform.masking;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.ClassUtils;

/**
 * Makes every service's log mask national ID numbers and mobile numbers (QUALITY.md: "always in
 * logs"), with no work in the service: when an application starts, and so before Spring Boot
 * configures logging, it installs {@link LogMaskingConversionRules} in Logback. Registered
 * in {@code META-INF/spring.factories}, because auto-configuration runs too late for logging.
 * Does nothing when Logback is not the logging backend.
 */
public class LogMaskingApplicationListener implements ApplicationListener<ApplicationStartingEvent> {

  private static final boolean LOGBACK_PRESENT = ClassUtils.isPresent(
      "ch.qos.logback.classic.PatternLayout", LogMaskingApplicationListener.class.getClassLoader());

  @Override
  public void onApplicationEvent(ApplicationStartingEvent event) {
    if (LOGBACK_PRESENT) {
      LogMaskingConversionRules.install();
    }
  }
}
