package gov.civilaffairs.platform.audit;

import org.springframework.http.HttpStatus;

import gov.civilaffairs.platform.web.ProblemException;

/**
 * The audit store could not record an access: answered 503 {@code audit-unavailable}, and the
 * transaction of the access rolls back. No personal record is read or changed unaudited
 * (GB/T 22239-2019 8.1.4.3).
 */
public class AuditUnavailableException extends ProblemException {

  /** Problem code of the answer. */
  public static final String CODE = "audit-unavailable";

  public AuditUnavailableException(Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, CODE,
        "The audit trail cannot record this request, so it was not carried out. Try again later.");
    initCause(cause);
  }
}
