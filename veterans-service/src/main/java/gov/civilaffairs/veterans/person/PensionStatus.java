package gov.civilaffairs.veterans.person;

/** State of a periodic pension. */
public enum PensionStatus {
  /** Paid every month from the start month to the end month, if any. */
  ACTIVE,
  /** Stopped by a death: paid through {@link PeriodicPension#paidThroughMonth()}. */
  STOPPED
}
