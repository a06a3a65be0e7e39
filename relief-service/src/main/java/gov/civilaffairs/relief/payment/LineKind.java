package gov.civilaffairs.relief.payment;

/** What a payment roll line pays. */
public enum LineKind {
  /** The allowance of the roll's month. */
  MONTHLY,
  /** Money owed for an earlier month ({@code forMonth}) that was not paid. */
  ARREARS,
  /** A line of an earlier sent roll that the bank returned as failed, paid again ({@code forMonth} as there). */
  RETRY
}
