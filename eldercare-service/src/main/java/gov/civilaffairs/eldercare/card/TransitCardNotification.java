package gov.civilaffairs.eldercare.card;

import java.time.Instant;

/**
 * A line of the list the transit-card system receives (the daily file of issue 7): block or unblock a card.
 *
 * @param id ascending in creation order
 * @param cardNumber the transit card's number
 * @param kind block (REVOCATION) or unblock (REINSTATEMENT)
 * @param deathRecordId the registry's death record that caused it
 * @param createdAt when it was recorded (UTC)
 * @param sentAt when the file carrying it was sent, {@code null} while pending
 */
public record TransitCardNotification(long id, String cardNumber, Kind kind, long deathRecordId, Instant createdAt,
    Instant sentAt) {

  /** What the transit-card system must do with the card. */
  public enum Kind {
    /** Block the card: the holder died. */
    REVOCATION,
    /** Unblock the card: the death record was revoked. */
    REINSTATEMENT
  }
}
