package gov.civilaffairs.platform.audit;

/**
 * What was done to a personal record (GB/T 22239-2019 8.1.4.3 a: the audit covers every user's
 * access to important data). Stored by name in {@code audit_entry.action}.
 */
public enum AuditAction {
  /** A record, or a list of records, was read. */
  READ,
  /** A record was created. */
  CREATE,
  /** A record was changed, including workflow steps (approve, stop, revoke). */
  UPDATE,
  /** A record was deleted or withdrawn. */
  DELETE,
  /** Records left the platform in bulk (report, file, payment roll). */
  EXPORT,
  /** Another department's system was asked about a person (household economic verification). */
  QUERY_EXTERNAL,
  /**
   * A machine client called an endpoint that records no entry of its own; the object is
   * {@code http-request} with the method and route pattern as id, e.g. {@code GET /imports/{id}}
   * (issue 3: every call by a machine client is audited).
   */
  CALL
}
