package gov.civilaffairs.relief.payment;

/** Status of a payment roll. */
public enum RollStatus {
  /** Generated, not yet sent: the death rule may still drop or correct its lines. */
  DRAFT,
  /** Sent to the bank: immutable; money paid for months after a death becomes an overpayment claim. */
  SENT
}
