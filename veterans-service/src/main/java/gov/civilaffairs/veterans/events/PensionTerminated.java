package gov.civilaffairs.veterans.events;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import gov.civilaffairs.veterans.person.PensionKind;

/**
 * A periodic pension was stopped by a death (veterans.pension-terminated.v1): raised in the transaction
 * that stops it, so that unsent pension rolls drop the months after {@code lastPaidMonth}; published to
 * Kafka through the platform's event outbox ({@link VeteransEvents}), keyed by entitled person id. The contract is
 * {@code contracts/events/veterans.pension-terminated.v1.schema.json}.
 *
 * @param eventId the CloudEvent id ({@code ce_id}), fixed when the event is created so that a
 *     republication from the outbox keeps it
 * @param reason why it ended: {@code DEATH}
 * @param deathRecordId the registry's death record that caused it
 * @param lastPaidMonth the last month paid (the death rule's month rule)
 * @param terminatedAt when the termination was recorded (UTC instant); equals {@code ce_time}
 */
public record PensionTerminated(UUID eventId, long entitledPersonId, long pensionId, PensionKind pensionKind,
    String reason, long deathRecordId, YearMonth lastPaidMonth, Instant terminatedAt) {

  /** The reason when a death record stopped the pension. */
  public static final String DEATH = "DEATH";
}
