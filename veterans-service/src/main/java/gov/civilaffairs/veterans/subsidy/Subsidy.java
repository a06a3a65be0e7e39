package gov.civilaffairs.veterans.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A one-off subsidy granted to an entitled person.
 *
 * @param causeDate civil date of the cause: treatment date, date of admission, or date of the hardship
 * @param amount yuan, scale 2
 * @param requestedBy the caseworker who recorded it ({@code sub} of their token)
 * @param approvedBy who approved it, {@code null} while {@link SubsidyStatus#PENDING_APPROVAL}
 */
public record Subsidy(long id, long entitledPersonId, SubsidyType type, LocalDate causeDate, BigDecimal amount,
    String reason, SubsidyStatus status, String requestedBy, Instant requestedAt, String approvedBy,
    Instant approvedAt, Instant paidAt) {
}
