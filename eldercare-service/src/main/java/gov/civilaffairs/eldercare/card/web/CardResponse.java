package gov.civilaffairs.eldercare.card.web;

import java.time.LocalDate;

import gov.civilaffairs.eldercare.card.Card;
import gov.civilaffairs.eldercare.card.CardKind;
import gov.civilaffairs.eldercare.card.CardStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/** A card as clients see it; {@code revokedByDeathRecordId} says why a card is REVOKED. */
record CardResponse(
    @Schema(example = "TRANSIT_CARD") CardKind kind,
    @Schema(example = "ZJ0681202600001") String cardNumber,
    @Schema(example = "2026-03-02") LocalDate issuedOn,
    @Schema(example = "ISSUED") CardStatus status,
    @Schema(description = "The registry's death record that revoked the card, if any", example = "4711")
    Long revokedByDeathRecordId) {

  static CardResponse of(Card card) {
    return new CardResponse(card.kind(), card.cardNumber(), card.issuedOn(), card.status(),
        card.revokedByDeathRecordId());
  }
}
