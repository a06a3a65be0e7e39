package gov.civilaffairs.auth;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Shapes access tokens to the claims contract (docs/security.md):
 * <ul>
 *   <li>client credentials: {@code sub} = {@code client_id} = the client id, {@code scope} = the
 *       requested scopes, or all its registered scopes when it asks for none, space-separated
 *       (RFC 9068), no {@code roles};</li>
 *   <li>password grant (staff): {@code sub} = user name, {@code roles} = JSON array of role codes,
 *       {@code region} = GB/T 2260 code if the member has one; no {@code scope}, no {@code client_id}.</li>
 * </ul>
 */
class ClaimsContractCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final AuthServerProperties properties;

  ClaimsContractCustomizer(AuthServerProperties properties) {
    this.properties = properties;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      // A request without a scope parameter gets every scope the client is registered for: the
      // pre-defined default of RFC 6749 section 3.3.
      Set<String> scopes = context.getAuthorizedScopes().isEmpty()
          ? context.getRegisteredClient().getScopes() : context.getAuthorizedScopes();
      context.getClaims()
          .claim("client_id", context.getRegisteredClient().getClientId())
          .claim("scope", String.join(" ", new TreeSet<>(scopes)));
    } else if (PasswordGrantAuthenticationToken.PASSWORD.equals(context.getAuthorizationGrantType())) {
      AuthServerProperties.StaffMember member = properties.staff().get(context.getPrincipal().getName());
      context.getClaims().claims(claims -> claims.remove("scope"));
      context.getClaims().claim("roles", List.copyOf(member.roles()));
      if (member.region() != null) {
        context.getClaims().claim("region", member.region());
      }
    }
  }
}
