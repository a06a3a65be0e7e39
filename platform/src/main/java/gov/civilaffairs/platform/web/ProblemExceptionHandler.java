package gov.civilaffairs.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import tools.jackson.core.JacksonException;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of a service into RFC 9457 {@code application/problem+json}: Spring MVC's own
 * exceptions (unmapped path 404, 405, 415, unreadable body...), Bean Validation failures (400 with one
 * entry per field: {@code field}, {@code rule}, {@code message}), {@link ProblemException}s thrown by
 * the services, and anything unexpected (500 without internals; the cause is logged with the trace id).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
  /** The property of a {@link ProblemException} that names the value refused, copied into {@code errors[0]}. */
  static final String REJECTED_VALUE = "rejectedValue";

  /**
   * A {@link ProblemException}: its status, code, detail and properties. A problem that names one
   * {@code field} (a single-field error of a service) also gets {@code errors}, one entry with that
   * field, the problem's code as {@code rule} and its detail as {@code message}, so that every
   * validation error has the same {@code errors[]} shape; the top-level {@code field} stays for the
   * clients that read it. A {@code rejectedValue} property (set only where the value is not personal data,
   * never an ID number or a name: docs/security.md) goes into that entry, not to the top level.
   */
  @ExceptionHandler(ProblemException.class)
  ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
    ProblemDetail problem = Problems.of(ex.getStatus(), ex.getCode(), ex.getMessage());
    Map<String, Object> properties = ex.getProperties();
    if (properties.get("field") instanceof String field && !properties.containsKey("errors")) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("field", field);
      error.put("rule", ex.getCode());
      error.put("message", String.valueOf(ex.getMessage()));
      if (properties.get(REJECTED_VALUE) != null) {
        error.put(REJECTED_VALUE, properties.get(REJECTED_VALUE));
      }
      problem.setProperty("errors", List.of(error));
    }
    properties.forEach((name, value) -> {
      if (!REJECTED_VALUE.equals(name)) {
        problem.setProperty(name, value);
      }
    });
    return handleExceptionInternal(ex, problem, new HttpHeaders(), ex.getStatus(), request);
  }

  /**
   * Lets Spring Security answer its own rejections (for example a {@code @PreAuthorize} that fails):
   * rethrown, they reach its exception translation filter, which answers 401 or 403 problem+json.
   */
  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void leaveToSecurity(RuntimeException ex) {
    throw ex;
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
    List<Map<String, Object>> errors = ex.getConstraintViolations().stream()
        .map(v -> Map.<String, Object>of(
            "field", lastNode(v.getPropertyPath().toString()),
            "rule", v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
            "message", v.getMessage()))
        .toList();
    return validationProblem(ex, errors, request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
    String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
    List<Map<String, Object>> errors = List.of(Map.of(
        "field", ex.getName(), "rule", "Type", "message", "must be a valid " + expected));
    return validationProblem(ex, errors, request);
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<Object> handleDuplicateKey(DuplicateKeyException ex, WebRequest request) {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "duplicate",
        "A record with the same identifying values already exists.");
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
    if (ex instanceof ErrorResponse) {
      // Spring's own exceptions that the base class does not list (for example security's) keep
      // their status.
      return handleException(ex, request);
    }
    log.error("Unexpected error answering {}", request.getDescription(false), ex);
    ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
        "The request could not be completed. Quote the correlation id to the operations team.");
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, Object>> errors = new ArrayList<>();
    for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
      errors.add(Map.of("field", fe.getField(), "rule", String.valueOf(fe.getCode()),
          "message", String.valueOf(fe.getDefaultMessage())));
    }
    ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(Map.of(
        "field", ge.getObjectName(), "rule", String.valueOf(ge.getCode()),
        "message", String.valueOf(ge.getDefaultMessage()))));
    return validationProblem(ex, errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, Object>> errors = new ArrayList<>();
    ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
      String field = result.getMethodParameter().getParameterName();
      if (error instanceof FieldError fe) {
        field = fe.getField();
      }
      String[] codes = error.getCodes();
      String rule = codes == null || codes.length == 0 ? "Valid" : codes[codes.length - 1];
      errors.add(Map.of("field", String.valueOf(field), "rule", rule,
          "message", String.valueOf(error.getDefaultMessage())));
    }));
    return validationProblem(ex, errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = fieldOf(ex);
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", field == null
        ? "The request body is missing or is not valid JSON of the expected shape."
        : "The value of " + field + " cannot be read: not one of the allowed codes, or not a valid date, "
            + "month or number.");
    if (field != null) {
      problem.setProperty("errors", List.of(Map.of("field", field, "rule", "Type",
          "message", "cannot be read as the expected type")));
    }
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    if (body == null && ex instanceof ErrorResponse errorResponse) {
      body = errorResponse.getBody();
    }
    // Spring 7 leaves the type of its own problems unset (null): give them the platform's code.
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || !problem.getType().toString().startsWith(Problems.TYPE_PREFIX))) {
      Problems.withCode(problem, Problems.defaultCode(statusCode));
    }
    HttpHeaders out = new HttpHeaders();
    out.addAll(headers);
    out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return super.handleExceptionInternal(ex, body, out, statusCode, request);
  }

  private ResponseEntity<Object> validationProblem(Exception ex, List<Map<String, Object>> errors,
      WebRequest request) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed",
        "The request has " + errors.size() + " invalid value(s); see errors.");
    problem.setProperty("errors", errors);
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  /**
   * The JSON path of the value Jackson could not read ({@code members[0].relation}), or {@code null}
   * when the body as a whole is unreadable (not JSON, empty).
   */
  private static String fieldOf(HttpMessageNotReadableException ex) {
    for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
          if (reference.getPropertyName() != null) {
            path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
          } else if (reference.getIndex() >= 0) {
            path.append('[').append(reference.getIndex()).append(']');
          }
        }
        return path.isEmpty() ? null : path.toString();
      }
    }
    return null;
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
