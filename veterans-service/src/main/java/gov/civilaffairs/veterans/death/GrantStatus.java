package gov.civilaffairs.veterans.death;

/** State of a {@link GrantKind grant}. */
public enum GrantStatus {
  /** Granted, not yet paid. */
  DUE,
  /** Paid out. */
  PAID,
  /** The death was revoked before payment: nothing is owed. */
  WITHDRAWN,
  /** The death was revoked after payment: the amount is to be recovered (追回). */
  RECOVERY_CLAIM
}
