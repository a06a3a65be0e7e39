package gov.civilaffairs.gateway.problem;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives a problem+json body to the requests that a gateway filter rejects by setting an error status
 * and completing the response without a body: Spring Cloud Gateway's RequestSize (413) today,
 * RequestRateLimiter (429) and Spring Security's entry points (401/403) when they come.
 *
 * <p>Such a completion becomes a {@link ResponseStatusException} that {@link ProblemErrorHandler}
 * renders like every other error. RequestSize's non-standard {@value #REQUEST_SIZE_MESSAGE_HEADER}
 * header becomes the problem's {@code detail}. Responses relayed from a service are written with a
 * body (possibly empty) and are never touched.
 */
@Component
class RejectionProblemFilter implements WebFilter, Ordered {

  /** Header in which Spring Cloud Gateway's RequestSize filter explains a 413. */
  static final String REQUEST_SIZE_MESSAGE_HEADER = "errorMessage";

  /** Runs just after the correlation id filter, before security and the gateway's routing. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpResponse rejecting = new ServerHttpResponseDecorator(exchange.getResponse()) {
      @Override
      public Mono<Void> setComplete() {
        HttpStatusCode status = getStatusCode();
        if (isCommitted() || status == null || !status.isError()) {
          return super.setComplete();
        }
        String reason = getHeaders().getFirst(REQUEST_SIZE_MESSAGE_HEADER);
        getHeaders().remove(REQUEST_SIZE_MESSAGE_HEADER);
        return Mono.error(new ResponseStatusException(status, reason));
      }
    };
    return chain.filter(exchange.mutate().response(rejecting).build());
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
