package gov.civilaffairs.eldercare.card;

import java.time.LocalDate;

/**
 * An elderly card or a free-transit card.
 *
 * @param id this service's id of the card
 * @param personId the holder (elderly person id)
 * @param kind which card
 * @param cardNumber the number printed on the card (or encoded in the IC chip)
 * @param issuedOn civil date of issue, Asia/Shanghai
 * @param status ISSUED or REVOKED
 * @param revokedByDeathRecordId the registry's death record that revoked it, {@code null} otherwise
 */
public record Card(long id, long personId, CardKind kind, String cardNumber, LocalDate issuedOn, CardStatus status,
    Long revokedByDeathRecordId) {
}
