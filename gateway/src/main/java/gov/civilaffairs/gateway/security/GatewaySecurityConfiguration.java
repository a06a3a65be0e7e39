package gov.civilaffairs.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Authentication at the edge (issue 3; QUALITY.md: "every call is authenticated at the gateway";
 * OWASP API Security Top 10 2023, API2 broken authentication).
 *
 * <p>Every request needs a valid OAuth 2 bearer token, a JWT signed with a key of the configured JWK
 * set and issued by the configured issuer, not expired ({@code spring.security.oauth2.resourceserver.jwt.*},
 * set from {@code AUTH_ISSUER_URI} and {@code AUTH_JWK_SET_URI} in application.yml; keys are fetched at
 * the first request, so the gateway starts while the identity provider is down). Without one the answer
 * is 401 problem+json {@code unauthorized} with {@code WWW-Authenticate: Bearer ...} (Spring Security's
 * entry point completes the response without a body; {@code RejectionProblemFilter} adds the body).
 *
 * <p>Open without a token: the gateway's own {@code health}, {@code info} and {@code prometheus}; the
 * Swagger UI; the services' OpenAPI documents ({@code /api/<service>/v3/api-docs}, which the UI fetches)
 * and health ({@code /api/<service>/actuator/health}, probes through the gateway). Every other actuator
 * endpoint of a service (its {@code prometheus} included: scraped inside the cluster, never through the
 * edge) is refused through the gateway: 401 without a token, 403 {@code forbidden} with one.
 *
 * <p>The gateway only authenticates: the token is relayed unchanged in {@code Authorization} and each
 * service authorises again (roles, scopes, region: {@code docs/security.md}). Stateless: no session,
 * no cookie, hence no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurityConfiguration {

  /** Paths anybody may call. */
  static final String[] OPEN_PATHS = {
      "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
      "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**",
      "/api/*/v3/api-docs", "/api/*/v3/api-docs/**",
      "/api/*/actuator/health", "/api/*/actuator/health/**"};

  @Bean
  SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http) {
    return http
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers(OPEN_PATHS).permitAll()
            .pathMatchers("/api/*/actuator/**").denyAll()
            .anyExchange().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .build();
  }
}
