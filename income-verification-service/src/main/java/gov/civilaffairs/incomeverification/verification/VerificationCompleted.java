package gov.civilaffairs.incomeverification.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.civilaffairs.incomeverification.department.Finding;
import gov.civilaffairs.incomeverification.department.Source;

/**
 * {@code income.verification-completed.v1}: a verification request became final with a report
 * (contracts/events/income.verification-completed.v1.schema.json). Published through the outbox on
 * topic {@value #TOPIC}, keyed by request id; relief-service advances or refuses the application.
 *
 * @param eventId the CloudEvents {@code ce_id}, kept when the outbox resubmits
 * @param requestId the request (the key and {@code ce_subject})
 * @param householdId relief-service's household id
 * @param purpose why it was verified
 * @param livingMembers members counted in the per-capita income
 * @param householdMonthlyIncome yuan per month, scale 2
 * @param perCapitaMonthlyIncome yuan per month, scale 2; {@code null} with no living member
 * @param assets household totals by asset category, yuan
 * @param missingSources departments that never answered within the retry window; empty when complete
 * @param determination the finding and the rule that decided it
 * @param completedAt when the request became final
 */
public record VerificationCompleted(UUID eventId, long requestId, String householdId, Purpose purpose,
    int livingMembers, BigDecimal householdMonthlyIncome, BigDecimal perCapitaMonthlyIncome,
    Map<Finding.Category, BigDecimal> assets, List<Source> missingSources, Determination determination,
    Instant completedAt) {

  /** Topic of the event. */
  public static final String TOPIC = "income.verification.v1";

  /** Its CloudEvents {@code ce_type}. */
  public static final String TYPE = "gov.civilaffairs.income.verification-completed.v1";

  static VerificationCompleted of(VerificationRequest request, HouseholdReport report, Instant completedAt) {
    return new VerificationCompleted(UUID.randomUUID(), request.id(), request.householdId(), request.purpose(),
        report.livingMembers(), report.householdMonthlyIncome(), report.perCapitaMonthlyIncome(), report.assets(),
        report.missingSources(), report.determination(), completedAt);
  }
}
