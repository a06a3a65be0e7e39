package gov.civilaffairs.eldercare.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An elderly card or free-transit card was revoked. Published through the platform's event outbox ({@link EldercareEvents}) on topic
 * {@value EldercareEventsConfiguration#TOPIC}, keyed by person id, as CloudEvent
 * {@value EldercareEventsConfiguration#CARD_REVOKED}; the contract is
 * {@code contracts/events/eldercare.card-revoked.v1.schema.json}.
 *
 * @param cardKind ELDERLY_CARD or TRANSIT_CARD
 * @param cardNumber the card's number (what the transit-card system blocks)
 * @param reason why, {@code DEATH}
 * @param revokedAt when it was recorded (UTC); equals {@code ce_time}
 */
public record CardRevoked(UUID eventId, long personId, long cardId, String cardKind, String cardNumber, String reason,
    long deathRecordId, Instant revokedAt) {

  /** The reason when a death record revoked the card. */
  public static final String DEATH = "DEATH";
}
