package gov.civilaffairs.veterans.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A document that proves an entitled person's category, kept as a reference (the document itself lives in the
 * archive or the document store).
 *
 * @param reference archive number, document number (文号) or address of the document, 1 to 300 characters
 * @param issuingAuthority who issued the document, e.g. a military unit or 退役军人事务局
 * @param issuedOn civil date of the document
 * @param recordedBy the caseworker who recorded it ({@code sub} of their token)
 */
public record Evidence(long id, long entitledPersonId, EvidenceType documentType, String reference,
    String issuingAuthority, LocalDate issuedOn, String recordedBy, Instant recordedAt) {
}
