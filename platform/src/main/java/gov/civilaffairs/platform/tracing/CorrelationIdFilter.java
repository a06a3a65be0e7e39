package gov.civilaffairs.platform.tracing;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Returns the correlation id of the request in the {@value #HEADER} response header.
 *
 * <p>The correlation id is the W3C trace id: the gateway starts it (or continues the caller's
 * {@code traceparent}), Micrometer Tracing carries it in the {@code traceparent} header of every HTTP
 * call and Kafka record, and the log pattern prints it on every line ({@code [service,traceId,spanId]}).
 * A caller quotes this header's value when reporting a problem; operations grep the logs for it.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

  /** Response header carrying the correlation (trace) id: 32 lowercase hex characters. */
  public static final String HEADER = "X-Correlation-Id";

  private final ObjectProvider<Tracer> tracer;

  /** @param tracer the tracer, looked up per request; without one the header is left out */
  public CorrelationIdFilter(ObjectProvider<Tracer> tracer) {
    this.tracer = tracer;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Tracer current = tracer.getIfAvailable();
    Span span = current == null ? null : current.currentSpan();
    if (span != null) {
      response.setHeader(HEADER, span.context().traceId());
    }
    chain.doFilter(request, response);
  }
}
