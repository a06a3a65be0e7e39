package gov.civilaffairs.veterans.certificate;

/** State of a {@link Certificate}. */
public enum CertificateStatus {
  /** In use: at most one per person and type. */
  VALID,
  /** Replaced by a new certificate (补发/换发); the new one names this one in {@code replacesId}. */
  REPLACED,
  /** Revoked by the holder's death (注销/收回); restored if the registry revokes the death record. */
  REVOKED
}
