package gov.civilaffairs.veterans.death;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One change made to a person's benefits because of a death record: answers "why was this benefit stopped?".
 *
 * @param deathRecordId the registry's death record that caused it
 * @param eventId the event (ce_id) that carried it
 * @param subject what changed: {@code PENSION}, {@code GRANT} or {@code CASEWORKER_TASK}
 * @param subjectId the id of the pension, grant or task
 * @param amount yuan, scale 2, where the change has one (a grant, arrears), else {@code null}
 */
public record BenefitChange(long id, long entitledPersonId, long deathRecordId, UUID eventId, ChangeType changeType,
    String subject, long subjectId, BigDecimal amount, String detail, Instant changedAt) {
}
