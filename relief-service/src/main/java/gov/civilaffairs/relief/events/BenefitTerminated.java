package gov.civilaffairs.relief.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A household's benefit was terminated. Published through the outbox on topic
 * {@value ReliefEventsConfiguration#TOPIC}, keyed by household id, as CloudEvent
 * {@value ReliefEventsConfiguration#BENEFIT_TERMINATED}; the contract is
 * {@code contracts/events/relief.benefit-terminated.v1.schema.json}.
 *
 * @param eventId the CloudEvent id ({@code ce_id}), fixed when the event is created so that a
 *     republication from the outbox keeps it
 * @param caseId the case: the allowance's id
 * @param scheme the assistance scheme, {@code MINIMUM_LIVING_ALLOWANCE} (低保)
 * @param reason why it ended, {@code DEATH}
 * @param deathRecordId the registry's death record that caused it
 * @param lastPaidMonth the last month the benefit is paid for
 * @param overpayment yuan paid for months after {@code lastPaidMonth}, claimed back; 0.00 if none
 * @param terminatedAt when the termination was recorded (UTC instant); equals {@code ce_time}
 */
public record BenefitTerminated(UUID eventId, long householdId, long caseId, String scheme, String reason,
    long deathRecordId, YearMonth lastPaidMonth, BigDecimal overpayment, Instant terminatedAt) {

  /** The scheme of every minimum living allowance. */
  public static final String MINIMUM_LIVING_ALLOWANCE = "MINIMUM_LIVING_ALLOWANCE";
  /** The reason when a death record ended the benefit. */
  public static final String DEATH = "DEATH";
}
