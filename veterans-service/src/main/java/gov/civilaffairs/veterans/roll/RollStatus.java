package gov.civilaffairs.veterans.roll;

/** State of a pension roll. */
public enum RollStatus {
  /** Generated, not yet sent: a new standard or a death may still correct its lines. */
  DRAFT,
  /** Sent to the bank: never changed again; what it underpaid is paid as arrears by a later roll. */
  SENT
}
