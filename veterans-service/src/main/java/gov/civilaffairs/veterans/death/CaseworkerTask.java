package gov.civilaffairs.veterans.death;

import java.time.Instant;

/**
 * Work for a caseworker opened by a death, e.g. {@code SURVIVOR_PENSION_REVIEW}: check whether a
 * survivor of the deceased now qualifies for a periodic pension. Closed if the death is revoked.
 *
 * @param status {@code OPEN} or {@code CLOSED}
 */
public record CaseworkerTask(long id, long entitledPersonId, long deathRecordId, String kind, String status,
    Instant openedAt, Instant closedAt) {

  /** The kind of task opened when a survivor may qualify for a periodic pension. */
  public static final String SURVIVOR_PENSION_REVIEW = "SURVIVOR_PENSION_REVIEW";
}
