package gov.civilaffairs.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Reads {@code grant_type=password&username=...&password=...} from a token request (RFC 6749
 * section 4.3.2); a missing user name or password is {@code invalid_request} (400). Other grant types
 * are left to the converters of Spring Authorization Server.
 */
class PasswordGrantAuthenticationConverter implements AuthenticationConverter {

  // RFC 6749 section 4.3.2 (Spring Security 7 no longer names them: OAuth 2.1 dropped the grant).
  private static final String USERNAME = "username";
  private static final String PASSWORD = "password";
  private static final Set<String> GRANT_PARAMETERS = Set.of(OAuth2ParameterNames.GRANT_TYPE, USERNAME,
      PASSWORD, OAuth2ParameterNames.CLIENT_ID, OAuth2ParameterNames.CLIENT_SECRET);

  @Override
  public Authentication convert(HttpServletRequest request) {
    if (!PasswordGrantAuthenticationToken.PASSWORD.getValue()
        .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
      return null;
    }
    String username = request.getParameter(USERNAME);
    String password = request.getParameter(PASSWORD);
    if (!StringUtils.hasText(username) || !StringUtils.hasText(password)) {
      throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
          "The password grant needs the parameters username and password.", null));
    }
    Map<String, Object> additional = new HashMap<>();
    request.getParameterMap().forEach((name, values) -> {
      if (!GRANT_PARAMETERS.contains(name) && values.length > 0) {
        additional.put(name, values[0]);
      }
    });
    Authentication client = SecurityContextHolder.getContext().getAuthentication();
    return new PasswordGrantAuthenticationToken(username, password, client, additional);
  }
}
