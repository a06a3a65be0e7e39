package gov.civilaffairs.registry.events;

import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again the outbox publications that did not complete (Kafka was down when the change was
 * committed): every {@code registry.events.resubmission-interval}, the publications incomplete for
 * longer than {@code registry.events.resubmit-older-than} are resubmitted through Spring Modulith.
 * Publications left over from a previous run are also sent at start-up
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxResubmission {

  private final IncompleteEventPublications incomplete;
  private final RegistryEventsProperties properties;

  OutboxResubmission(IncompleteEventPublications incomplete, RegistryEventsProperties properties) {
    this.incomplete = incomplete;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "${registry.events.resubmission-interval:15s}",
      initialDelayString = "${registry.events.resubmission-interval:15s}")
  void resubmitIncomplete() {
    incomplete.resubmitIncompletePublicationsOlderThan(properties.resubmitOlderThan());
  }
}
