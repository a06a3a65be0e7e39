package gov.civilaffairs.registry.events;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** registry.events.purge.cron: a Spring cron expression or "-" (disabled); anything else stops the start. */
class RegistryEventsPropertiesTest {

  @Test
  void aPurgeCronMustBeValidOrDisabled() {
    assertThatCode(() -> new RegistryEventsProperties.Purge(Duration.ofDays(30), "0 30 3 * * *", 1000))
        .doesNotThrowAnyException();
    assertThatCode(() -> new RegistryEventsProperties.Purge(Duration.ofDays(30), "-", 1000)).doesNotThrowAnyException();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RegistryEventsProperties.Purge(Duration.ofDays(30), "every night", 1000));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RegistryEventsProperties.Purge(Duration.ofDays(30), "30 3 * * *", 1000))
        .as("five fields: Spring's cron has six (seconds first)");
  }
}
