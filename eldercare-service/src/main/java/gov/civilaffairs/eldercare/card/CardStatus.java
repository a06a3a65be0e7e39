package gov.civilaffairs.eldercare.card;

/** Whether a card may be used. */
public enum CardStatus {
  ISSUED,
  /** Revoked, for example on the holder's death; a revoked death record re-instates it (ISSUED). */
  REVOKED
}
