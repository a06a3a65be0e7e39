package gov.civilaffairs.eldercare.allowance;

/** Whether an old-age allowance is being paid. */
public enum AllowanceStatus {
  /** Paid every month from the start month. */
  ACTIVE,
  /** Not paid after the end month (for example: the person died). */
  STOPPED
}
