package gov.civilaffairs.registry.death;

import java.time.Instant;

/**
 * One step in the life of a death record, append-only: the "why" behind every stopped benefit.
 *
 * @param action RECEIVED, HELD, SOURCE_ATTACHED, CONFIRMED, REJECTED or REVOKED
 * @param actor the supervisor's id, or {@code source:reference} for a report
 * @param note the reason given, if any
 */
public record HistoryEntry(String action, String actor, Instant occurredAt, String note) {
}
