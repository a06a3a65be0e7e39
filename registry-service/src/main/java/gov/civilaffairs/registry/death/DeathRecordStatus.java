package gov.civilaffairs.registry.death;

/** Life cycle of a death record: only CONFIRMED is published; REVOKED undoes a confirmation. */
public enum DeathRecordStatus {
  /** Not applied: waiting for a supervisor (see {@link HoldReason}) or, for a weak source, a second source. */
  HELD_FOR_REVIEW,
  /** Applied: the person is DECEASED and one person-deceased event was published. */
  CONFIRMED,
  /** A supervisor found the held record wrong; never applied. */
  REJECTED,
  /** The confirmed record was wrong: the person is LIVING again and death-record-revoked was published. */
  REVOKED
}
