package gov.civilaffairs.platform.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.AuditObject;
import gov.civilaffairs.platform.audit.AuditOutcome;
import gov.civilaffairs.platform.audit.AuditTrail;
import gov.civilaffairs.platform.audit.AuditUnavailableException;
import gov.civilaffairs.platform.masking.Masking;
import gov.civilaffairs.platform.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Audits every call of a machine client (issue 3: "every call by a machine client writes an
 * append-only audit entry"; GB/T 22239-2019 8.1.4.3), in every service with an audit trail.
 *
 * <p>Sits in the platform's security filter chain after the bearer token has been read and outside
 * Spring Security's exception translation, so it sees the final status of the call, 403s included.
 * For a caller whose token has a {@code client_id} it writes one entry: the client id, its roles and
 * scopes, action {@link AuditAction#CALL}, object type {@value #OBJECT_TYPE} with id
 * {@code <METHOD> <route pattern>} (for example {@code GET /imports/{id}}; the path, with ID numbers
 * masked, when no route matched), the outcome of the HTTP status ({@link AuditOutcome#ofStatus}) and
 * the correlation id. No second entry is written when the endpoint recorded one itself
 * ({@code @Audited} or {@link AuditTrail#record} committed during the request: it names the record
 * and person, and carries the same client id, scopes and correlation id). Calls without a token
 * (401) have no client to name and are not recorded here; users are audited per record by
 * {@code @Audited}.
 *
 * <p><b>No unaudited access.</b> The response is held in a buffer until the entry is written. If the
 * entry cannot be written, the buffered answer is discarded and the client gets 503
 * {@code audit-unavailable} instead, so nothing the service answered leaves unaudited. A change made
 * by the call may already be committed at that point: endpoints that change personal records must
 * therefore carry {@code @Audited}, whose entry is written in the change's own transaction (docs/audit.md).
 */
public class ClientCallAuditFilter extends OncePerRequestFilter {

  /** Object type of the entries of this filter. */
  public static final String OBJECT_TYPE = "http-request";

  private static final Logger log = LoggerFactory.getLogger(ClientCallAuditFilter.class);

  private final AuditTrail trail;
  private final JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter();

  public ClientCallAuditFilter(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isMachineClient(SecurityContextHolder.getContext().getAuthentication())) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, buffered);
    } catch (ServletException | IOException | RuntimeException | Error e) {
      recordQuietly(request, AuditOutcome.FAILED);
      throw e;
    }
    if (!AuditTrail.isRequestAudited()) {
      try {
        trail.record(AuditAction.CALL, new AuditObject(OBJECT_TYPE, route(request), null),
            AuditOutcome.ofStatus(buffered.getStatus()));
      } catch (AuditUnavailableException e) {
        log.error("Audit store unavailable: the answer to a machine client's {} is replaced by 503",
            route(request), e);
        if (!response.isCommitted()) {
          unavailable(request, response);
          return;
        }
      }
    }
    buffered.copyBodyToResponse();
  }

  private void recordQuietly(HttpServletRequest request, AuditOutcome outcome) {
    if (AuditTrail.isRequestAudited()) {
      return;
    }
    try {
      trail.record(AuditAction.CALL, new AuditObject(OBJECT_TYPE, route(request), null), outcome);
    } catch (AuditUnavailableException e) {
      log.error("Audit store unavailable while a machine client's {} failed", route(request), e);
    }
  }

  private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Collection<String> correlation = new ArrayList<>(response.getHeaders("X-Correlation-Id"));
    response.reset();
    correlation.forEach(value -> response.addHeader("X-Correlation-Id", value));
    ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, AuditUnavailableException.CODE,
        "The audit trail cannot record this request, so its answer is withheld. Try again later.");
    try {
      problem.setInstance(java.net.URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      // no instance rather than no answer
    }
    response.setStatus(problem.getStatus());
    converter.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
  }

  private static boolean isMachineClient(Authentication authentication) {
    return authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()
        && token.getToken().hasClaim(CallerClaims.CLIENT_ID);
  }

  /** {@code <METHOD> <route pattern>}; the path with ID numbers masked when no route matched. */
  static String route(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String path = pattern instanceof String p ? p : Masking.inText(request.getRequestURI());
    String route = request.getMethod() + " " + path;
    return route.length() <= 128 ? route : route.substring(0, 128);
  }
}
