package gov.civilaffairs.platform.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gov.civilaffairs.platform.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers the rejections of Spring Security as RFC 9457 problem+json, like every other error:
 * 401 {@code unauthorized} (no token, or one that is expired, forged or malformed) and 403
 * {@code forbidden} (valid token without the role or scope the endpoint needs). The RFC 6750
 * {@code WWW-Authenticate: Bearer ...} header is kept. The body never says why a token was refused
 * beyond RFC 6750's error code, so that it helps no one forge one.
 */
public class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerDeniedHandler = new BearerTokenAccessDeniedHandler();
  private final JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter();

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException authException) throws IOException {
    bearerEntryPoint.commence(request, response, authException);
    write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
        "A valid bearer token is required. Obtain one from the identity provider and send it as "
            + "'Authorization: Bearer <token>'."));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException accessDeniedException) throws IOException {
    bearerDeniedHandler.handle(request, response, accessDeniedException);
    write(request, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
        "Your role or scope does not allow this request."));
  }

  /** Writes the problem with {@code instance} = the request's path, as Spring MVC does for its own. */
  private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    try {
      problem.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      // a path the container let through but java.net.URI refuses: no instance rather than no answer
    }
    response.setStatus(problem.getStatus());
    converter.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
  }
}
