package gov.civilaffairs.eldercare.death;

import java.time.Instant;
import java.util.UUID;

/**
 * One change a death record caused to a person's benefits: the answer to "why was this benefit stopped?".
 *
 * @param benefit what changed
 * @param change how it changed
 * @param detail a sentence for a caseworker, for example {@code last month paid 2026-06}
 * @param deathRecordId the registry's death record that caused it
 * @param eventId the registry event applied ({@code ce_id})
 * @param changedAt when it was applied (UTC)
 */
public record BenefitChange(Benefit benefit, Change change, String detail, long deathRecordId, UUID eventId,
    Instant changedAt) {

  /** The benefits a death touches in this service. */
  public enum Benefit {
    ELDERLY_CARD, TRANSIT_CARD, OLD_AGE_ALLOWANCE, RESIDENCE, HOME_CARE_ORDER
  }

  /** What happened to the benefit. */
  public enum Change {
    /** A card was revoked on the death. */
    REVOKED,
    /** A card was re-instated when the death record was revoked. */
    REINSTATED,
    /** The allowance was stopped after its last month paid. */
    STOPPED,
    /** The allowance was resumed, with arrears for the months missed. */
    RESUMED,
    /** A care-institution residence was ended on the date of death. */
    ENDED,
    /** A residence or a home-care order was re-opened when the death record was revoked. */
    REOPENED,
    /** An open home-care order was cancelled. */
    CANCELLED
  }
}
