package gov.civilaffairs.veterans.death;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A one-off amount granted because of a death record.
 *
 * @param amount yuan, scale 2
 * @param basis how the amount was reached and the rule that grants it
 */
public record Grant(long id, long entitledPersonId, long deathRecordId, GrantKind kind, BigDecimal amount,
    String basis, GrantStatus status, Instant grantedAt, Instant paidAt) {
}
