package gov.civilaffairs.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * When the platform's event outbox applies (opt-in, {@code platform.outbox.enabled}) and that its settings are
 * validated. The data source points at nothing: no statement runs while the context starts (the relay's first drain
 * fails quietly and is retried).
 */
class EventOutboxAutoConfigurationTest {

  private static final DataSource NOWHERE = new DriverManagerDataSource("jdbc:mysql://127.0.0.1:1/none");

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, EventOutboxAutoConfiguration.class))
      .withBean(DataSource.class, () -> NOWHERE)
      .withBean(JdbcTemplate.class, () -> new JdbcTemplate(NOWHERE))
      .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(NOWHERE))
      .withBean(JsonMapper.class, () -> JsonMapper.builder().build());

  @Test
  void offUnlessEnabled() {
    context.run(ctx -> assertThat(ctx).doesNotHaveBean(EventOutbox.class).doesNotHaveBean(EventOutboxRelay.class));
    context.withPropertyValues("platform.outbox.enabled=false")
        .run(ctx -> assertThat(ctx).doesNotHaveBean(EventOutbox.class));
  }

  @Test
  void enabledItHasTheOutboxTheRelayAndItsSettings() {
    context.withPropertyValues("platform.outbox.enabled=true", "platform.outbox.relay-batch-size=200")
        .run(ctx -> {
          assertThat(ctx).hasSingleBean(EventOutbox.class).hasSingleBean(EventOutboxRelay.class)
              .hasSingleBean(EventOutboxMetrics.class);
          assertThat(ctx.getBean(EventOutboxProperties.class).relayBatchSize()).isEqualTo(200);
          assertThat(ctx.getBean(EventOutboxProperties.class).relayInterval()).hasSeconds(1);
        });
  }

  @Test
  void refusesSettingsOutOfRange() {
    context.withPropertyValues("platform.outbox.enabled=true", "platform.outbox.relay-batch-size=0")
        .run(ctx -> assertThat(ctx).hasFailed());
    context.withPropertyValues("platform.outbox.enabled=true", "platform.outbox.relay-interval=10ms")
        .run(ctx -> assertThat(ctx).hasFailed());
  }
}
