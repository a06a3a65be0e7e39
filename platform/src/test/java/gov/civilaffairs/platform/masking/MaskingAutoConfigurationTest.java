package gov.civilaffairs.platform.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MaskingAutoConfigurationTest {

  record PersonView(@Masked(MaskType.NATIONAL_ID_NUMBER) String idNumber) {
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MaskingAutoConfiguration.class, JacksonAutoConfiguration.class));

  @Test
  void bootsJsonMapperMasksByDefault() {
    runner.run(context -> assertThat(context.getBean(JsonMapper.class)
        .writeValueAsString(new PersonView("33068119900101123X")))
        .isEqualTo("{\"idNumber\":\"330681********123X\"}"));
  }

  @Test
  void aServicesOwnPolicyReplacesTheDefault() {
    runner.withBean(MaskingPolicy.class, () -> type -> false)
        .run(context -> assertThat(context.getBean(JsonMapper.class)
            .writeValueAsString(new PersonView("33068119900101123X")))
            .isEqualTo("{\"idNumber\":\"33068119900101123X\"}"));
  }
}
