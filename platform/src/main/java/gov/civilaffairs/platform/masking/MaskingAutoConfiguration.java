package gov.civilaffairs.platform.masking;

import tools.jackson.databind.JacksonModule;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks {@link Masked} values in every JSON response: registers {@link MaskingJacksonModule} as a
 * bean, which Spring Boot adds to its {@code JsonMapper}, with the service's {@link MaskingPolicy} or,
 * if it declares none, {@link MaskingPolicy#ALWAYS}. (Masking in logs needs no configuration; see
 * {@link LogMaskingApplicationListener}.)
 */
@AutoConfiguration
@ConditionalOnClass(JacksonModule.class)
public class MaskingAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  MaskingPolicy maskingPolicy() {
    return MaskingPolicy.ALWAYS;
  }

  @Bean
  MaskingJacksonModule maskingJacksonModule(MaskingPolicy maskingPolicy) {
    return new MaskingJacksonModule(maskingPolicy);
  }
}
