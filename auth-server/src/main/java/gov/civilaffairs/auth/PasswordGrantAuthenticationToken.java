package gov.civilaffairs.auth;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** A token request with the resource-owner password grant (RFC 6749 section 4.3), not yet checked. */
class PasswordGrantAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

  /** The {@code grant_type} value of RFC 6749 section 4.3.2. */
  static final AuthorizationGrantType PASSWORD = new AuthorizationGrantType("password");

  private final String username;
  private final String password;

  PasswordGrantAuthenticationToken(String username, String password, Authentication clientPrincipal,
      Map<String, Object> additionalParameters) {
    super(PASSWORD, clientPrincipal, additionalParameters);
    this.username = username;
    this.password = password;
  }

  String getUsername() {
    return username;
  }

  @Override
  public Object getCredentials() {
    return password;
  }
}
