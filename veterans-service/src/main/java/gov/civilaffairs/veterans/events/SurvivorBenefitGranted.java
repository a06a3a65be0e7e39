package gov.civilaffairs.veterans.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A benefit for the survivors of a deceased entitled person was granted (veterans.survivor-benefit-granted.v1):
 * the funeral subsidy (丧葬补助费) or the one-off pension (一次性抚恤金). Published to Kafka through the platform's event outbox ({@link VeteransEvents}),
 * keyed by the deceased's entitled person id. The contract is
 * {@code contracts/events/veterans.survivor-benefit-granted.v1.schema.json}.
 *
 * @param eventId the CloudEvent id ({@code ce_id})
 * @param entitledPersonId the deceased entitled person
 * @param benefit {@code FUNERAL_SUBSIDY} or {@code ONE_OFF_PENSION}
 * @param amount yuan, scale 2
 * @param basis how the amount was reached and the rule's source
 * @param grantedAt when it was granted (UTC instant); equals {@code ce_time}
 */
public record SurvivorBenefitGranted(UUID eventId, long entitledPersonId, long grantId, long deathRecordId,
    String benefit, BigDecimal amount, String basis, Instant grantedAt) {
}
