package gov.civilaffairs.registry.death;

import java.time.Instant;
import java.time.LocalDate;

/** One report supporting a death record: which source, its reference, the date it gave, when it came. */
public record DeathRecordSource(DeathSource source, String sourceReference, LocalDate dateOfDeath, Instant reportedAt,
    Instant receivedAt) {
}
