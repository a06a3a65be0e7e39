/**
 * Authentication and per-client rate limits at the edge (issue 3; QUALITY.md, security: "every call
 * is authenticated at the gateway"; "rate limits per client at the gateway").
 *
 * <ul>
 *   <li>{@link gov.civilaffairs.gateway.security.GatewaySecurityConfiguration}: JWT bearer tokens
 *       (OAuth 2 resource server) for everything but the open paths; the token is relayed unchanged.
 *   <li>{@link gov.civilaffairs.gateway.security.ClientKeyResolver} and
 *       {@link gov.civilaffairs.gateway.security.ClientRateLimiter}: Spring Cloud Gateway's
 *       {@code RequestRateLimiter} on every route, one Bucket4j token bucket per client, in Redis or in
 *       memory ({@link gov.civilaffairs.gateway.security.RateLimitProperties}).
 * </ul>
 * Their 401/403/429 answers, completed without a body, become problem+json through
 * {@code gov.civilaffairs.gateway.problem.RejectionProblemFilter}, which runs before Spring
 * Security's filter chain (order -100).
 */
package gov.civilaffairs.gateway.security;
