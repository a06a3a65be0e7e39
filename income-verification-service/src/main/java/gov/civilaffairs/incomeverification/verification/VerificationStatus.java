package gov.civilaffairs.incomeverification.verification;

/** Where a verification request stands. */
public enum VerificationStatus {
  /** Some departments have not answered; they are retried until the request's retry window ends. */
  PENDING,
  /** Final: every department answered, or the retry window ended (the report marks missing sources). */
  COMPLETED,
  /** Final: a department refused the query (4xx); the caller must correct the request and submit a new one. */
  REJECTED,
  /** Final: the only person the request concerned died before it completed. */
  CLOSED
}
