package gov.civilaffairs.gateway.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the gateway's RFC 9457 problem details in the platform's shape: {@code type}
 * {@code urn:civil-affairs:problem:<code>}, {@code title}, {@code status}, {@code detail},
 * {@code instance} and the same {@code code} as an extension member.
 *
 * <p>The services build theirs with {@code gov.civilaffairs.platform.web.Problems}; the gateway cannot
 * use that servlet starter, so this class repeats its few lines and must stay in step with it (same
 * prefix, same codes).
 */
final class GatewayProblems {

  /** Prefix of every problem type URI of the platform. */
  static final String TYPE_PREFIX = "urn:civil-affairs:problem:";

  private GatewayProblems() {
  }

  /**
   * @param status HTTP status of the answer
   * @param code stable, kebab-case code (for example {@code service-unavailable})
   * @param detail a sentence for a person: what went wrong and, where it helps, what to do
   * @param instance the path that was requested
   */
  static ProblemDetail of(HttpStatusCode status, String code, String detail, String instance) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_PREFIX + code));
    problem.setInstance(URI.create(instance));
    problem.setProperty("code", code);
    return problem;
  }

  /** The conventional code of a status, for example {@code not-found} for 404 (as in the platform). */
  static String defaultCode(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 409 -> "conflict";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      case 422 -> "unprocessable-content";
      case 429 -> "too-many-requests";
      case 503 -> "service-unavailable";
      case 504 -> "gateway-timeout";
      default -> status.is5xxServerError() ? "internal-error" : "http-" + status.value();
    };
  }
}
