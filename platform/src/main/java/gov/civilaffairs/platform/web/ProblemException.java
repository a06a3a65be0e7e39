package gov.civilaffairs.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An error a service reports on purpose, answered as {@code application/problem+json} with the given
 * status, stable code and detail. Throw it (or a subclass) from a service; the platform's handler
 * turns it into the answer and the transaction, if any, rolls back.
 */
public class ProblemException extends RuntimeException {

  private final HttpStatusCode status;
  private final String code;
  private final Map<String, Object> properties;

  public ProblemException(HttpStatusCode status, String code, String detail) {
    this(status, code, detail, Map.of());
  }

  /**
   * @param properties extra members of the problem body (for example the id of an existing record); a
   *     {@code field} names the one request field concerned (the handler adds {@code errors[0]} for it), and a
   *     {@code rejectedValue} beside it goes into that entry: set it only where the value is not personal data
   *     (a region code, a code from a closed list), never for an ID number, a name or a birth date
   *     (docs/security.md)
   */
  public ProblemException(HttpStatusCode status, String code, String detail, Map<String, Object> properties) {
    super(detail);
    this.status = status;
    this.code = code;
    this.properties = Map.copyOf(properties);
  }

  /** 404: no such object, or one the caller may not see (never tells which). */
  public static ProblemException notFound(String what, Object id) {
    return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " does not exist");
  }

  /** 409: the request conflicts with the current state of the object. */
  public static ProblemException conflict(String code, String detail) {
    return new ProblemException(HttpStatus.CONFLICT, code, detail);
  }

  /** 422: the request is well-formed but breaks a rule of the bureau. */
  public static ProblemException unprocessable(String code, String detail) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
  }

  public HttpStatusCode getStatus() {
    return status;
  }

  public String getCode() {
    return code;
  }

  public Map<String, Object> getProperties() {
    return properties;
  }
}
