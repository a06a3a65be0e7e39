package gov.civilaffairs.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * The outbox's resubmission: when it applies, what it asks Modulith for, how often, and its validated
 * settings. Modulith's registry is stood in for by a {@link FailedEventPublications} that records each
 * call; no database or broker is used.
 */
class OutboxAutoConfigurationTest {

  private final List<ResubmissionOptions> resubmissions = new CopyOnWriteArrayList<>();
  private final CountDownLatch twoResubmissions = new CountDownLatch(2);
  private final FailedEventPublications failed = options -> {
    resubmissions.add(options);
    twoResubmissions.countDown();
  };

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, OutboxAutoConfiguration.class));

  @Test
  void resubmitsOnlyOldEnoughFailedPublicationsInBatchesEveryInterval() {
    context.withBean(FailedEventPublications.class, () -> failed)
        .withPropertyValues("platform.outbox.resubmission-interval=100ms", "platform.outbox.resubmit-older-than=1s",
            "platform.outbox.resubmission-batch-size=7")
        .run(ctx -> {
          assertThat(ctx).hasSingleBean(OutboxResubmission.class);
          assertThat(twoResubmissions.await(5, TimeUnit.SECONDS)).as("two runs within 5 s").isTrue();
          assertThat(resubmissions.get(0)).satisfies(options -> {
            assertThat(options.getMinAge()).isEqualTo(Duration.ofSeconds(1));
            assertThat(options.getBatchSize()).isEqualTo(7);
            assertThat(options.getMaxInFlight()).isEqualTo(7);
          });
        });
  }

  @Test
  void defaultsResubmitPublicationsOlderThan30SecondsEvery15SecondsAHundredAtATime() {
    context.withBean(FailedEventPublications.class, () -> failed).run(ctx -> {
      assertThat(ctx.getBean(OutboxProperties.class))
          .isEqualTo(new OutboxProperties(Duration.ofSeconds(30), Duration.ofSeconds(15), 100));
      assertThat(resubmissions).as("nothing before the first interval has passed").isEmpty();
    });
  }

  @Test
  void appliesOnlyWhereModulithsRegistryIsConfigured() {
    context.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(OutboxResubmission.class));
  }

  @Test
  void appliesOnlyWhereSpringModulithIsOnTheClasspath() {
    context.withClassLoader(new FilteredClassLoader(FailedEventPublications.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(OutboxResubmission.class));
  }

  @Test
  void rejectsAnEmptyBatch() {
    context.withBean(FailedEventPublications.class, () -> failed)
        .withPropertyValues("platform.outbox.resubmission-batch-size=0")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("resubmissionBatchSize"));
  }

  @Test
  void rejectsAnIntervalThatWouldPollTheDatabaseWithoutPause() {
    context.withBean(FailedEventPublications.class, () -> failed)
        .withPropertyValues("platform.outbox.resubmission-interval=0s")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("resubmissionInterval"));
  }
}
