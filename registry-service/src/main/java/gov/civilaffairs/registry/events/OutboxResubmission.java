package gov.civilaffairs.registry.events;

import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again the outbox publications whose send failed (Kafka was down when the change was committed),
 * every {@code registry.events.resubmission-interval}.
 *
 * <p>Only publications in status {@code FAILED} are resubmitted (Spring Modulith 2.0's
 * {@link FailedEventPublications}), never those still in flight: the Kafka externaliser runs
 * asynchronously, so a publication being sent is {@code PROCESSING} or {@code RESUBMITTED}, and sending
 * it again would put the event on the topic twice. A send that never concludes (the process died) is
 * turned into {@code FAILED} by Modulith's staleness monitor ({@code spring.modulith.events.staleness.*})
 * and resubmitted then; publications left over from a previous run are sent at start-up
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxResubmission {

  private final FailedEventPublications failed;
  private final ResubmissionOptions options;

  OutboxResubmission(FailedEventPublications failed, RegistryEventsProperties properties) {
    this.failed = failed;
    this.options = ResubmissionOptions.defaults()
        .withMinAge(properties.resubmitOlderThan())
        .withBatchSize(properties.resubmissionBatchSize())
        .withMaxInFlight(properties.resubmissionBatchSize());
  }

  @Scheduled(fixedDelayString = "${registry.events.resubmission-interval:15s}",
      initialDelayString = "${registry.events.resubmission-interval:15s}")
  void resubmitFailed() {
    failed.resubmit(options);
  }
}
