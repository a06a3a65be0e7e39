package gov.civilaffairs.relief.events;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes every {@link BenefitTerminated} (v1, the minimum living allowance) also as {@link BenefitTerminatedV2},
 * in the same transaction and therefore through the same outbox, for the deprecation window of v1 (EVENTS.md
 * "Versioning": a new type is published in parallel). Same ids of case, household and death record, same
 * amounts; a new {@code eventId} (each CloudEvent has its own {@code ce_id}).
 */
@Component
class BenefitTerminatedVersions {

  private final ApplicationEventPublisher publisher;

  BenefitTerminatedVersions(ApplicationEventPublisher publisher) {
    this.publisher = publisher;
  }

  @EventListener
  void alsoAsV2(BenefitTerminated v1) {
    publisher.publishEvent(new BenefitTerminatedV2(java.util.UUID.randomUUID(), v1.scheme(), v1.caseId(),
        v1.householdId(), v1.reason(), v1.deathRecordId(), v1.lastPaidMonth(), v1.overpayment(), null,
        v1.terminatedAt()));
  }
}
