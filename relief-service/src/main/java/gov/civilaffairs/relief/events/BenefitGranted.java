package gov.civilaffairs.relief.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A household was granted a benefit: the minimum living allowance confirmed (审核确认, 民发〔2021〕57号) or registered
 * directly. Published through the outbox on topic {@value ReliefEventsConfiguration#TOPIC}, keyed by household id,
 * as CloudEvent {@value ReliefEventsConfiguration#BENEFIT_GRANTED}; contract
 * {@code contracts/events/relief.benefit-granted.v1.schema.json}.
 *
 * @param eventId the CloudEvent id ({@code ce_id})
 * @param caseId the allowance's id
 * @param scheme {@code MINIMUM_LIVING_ALLOWANCE}
 * @param regionCode 12-digit village code of the household
 * @param startMonth the first month paid
 * @param monthlyAmount yuan per month from {@code startMonth}, scale 2
 * @param members members the amount was computed for
 * @param applicationId the confirmed application; null for a household registered directly
 * @param grantedAt when it was recorded (UTC instant); equals {@code ce_time}
 */
public record BenefitGranted(UUID eventId, long householdId, long caseId, String scheme, String regionCode,
    YearMonth startMonth, BigDecimal monthlyAmount, int members, Long applicationId, Instant grantedAt) {
}
