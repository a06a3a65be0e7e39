package gov.civilaffairs.relief.death;

/** What a death record (or its revocation) changed in a household's allowance. */
public enum ChangeType {
  MEMBER_DECEASED,
  ALLOWANCE_TERMINATED,
  AMOUNT_RECOMPUTED,
  HEAD_REQUIRED,
  ROLL_LINE_CORRECTED,
  OVERPAYMENT_CLAIMED,
  MEMBER_RESTORED,
  ALLOWANCE_RESTORED,
  AMOUNT_RESTORED,
  HEAD_REQUIRED_CLEARED,
  CLAIM_WITHDRAWN,
  ARREARS_ADDED
}
