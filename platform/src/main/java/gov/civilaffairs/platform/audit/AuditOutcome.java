package gov.civilaffairs.platform.audit;

/** How an audited access ended. Stored by name in {@code audit_entry.outcome}. */
public enum AuditOutcome {
  /** The access was carried out. */
  SUCCESS,
  /** The caller was not allowed (HTTP 401 or 403). */
  DENIED,
  /** The object does not exist, or is outside the caller's region (HTTP 404). */
  NOT_FOUND,
  /** The access was attempted and failed for any other reason; the change, if any, was rolled back. */
  FAILED;

  /**
   * @param httpStatus status code of the answer
   * @return SUCCESS for 1xx-3xx, DENIED for 401 and 403, NOT_FOUND for 404, FAILED otherwise
   */
  public static AuditOutcome ofStatus(int httpStatus) {
    if (httpStatus < 400) {
      return SUCCESS;
    }
    return switch (httpStatus) {
      case 401, 403 -> DENIED;
      case 404 -> NOT_FOUND;
      default -> FAILED;
    };
  }
}
