package gov.civilaffairs.veterans.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A certificate of an entitled person.
 *
 * @param number as printed on the certificate, unique per type
 * @param issuedOn civil date (Asia/Shanghai) of issue
 * @param replacesId the certificate this one replaced, else {@code null}
 * @param replacementReason why it replaced {@code replacesId}, else {@code null}
 * @param revokedByDeathRecordId while {@link CertificateStatus#REVOKED}: the registry's death record
 * @param issuedBy the caseworker who recorded the issue ({@code sub} of their token)
 */
public record Certificate(long id, long entitledPersonId, CertificateType type, String number, LocalDate issuedOn,
    CertificateStatus status, Long replacesId, ReplacementReason replacementReason, Long revokedByDeathRecordId,
    Instant revokedAt, String issuedBy) {
}
