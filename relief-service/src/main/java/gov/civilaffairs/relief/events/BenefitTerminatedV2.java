package gov.civilaffairs.relief.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A benefit of any relief scheme was terminated: the minimum living allowance of a household, 特困 support or a
 * child's basic living allowance of a person. Published through the outbox on topic
 * {@value ReliefEventsConfiguration#BENEFIT_TOPIC}, keyed by {@link #subject()} ({@code <scheme>:<caseId>}), as
 * CloudEvent {@value ReliefEventsConfiguration#BENEFIT_TERMINATED_V2}; the contract is
 * {@code contracts/events/relief.benefit-terminated.v2.schema.json}.
 *
 * <p>Why a v2 and not a change of v1 (EVENTS.md "Versioning": a breaking change is a new type published in
 * parallel): v1 requires {@code householdId} and is keyed by it, and a person scheme has no household; leaving it
 * out, or null, would break every v1 reader, and putting a case id there would make readers join the wrong household.
 * So every termination of the allowance is published as v1 (unchanged) and as v2 (by {@link BenefitEventRelay} from
 * {@code benefit_termination_outbox}, {@link BenefitEventOutbox#appendTerminations});
 * terminations of the person schemes are v2 only.
 *
 * @param eventId the CloudEvent id ({@code ce_id})
 * @param scheme {@code MINIMUM_LIVING_ALLOWANCE}, {@code EXTREME_POVERTY_SUPPORT} or {@code ORPHAN_ALLOWANCE}
 * @param caseId the scheme's case: the allowance's id, the extreme-poverty case id, the child registration id
 * @param householdId the household, for {@code MINIMUM_LIVING_ALLOWANCE} only; null (left out of the JSON) otherwise
 * @param reason why it ended, {@code DEATH}
 * @param deathRecordId the registry's death record that caused it
 * @param lastPaidMonth the last month the benefit is paid for
 * @param overpayment yuan paid for months after {@code lastPaidMonth}, claimed back; 0.00 if none
 * @param overpaymentClaimId the claim opened for {@code overpayment}; null (left out) if none
 * @param terminatedAt when the termination was recorded (UTC instant); equals {@code ce_time}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenefitTerminatedV2(UUID eventId, String scheme, long caseId, Long householdId, String reason,
    long deathRecordId, YearMonth lastPaidMonth, BigDecimal overpayment, Long overpaymentClaimId,
    Instant terminatedAt) {

  /** The Kafka key and {@code ce_subject}: the benefit, {@code <scheme>:<caseId>}. */
  public String subject() {
    return scheme + ":" + caseId;
  }
}
