package gov.civilaffairs.platform.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.MaskingPolicy;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The {@link MaskingPolicy} of every secured service: a {@link MaskType} is written in full only to
 * callers with one of the roles configured for it in {@code platform.security.unmasked-roles} (city
 * policy; defaults in platform-defaults.yml). Every other caller, and code running outside a request
 * (logs, jobs), gets masked values (QUALITY.md; PIPL art. 51).
 */
public class RoleMaskingPolicy implements MaskingPolicy {

  private final Map<MaskType, Set<Role>> unmaskedRoles;

  /** @param unmaskedRoles for each type, the roles that see it in full; a missing type is always masked */
  public RoleMaskingPolicy(Map<MaskType, Set<Role>> unmaskedRoles) {
    this.unmaskedRoles = new EnumMap<>(MaskType.class);
    unmaskedRoles.forEach((type, roles) -> this.unmaskedRoles.put(type, Set.copyOf(roles)));
  }

  /** Masks unless the request's caller has one of the roles configured for {@code type}. */
  @Override
  public boolean masks(MaskType type) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      return true;
    }
    Set<Role> allowed = unmaskedRoles.getOrDefault(type, Set.of());
    return Caller.from(token.getToken()).roles().stream().noneMatch(allowed::contains);
  }
}
