package gov.civilaffairs.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import reactor.core.publisher.Mono;

/** The key of a caller's rate-limit bucket, as the claims contract names it. */
class ClientKeyResolverTest {

  private final ClientKeyResolver resolver = new ClientKeyResolver();

  @Test
  void machineClientIsKeyedByItsClientId() {
    assertThat(keyOf(Map.of("sub", "service-account-7", "client_id", "police"))).isEqualTo("police");
  }

  @Test
  void staffMemberIsKeyedByTheSubject() {
    assertThat(keyOf(Map.of("sub", "jiyang-caseworker"))).isEqualTo("jiyang-caseworker");
  }

  @Test
  void callerWithoutTokenIsKeyedByItsAddress() {
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/registry/v3/api-docs")
        .remoteAddress(new InetSocketAddress("203.0.113.7", 40000)));

    assertThat(resolver.resolve(exchange).block()).isEqualTo("anonymous@203.0.113.7");
  }

  private String keyOf(Map<String, Object> claims) {
    Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").claims(c -> c.putAll(claims))
        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/registry/persons")).mutate()
        .principal(Mono.just(new JwtAuthenticationToken(jwt))).build();
    return resolver.resolve(exchange).block();
  }
}
