package gov.civilaffairs.platform.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A Spring Boot application that does nothing for it still masks ID numbers and mobile numbers in
 * its log: Boot's default console logging, the platform's defaults and listener only.
 */
@SpringBootTest(classes = LogMaskingIT.BareApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingIT {

  private static final Logger log = LoggerFactory.getLogger(LogMaskingIT.class);

  @SpringBootConfiguration
  static class BareApplication {
  }

  @Test
  void masksTheFormattedMessage(CapturedOutput output) {
    log.info("death of {} reported; informant 13812345678", "11010519491231002X");

    assertThat(output).contains("death of 110105********002X reported; informant 138****5678")
        .doesNotContain("11010519491231002X")
        .doesNotContain("13812345678");
  }

  @Test
  void masksExceptionMessagesAndTheirCauses(CapturedOutput output) {
    Exception cause = new IllegalArgumentException("no person 44052418800101001x in the index");
    log.warn("death record rejected", new IllegalStateException("record of 11010519491231002X held", cause));

    assertThat(output)
        .contains("java.lang.IllegalStateException: record of 110105********002X held")
        .contains("Caused by: java.lang.IllegalArgumentException: no person 440524********001x in the index")
        .contains("at gov.civilaffairs.platform.masking.LogMaskingIT.masksExceptionMessagesAndTheirCauses")
        .doesNotContain("11010519491231002X")
        .doesNotContain("44052418800101001x");
  }
}
