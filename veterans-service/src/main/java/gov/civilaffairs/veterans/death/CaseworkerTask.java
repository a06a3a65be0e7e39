package gov.civilaffairs.veterans.death;

import java.time.Instant;

/**
 * Work for a caseworker opened by a death, e.g. {@code SURVIVOR_PENSION_REVIEW}: check whether a survivor of the
 * deceased now qualifies for a periodic pension. Completed by the caseworker with an outcome; closed by the
 * service if the death is revoked before that. A review completed with a survivor registered opens a
 * {@code SURVIVOR_PENSION_WITHDRAWAL_REVIEW} if the death is revoked later.
 *
 * @param status {@code OPEN}, {@code COMPLETED} (by a caseworker) or {@code CLOSED} (by a revoked death record)
 * @param outcome while {@code COMPLETED}: how
 * @param survivorPersonId with outcome {@link TaskOutcome#SURVIVOR_REGISTERED}: the survivor's entitled-person id
 * @param note the caseworker's note (the reason, for {@link TaskOutcome#NOT_ELIGIBLE})
 * @param closedBy the caseworker who completed it ({@code sub} of their token), or {@code null}
 */
public record CaseworkerTask(long id, long entitledPersonId, long deathRecordId, String kind, String status,
    Instant openedAt, Instant closedAt, TaskOutcome outcome, Long survivorPersonId, String note, String closedBy) {

  /** The kind of task opened when a survivor may qualify for a periodic pension. */
  public static final String SURVIVOR_PENSION_REVIEW = "SURVIVOR_PENSION_REVIEW";
  /**
   * The kind of task opened when a death record is revoked after a survivor was registered on its strength: the
   * caseworker reviews the survivor's pension.
   */
  public static final String SURVIVOR_PENSION_WITHDRAWAL_REVIEW = "SURVIVOR_PENSION_WITHDRAWAL_REVIEW";
}
