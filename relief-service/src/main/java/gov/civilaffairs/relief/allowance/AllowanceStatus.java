package gov.civilaffairs.relief.allowance;

/** Status of a household's minimum living allowance. */
public enum AllowanceStatus {
  /** Paid every month from the start month on. */
  ACTIVE,
  /** Stopped: the last month paid is the allowance's end month. */
  TERMINATED
}
