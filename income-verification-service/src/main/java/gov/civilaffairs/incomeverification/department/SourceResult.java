package gov.civilaffairs.incomeverification.department;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one department answered one query: its findings, or why it did not answer.
 *
 * @param source the department
 * @param status the outcome; every status but {@link Status#ANSWERED} leaves the source missing
 * @param findings what it reported, empty unless answered
 * @param detail why it did not answer, for the decision-maker (the department's own text for a
 *     refusal, at most 500 characters); {@code null} when answered
 * @param latency from the first attempt to the outcome, retries included
 */
public record SourceResult(Source source, Status status, List<Finding> findings, String detail, Duration latency) {

  static final int MAX_DETAIL_LENGTH = 500;

  public SourceResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(status, "status");
    findings = List.copyOf(findings);
    if (detail != null && detail.length() > MAX_DETAIL_LENGTH) {
      detail = detail.substring(0, MAX_DETAIL_LENGTH);
    }
  }

  static SourceResult answered(Source source, List<Finding> findings, Duration latency) {
    return new SourceResult(source, Status.ANSWERED, findings, null, latency);
  }

  static SourceResult failed(Source source, Status status, String detail, Duration latency) {
    return new SourceResult(source, status, List.of(), detail, latency);
  }

  /** Whether the report must mark this source as missing. */
  public boolean missing() {
    return status != Status.ANSWERED;
  }

  /** Outcomes of a query to a department. */
  public enum Status {
    /** The department answered (possibly with no records). */
    ANSWERED,
    /** The department refused the query with a 4xx: passed through to the caller, not retried, not counted as a failure. */
    REJECTED,
    /** Every attempt ran past the department's read timeout. */
    TIMED_OUT,
    /** 5xx or connection error on every attempt. */
    UNAVAILABLE,
    /** The circuit breaker is open: the department was not called. */
    CIRCUIT_OPEN,
    /** The department's bulkhead or the query pool is full: the department was not called. */
    BUSY,
    /** No outcome before the request's deadline. */
    NO_ANSWER_BY_DEADLINE
  }
}
