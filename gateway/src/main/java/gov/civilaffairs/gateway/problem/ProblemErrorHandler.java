package gov.civilaffairs.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Answers every error of the gateway itself as RFC 9457 {@code application/problem+json}
 * (STYLE.md: errors are problem+json everywhere, the gateway's own included).
 *
 * <ul>
 *   <li>a service that cannot be reached (connection refused, connect timeout, unknown host):
 *       503 {@code service-unavailable};
 *   <li>a service slower than the response timeout: 504 {@code gateway-timeout};
 *   <li>a request larger than the RequestSize limit: 413 {@code payload-too-large}; a request
 *       without a valid token: 401 {@code unauthorized}; over the client's rate limit: 429
 *       {@code too-many-requests} (all via {@link RejectionProblemFilter});
 *   <li>a path that no route or endpoint serves: 404 {@code not-found}; any other status Spring
 *       raises (405, 406, 415...) keeps its status with the conventional code;
 *   <li>anything unexpected: 500 {@code internal-error} without internals; the cause is logged with
 *       the trace id.
 * </ul>
 * Errors answered by a service pass through untouched: they are already problem+json. Ordered before
 * Boot's {@code DefaultErrorWebExceptionHandler} (order -1).
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

  private final ServerResponse.Context context;

  ProblemErrorHandler(ServerCodecConfigurer codecs) {
    List<HttpMessageWriter<?>> writers = codecs.getWriters();
    this.context = new ServerResponse.Context() {
      @Override
      public List<HttpMessageWriter<?>> messageWriters() {
        return writers;
      }

      @Override
      public List<ViewResolver> viewResolvers() {
        return List.of();
      }
    };
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    ProblemDetail problem = problemFor(exchange, error);
    return ServerResponse.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem)
        .flatMap(response -> response.writeTo(exchange, context));
  }

  private ProblemDetail problemFor(ServerWebExchange exchange, Throwable error) {
    String path = exchange.getRequest().getPath().value();
    String service = routeId(exchange);
    if (isConnectFailure(error)) {
      log.warn("{} cannot be reached: {}", service, error.toString());
      return GatewayProblems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
          service + " cannot be reached at the moment; try again later.", path);
    }
    if (error instanceof ErrorResponse response) {
      HttpStatusCode status = response.getStatusCode();
      if (status.is5xxServerError()) {
        log.warn("{} answered {} for {}: {}", service, status.value(), path, error.toString());
      }
      return GatewayProblems.of(status, GatewayProblems.defaultCode(status),
          detailFor(status, response, service, path), path);
    }
    log.error("Unexpected error for {} {}", exchange.getRequest().getMethod(), path, error);
    return GatewayProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
        "The gateway could not handle the request; quote the X-Correlation-Id header when reporting it.",
        path);
  }

  private static String detailFor(HttpStatusCode status, ErrorResponse response, String service, String path) {
    return switch (status.value()) {
      case 401 -> "A valid bearer token is required (Authorization: Bearer <JWT> from the identity"
          + " provider); the WWW-Authenticate header tells what was wrong with the one sent, if any.";
      case 429 -> "Too many requests from this client; wait the number of seconds in Retry-After.";
      case 404 -> "Nothing is served at " + path
          + ". The services' APIs are under /api/<service>/; see /swagger-ui.html.";
      case 504 -> service + " did not answer in time. The request may or may not have been carried out;"
          + " check before repeating a change.";
      default -> {
        String detail = response.getBody().getDetail();
        yield detail != null ? detail : HttpStatus.valueOf(status.value()).getReasonPhrase();
      }
    };
  }

  /** Connection refused and connect timeouts (Netty's ConnectTimeoutException is a ConnectException). */
  private static boolean isConnectFailure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private static String routeId(ServerWebExchange exchange) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    return route == null ? "The service" : route.getId();
  }
}
