package gov.civilaffairs.platform.masking;

import ch.qos.logback.classic.spi.ILoggingEvent;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's default exception converter ({@code %wEx}: stack trace with packaging data, set off by
 * blank lines) with national ID numbers and mobile numbers masked in the whole text, messages of
 * causes and suppressed exceptions included. Registered as {@code %maskedWEx} by
 * {@link LogMaskingConversionRules} and made Boot's exception conversion word by the platform's
 * defaults ({@code logging.exception-conversion-word}).
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return Masking.inText(super.convert(event));
  }
}
