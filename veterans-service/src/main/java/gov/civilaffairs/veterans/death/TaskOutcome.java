package gov.civilaffairs.veterans.death;

/** How a caseworker completed a {@link CaseworkerTask}. */
public enum TaskOutcome {
  /** A survivor qualifies and is registered as an entitled person with a periodic pension (定期抚恤金). */
  SURVIVOR_REGISTERED,
  /** No survivor qualifies; the note says why. */
  NOT_ELIGIBLE,
  /** For a withdrawal review: the survivor's pension registered after the wrong death was stopped or corrected. */
  SURVIVOR_PENSION_WITHDRAWN
}
