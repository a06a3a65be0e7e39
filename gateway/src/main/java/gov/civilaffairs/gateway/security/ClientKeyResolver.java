package gov.civilaffairs.gateway.security;

import java.net.InetSocketAddress;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The key of a caller's rate-limit bucket (claims contract, docs/security.md): the token's
 * {@code client_id} for a machine client, else its {@code sub} (the staff member's user name). A
 * request without a token reaches a route only on an open path (a service's API document or health);
 * it is keyed {@code anonymous@<peer address>}.
 */
@Component
class ClientKeyResolver implements KeyResolver {

  /** JWT claim naming a machine client (claims contract). */
  static final String CLIENT_ID_CLAIM = "client_id";

  @Override
  public Mono<String> resolve(ServerWebExchange exchange) {
    return exchange.getPrincipal()
        .map(principal -> principal instanceof JwtAuthenticationToken token
            && token.getToken().hasClaim(CLIENT_ID_CLAIM)
            ? token.getToken().getClaimAsString(CLIENT_ID_CLAIM)
            : principal.getName())
        .switchIfEmpty(Mono.fromSupplier(() -> "anonymous@" + peer(exchange)));
  }

  private static String peer(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null ? "unknown" : remote.getAddress().getHostAddress();
  }
}
