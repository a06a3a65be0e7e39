package gov.civilaffairs.gateway.tracing;

import java.util.Optional;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Returns the correlation id of every request in the {@value #HEADER} response header, errors
 * included: the W3C trace id (32 lowercase hex characters) of the request's server observation.
 *
 * <p>Micrometer Tracing starts the trace, or continues the caller's {@code traceparent}; the gateway's
 * HTTP client observation forwards {@code traceparent} to the service, whose own
 * {@code CorrelationIdFilter} (platform) returns the same id. A caller quotes the id when reporting
 * a problem; operations find every log line of the request by it.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

  /** Response header carrying the correlation (trace) id; the same name as the services use. */
  static final String HEADER = "X-Correlation-Id";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    traceId(exchange).ifPresent(traceId ->
        exchange.getResponse().beforeCommit(() -> {
          exchange.getResponse().getHeaders().set(HEADER, traceId);
          return Mono.empty();
        }));
    return chain.filter(exchange);
  }

  private static Optional<String> traceId(ServerWebExchange exchange) {
    return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .map(context -> context.<TracingContext>get(TracingContext.class))
        .map(TracingContext::getSpan)
        .map(Span::context)
        .map(TraceContext::traceId);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
