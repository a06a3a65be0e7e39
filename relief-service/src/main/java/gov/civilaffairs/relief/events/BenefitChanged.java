package gov.civilaffairs.relief.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * The monthly amount of a household's benefit changed from a month on: a new allowance standard (recomputation of
 * every active allowance from its effective month), a periodic review (动态管理: raise or reduce) or a member change
 * (birth, marriage, moving out). One event per new amount entry. Published through the outbox on topic
 * {@value ReliefEventsConfiguration#TOPIC}, keyed by household id, as CloudEvent
 * {@value ReliefEventsConfiguration#BENEFIT_CHANGED}; contract {@code contracts/events/relief.benefit-changed.v1.schema.json}.
 *
 * @param caseId the allowance's id
 * @param scheme {@code MINIMUM_LIVING_ALLOWANCE}
 * @param fromMonth the first month of the new amount
 * @param amountBefore yuan per month for {@code fromMonth} before the change, scale 2
 * @param amountAfter yuan per month from {@code fromMonth}, scale 2
 * @param members members the new amount was computed for
 * @param cause {@code ALLOWANCE_STANDARD}, {@code PERIODIC_REVIEW} or {@code MEMBER_CHANGE}
 * @param causeId id of the allowance standard or of the household change
 * @param changedAt when it was recorded (UTC instant); equals {@code ce_time}
 */
public record BenefitChanged(UUID eventId, long householdId, long caseId, String scheme, YearMonth fromMonth,
    BigDecimal amountBefore, BigDecimal amountAfter, int members, String cause, long causeId, Instant changedAt) {

  public static final String ALLOWANCE_STANDARD = "ALLOWANCE_STANDARD";
  public static final String PERIODIC_REVIEW = "PERIODIC_REVIEW";
  public static final String MEMBER_CHANGE = "MEMBER_CHANGE";
}
