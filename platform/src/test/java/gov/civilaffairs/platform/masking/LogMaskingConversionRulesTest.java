package gov.civilaffairs.platform.masking;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;

import org.junit.jupiter.api.Test;

/** A service's own pattern, outside Spring Boot's defaults, is masked too. */
class LogMaskingConversionRulesTest {

  @Test
  void everyMessageWordAndTheExceptionWordMask() {
    LogMaskingConversionRules.install();
    LoggerContext context = new LoggerContext();
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern("%m|%msg|%message|%maskedWEx");
    layout.start();
    Logger logger = context.getLogger("test");
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
        "person {}", new IllegalStateException("mobile 13812345678"), new Object[] {"11010519491231002X"});

    String line = layout.doLayout(event);

    assertThat(line).startsWith("person 110105********002X|person 110105********002X|person 110105********002X|")
        .contains("java.lang.IllegalStateException: mobile 138****5678")
        .doesNotContain("11010519491231002X")
        .doesNotContain("13812345678");
  }
}
