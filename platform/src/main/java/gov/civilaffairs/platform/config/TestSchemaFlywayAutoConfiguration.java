package gov.civilaffairs.platform.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * For test schemas only: when {@code platform.flyway.clean-before-migrate=true} (set by each service's
 * {@code test} profile, together with {@code spring.flyway.clean-disabled=false}), the schema is
 * emptied and migrated afresh when a test context starts, so that every test run begins from the same
 * state whatever an earlier run, or another branch's migrations, left behind. Never set it elsewhere.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(FlywayMigrationStrategy.class)
@ConditionalOnBooleanProperty(name = "platform.flyway.clean-before-migrate")
public class TestSchemaFlywayAutoConfiguration {

  @Bean
  FlywayMigrationStrategy cleanThenMigrate() {
    return flyway -> {
      flyway.clean();
      flyway.migrate();
    };
  }
}
