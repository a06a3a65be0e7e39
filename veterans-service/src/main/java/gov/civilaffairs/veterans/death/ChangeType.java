package gov.civilaffairs.veterans.death;

/** What a death or a revocation changed; each is one row of the benefit-change record. */
public enum ChangeType {
  PENSION_STOPPED,
  PENSION_RESUMED,
  GRANTED,
  GRANT_WITHDRAWN,
  RECOVERY_CLAIM_OPENED,
  CASEWORKER_TASK_OPENED,
  CASEWORKER_TASK_CLOSED
}
