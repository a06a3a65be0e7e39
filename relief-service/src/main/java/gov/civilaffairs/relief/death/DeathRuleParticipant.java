package gov.civilaffairs.relief.death;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A scheme paid to a person outside the household allowance (extreme-poverty support, child allowances) that the
 * death rule stops and a revocation restores (DOMAIN.md "The death rule" points 4 and 7). {@link DeathRule} calls
 * every participant once per death record, in its own transaction, after its idempotency checks: a participant
 * needs no idempotency of its own.
 */
public interface DeathRuleParticipant {

  /** Stops what the scheme pays the person after {@code death.lastPaidMonth()}. */
  void personDeceased(DeathFacts death);

  /** Undoes what {@link #personDeceased} did for the same death record ({@code dateOfDeath} is null here). */
  void deathRecordRevoked(DeathFacts revocation);

  /**
   * @param lastPaidMonth the last month paid under {@code relief.allowance.end-of-benefit} (month of death or the next)
   * @param eventId the event that carried the death or its revocation
   */
  record DeathFacts(long deathRecordId, UUID eventId, String nationalIdNumber, LocalDate dateOfDeath,
      YearMonth lastPaidMonth) {
  }
}
