package gov.civilaffairs.incomeverification.verification;

import java.time.Duration;
import java.time.Instant;

import gov.civilaffairs.incomeverification.department.Source;
import gov.civilaffairs.incomeverification.department.SourceResult;

/**
 * The latest query of one department for one request, as the household may be shown it: which
 * department, when, how often, and how many records came back (never the values).
 *
 * @param source the department
 * @param status its latest outcome
 * @param recordCount records it returned
 * @param queries times it was asked for this request (retries by the scheduler included)
 * @param detail why it did not answer, or {@code null}
 * @param latency of the latest query, retries included
 * @param queriedAt when the latest query ended
 */
public record DepartmentQuery(Source source, SourceResult.Status status, int recordCount, int queries, String detail,
    Duration latency, Instant queriedAt) {

  boolean missing() {
    return status != SourceResult.Status.ANSWERED;
  }
}
