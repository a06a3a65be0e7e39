package gov.civilaffairs.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details the same way everywhere: a stable {@code type} URI of the form
 * {@code urn:civil-affairs:problem:<code>}, and the same {@code code} as an extension member so that
 * clients can switch on it without parsing the URI.
 */
public final class Problems {

  /** Prefix of every problem type URI of this platform. */
  public static final String TYPE_PREFIX = "urn:civil-affairs:problem:";

  private Problems() {
  }

  /**
   * @param status HTTP status of the answer
   * @param code stable, kebab-case code of the problem (for example {@code validation-failed})
   * @param detail a sentence for a person: what was wrong and, where it helps, what to do
   * @return a problem detail with {@code type}, {@code title}, {@code status}, {@code detail} and
   *     {@code code} set
   */
  public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    return withCode(problem, code);
  }

  /** Sets the stable {@code type} URI and the {@code code} member of an existing problem. */
  public static ProblemDetail withCode(ProblemDetail problem, String code) {
    problem.setType(URI.create(TYPE_PREFIX + code));
    problem.setProperty("code", code);
    return problem;
  }

  /** The conventional code of a status with no more specific code, for example {@code not-found}. */
  public static String defaultCode(HttpStatusCode status) {
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
