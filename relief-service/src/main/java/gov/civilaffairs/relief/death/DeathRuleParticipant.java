package gov.civilaffairs.relief.death;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * A scheme paid to a person outside the household allowance (extreme-poverty support, child allowances) that the
 * death rule stops and a revocation restores (DOMAIN.md "The death rule" points 4 and 7). {@link DeathRule} calls
 * every participant once per death record, inside the transaction of the event (or of the whole poll of events,
 * see {@link #beneficiariesAmong}), after its idempotency checks: a participant needs no idempotency of its own.
 */
public interface DeathRuleParticipant {

  /**
   * Which of these persons the scheme may have to act on if they die: {@link DeathRule#applyAll} applies the
   * deaths of a poll of events in bulk and calls this participant's {@link #personDeceased} only for the persons
   * it names here (a person nobody names costs only the rows recording the event and the death record). The answer
   * must therefore include every person for whom {@link #personDeceased} could change anything (a superset is
   * safe and costs only a little time); {@link #deathRecordRevoked} is always called. One query per poll.
   * {@link #personDeceased} must not read {@code death_record} or {@code processed_event}: in a poll their rows
   * are written at the end.
   *
   * @param nationalIdNumbers normalised 18-character ID numbers (at most one poll's worth, {@code max.poll.records})
   * @return the subset the scheme knows; the default is all of them (no filtering: every death is passed on)
   */
  default Set<String> beneficiariesAmong(Collection<String> nationalIdNumbers) {
    return Set.copyOf(nationalIdNumbers);
  }

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
