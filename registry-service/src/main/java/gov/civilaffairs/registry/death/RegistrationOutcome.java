package gov.civilaffairs.registry.death;

/** What became of one reported death: the answer of the REST call and of each row of a bulk import. */
public enum RegistrationOutcome {
  /** Applied: a new confirmed death, or a further source attached to a known death (no second event). */
  ACCEPTED,
  /** This source already reported this source reference: the existing record is the answer. */
  DUPLICATE,
  /** Recorded but not applied: see the record's hold reason. */
  HELD_FOR_REVIEW,
  /** Not recorded: invalid input (the reason says what). */
  REJECTED
}
