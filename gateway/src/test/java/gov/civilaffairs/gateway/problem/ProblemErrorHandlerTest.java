package gov.civilaffairs.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import io.netty.channel.ConnectTimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

/** Which problem the gateway answers for which failure (the cases the ITs cannot provoke cheaply). */
class ProblemErrorHandlerTest {

  private final ProblemErrorHandler handler = new ProblemErrorHandler(ServerCodecConfigurer.create());

  @Test
  void connectTimeoutIsServiceUnavailableNamingTheService() {
    MockServerWebExchange exchange = exchangeRoutedTo("eldercare-service", "/api/eldercare/cards");

    handler.handle(exchange, new ConnectTimeoutException("connection timed out after 1000 ms")).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(exchange.getResponse().getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("\"type\":\"urn:civil-affairs:problem:service-unavailable\"")
        .contains("\"code\":\"service-unavailable\"")
        .contains("\"instance\":\"/api/eldercare/cards\"")
        .contains("eldercare-service cannot be reached");
  }

  @Test
  void unexpectedFailureIsAnInternalErrorWithoutInternals() {
    MockServerWebExchange exchange = exchangeRoutedTo("relief-service", "/api/relief/cases");

    handler.handle(exchange, new IllegalStateException("secret internals")).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("\"code\":\"internal-error\"")
        .doesNotContain("secret internals");
  }

  @Test
  void rejectionKeepsItsStatusAndReason() {
    MockServerWebExchange exchange = exchangeRoutedTo("relief-service", "/api/relief/cases");

    handler.handle(exchange,
        new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this client")).block();

    assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(exchange.getResponse().getBodyAsString().block())
        .contains("\"code\":\"too-many-requests\"")
        .contains("Too many requests from this client");
  }

  private static MockServerWebExchange exchangeRoutedTo(String routeId, String path) {
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
    Route route = Route.async().id(routeId).uri(URI.create("http://localhost:1"))
        .predicate(anything -> true).filters(List.of()).build();
    exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
    return exchange;
  }
}
