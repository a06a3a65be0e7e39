package gov.civilaffairs.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's defaults ({@code META-INF/platform-defaults.yml}) as the property source of
 * lowest precedence, so that every service runs with the same actuator, problem+json, shutdown,
 * tracing and Kafka settings while any service, profile or environment variable can still
 * override each of them.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

  static final String SOURCE_NAME = "platformDefaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(SOURCE_NAME)) {
      return;
    }
    try {
      for (PropertySource<?> source : new YamlPropertySourceLoader()
          .load(SOURCE_NAME, new ClassPathResource("META-INF/platform-defaults.yml"))) {
        environment.getPropertySources().addLast(source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read META-INF/platform-defaults.yml", e);
    }
  }
}
