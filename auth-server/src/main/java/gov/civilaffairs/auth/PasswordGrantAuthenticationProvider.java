package gov.civilaffairs.auth;

import java.util.Set;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Issues an access token to a member of staff who gives user name and password through a client
 * registered for the {@code password} grant (RFC 6749 section 4.3; left out of OAuth 2.1, so used here
 * for tests and the local system only). Wrong credentials are {@code invalid_grant} (400); a client
 * not registered for the grant is {@code unauthorized_client}. No refresh token: scripts ask again.
 */
class PasswordGrantAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationManager staffAuthentication;
  private final OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator;

  /**
   * @param staffAuthentication checks user name and password against the staff directory
   * @param tokenGenerator the authorization server's token generator (JWT, claims customised)
   */
  PasswordGrantAuthenticationProvider(AuthenticationManager staffAuthentication,
      OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator) {
    this.staffAuthentication = staffAuthentication;
    this.tokenGenerator = tokenGenerator;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    PasswordGrantAuthenticationToken grant = (PasswordGrantAuthenticationToken) authentication;
    if (!(grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()) {
      throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }
    RegisteredClient registeredClient = client.getRegisteredClient();
    if (registeredClient == null
        || !registeredClient.getAuthorizationGrantTypes().contains(PasswordGrantAuthenticationToken.PASSWORD)) {
      throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
    }
    Authentication staff;
    try {
      staff = staffAuthentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
          grant.getUsername(), grant.getCredentials()));
    } catch (AuthenticationException e) {
      throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
          "Unknown user name or wrong password.", null), e);
    }
    OAuth2TokenContext context = DefaultOAuth2TokenContext.builder()
        .registeredClient(registeredClient)
        .principal(staff)
        .authorizationServerContext(AuthorizationServerContextHolder.getContext())
        .authorizedScopes(Set.of())
        .tokenType(OAuth2TokenType.ACCESS_TOKEN)
        .authorizationGrantType(PasswordGrantAuthenticationToken.PASSWORD)
        .authorizationGrant(grant)
        .build();
    OAuth2Token token = tokenGenerator.generate(context);
    if (token == null) {
      throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR,
          "The token generator could not issue an access token.", null));
    }
    OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
        token.getTokenValue(), token.getIssuedAt(), token.getExpiresAt());
    return new OAuth2AccessTokenAuthenticationToken(registeredClient, client, accessToken);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return PasswordGrantAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
