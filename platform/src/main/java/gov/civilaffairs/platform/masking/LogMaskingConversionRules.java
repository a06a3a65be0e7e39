package gov.civilaffairs.platform.masking;

import java.util.Map;
import java.util.function.Supplier;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.core.pattern.DynamicConverter;

/**
 * Makes Logback's conversion words mask: {@code %m}, {@code %msg} and {@code %message} become
 * {@link MaskingMessageConverter}, and {@code %maskedWEx} is {@link MaskingThrowableConverter}.
 *
 * <p>Why Logback's default converter map ({@link PatternLayout#DEFAULT_CONVERTER_SUPPLIER_MAP}) and
 * not a {@code <conversionRule>}: rules declared in a configuration live in the logger context, and
 * Spring Boot stops and resets that context whenever it configures logging, which drops them and
 * any listener that would add them again; a rule in a {@code logback-spring.xml} would also force
 * every service to ship one. The default map is consulted by every pattern layout Logback builds, so
 * the message is masked whether a service keeps Boot's default logging, sets
 * {@code logging.pattern.*} or ships its own configuration, and no pattern has to be copied into
 * the platform. A {@code <conversionRule>} of a service for the same word still wins.
 *
 * <p>Not covered: Boot's structured (JSON) logging formats, which read the message without a pattern.
 */
public final class LogMaskingConversionRules {

  /** The conversion word of the masking exception converter (Boot's {@code %wEx}, masked). */
  public static final String THROWABLE_CONVERSION_WORD = "maskedWEx";

  private LogMaskingConversionRules() {
  }

  /**
   * Registers the masking converters for every pattern layout built from now on. Idempotent; call it
   * before logging is configured (as {@link LogMaskingApplicationListener} does).
   */
  public static void install() {
    Map<String, Supplier<DynamicConverter>> defaults = PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP;
    synchronized (defaults) {
      for (String word : new String[] {"m", "msg", "message"}) {
        defaults.put(word, MaskingMessageConverter::new);
      }
      defaults.put(THROWABLE_CONVERSION_WORD, MaskingThrowableConverter::new);
    }
  }
}
