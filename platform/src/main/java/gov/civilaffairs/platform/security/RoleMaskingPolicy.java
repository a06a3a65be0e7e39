package gov.civilaffairs.platform.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Shows a kind of personal data in full only to callers with one of the roles configured for it in
 * {@code platform.security.unmasked-roles} (city policy; defaults in platform-defaults.yml). Every
 * other caller, and code running outside a request (logs, jobs), gets masked values.
 */
public class RoleMaskingPolicy implements MaskingPolicy {

  private final Map<PersonalDataKind, Set<Role>> unmaskedRoles;

  /** @param unmaskedRoles for each kind, the roles that see it in full; a missing kind is always masked */
  public RoleMaskingPolicy(Map<PersonalDataKind, Set<Role>> unmaskedRoles) {
    this.unmaskedRoles = new EnumMap<>(PersonalDataKind.class);
    unmaskedRoles.forEach((kind, roles) -> this.unmaskedRoles.put(kind, Set.copyOf(roles)));
  }

  @Override
  public boolean reveals(PersonalDataKind kind) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      return false;
    }
    Set<Role> allowed = unmaskedRoles.getOrDefault(kind, Set.of());
    return Caller.from(token.getToken()).roles().stream().anyMatch(allowed::contains);
  }
}
