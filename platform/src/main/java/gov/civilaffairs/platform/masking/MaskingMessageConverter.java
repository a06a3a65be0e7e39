package gov.civilaffairs.platform.masking;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's message converter ({@code %m}, {@code %msg}, {@code %message}) with national ID numbers
 * and mobile numbers masked as by {@link Masking#inText(String)}. Installed for every pattern by
 * {@link LogMaskingConversionRules}; never needs naming in a pattern.
 */
public class MaskingMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return Masking.inText(super.convert(event));
  }
}
