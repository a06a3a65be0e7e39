package gov.civilaffairs.veterans.subsidy;

/** State of a {@link Subsidy}. */
public enum SubsidyStatus {
  /** Above the township's approval limit: waits for a county officer. */
  PENDING_APPROVAL,
  /** Approved, not yet paid. */
  APPROVED,
  /** Paid out. */
  PAID
}
