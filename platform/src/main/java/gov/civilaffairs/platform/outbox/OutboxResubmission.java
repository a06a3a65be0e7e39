package gov.civilaffairs.platform.outbox;

import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Sends again, every {@code platform.outbox.resubmission-interval}, the outbox publications whose send
 * failed (Kafka was down when the change was committed), so that the event leaves once the broker is
 * back (QUALITY.md, "Kafka down"; ADR 0003).
 *
 * <p>Only publications in status {@code FAILED} are resubmitted (Spring Modulith 2.0's
 * {@link FailedEventPublications}), never those still in flight: the Kafka externaliser sends
 * asynchronously, so a publication being sent is {@code PROCESSING} or {@code RESUBMITTED}, and sending
 * it again would put the event on the topic twice. A send that never concludes (the process died) is
 * turned into {@code FAILED} by Modulith's staleness monitor ({@code spring.modulith.events.staleness.*})
 * and resubmitted then; publications left over from a previous run are sent at start-up
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
public class OutboxResubmission implements SchedulingConfigurer {

  private final FailedEventPublications failed;
  private final OutboxProperties properties;
  private final ResubmissionOptions options;

  /**
   * @param failed Modulith's failed publications of this service's outbox
   * @param properties how old, how often and how many
   */
  public OutboxResubmission(FailedEventPublications failed, OutboxProperties properties) {
    this.failed = failed;
    this.properties = properties;
    this.options = ResubmissionOptions.defaults()
        .withMinAge(properties.resubmitOlderThan())
        .withBatchSize(properties.resubmissionBatchSize())
        .withMaxInFlight(properties.resubmissionBatchSize());
  }

  /** Sends again up to one batch of the failed publications that are old enough. */
  public void resubmitFailed() {
    failed.resubmit(options);
  }

  /** Schedules {@link #resubmitFailed} with a fixed delay, the first run one interval after start-up. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::resubmitFailed, properties.resubmissionInterval(),
        properties.resubmissionInterval()));
  }
}
