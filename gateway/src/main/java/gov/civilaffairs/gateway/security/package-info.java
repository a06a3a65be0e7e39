/**
 * Seam for the next issue: authentication and per-client rate limits at the gateway (QUALITY.md,
 * security: "every call is authenticated at the gateway"; "rate limits per client at the gateway").
 *
 * <p>Planned shape, not built yet:
 * <ul>
 *   <li>{@code spring-boot-starter-oauth2-resource-server}: a {@code SecurityWebFilterChain} bean in
 *       this package validating JWT bearer tokens (issuer from configuration) for {@code /api/**},
 *       leaving {@code /actuator/health/**}, {@code /swagger-ui.html}, {@code /webjars/**} and
 *       {@code /v3/api-docs/**} open; the token is relayed to the services, which authorise again.
 *   <li>{@code RequestRateLimiter} in {@code default-filters} (application.yml) with a
 *       {@code KeyResolver} bean here resolving the token's client id.
 * </ul>
 * Their 401/403/429 answers, completed without a body, already become problem+json through
 * {@code gov.civilaffairs.gateway.problem.RejectionProblemFilter}, which runs before Spring
 * Security's filter chain (order -100).
 */
package gov.civilaffairs.gateway.security;
