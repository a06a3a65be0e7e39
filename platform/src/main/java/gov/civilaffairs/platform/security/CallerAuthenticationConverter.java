package gov.civilaffairs.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a validated JWT into the request's authentication: authorities {@code ROLE_<role>} for each
 * role of the {@link Caller} and {@code SCOPE_<scope>} for each scope, name = {@code sub}. A token
 * whose claims break the contract (no {@code sub}, malformed {@code region}) is rejected with 401.
 */
public class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Caller caller;
    try {
      caller = Caller.from(jwt);
    } catch (IllegalArgumentException e) {
      throw new InvalidBearerTokenException(e.getMessage(), e);
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    caller.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
    caller.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
    return new JwtAuthenticationToken(jwt, authorities, caller.id());
  }
}
