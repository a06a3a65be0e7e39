package gov.civilaffairs.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the claims of the bearer token, read once into a value (claims contract,
 * docs/security.md). A controller method receives it as a parameter of type {@code Caller}; other
 * code calls {@link #current()}.
 *
 * @param id the {@code sub} claim: user name of staff, client id of a machine client
 * @param kind {@link CallerKind#CLIENT} when the token has a {@code client_id} claim, else USER
 * @param roles the known roles of the {@code roles} claim (unknown codes are ignored); a machine
 *     client always has {@link Role#EXTERNAL_SYSTEM}
 * @param scopes the scopes of the {@code scope} claim
 * @param regionCode the {@code region} claim (6, 9 or 12-digit GB/T 2260 code), or {@code null}
 */
public record Caller(String id, CallerKind kind, Set<Role> roles, Set<String> scopes, String regionCode) {

  public Caller {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("A caller needs an id (claim sub)");
    }
    if (regionCode != null && !RegionCodes.isValid(regionCode)) {
      throw new IllegalArgumentException("Claim region is not a 6, 9 or 12-digit GB/T 2260 code: " + regionCode);
    }
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    scopes = Set.copyOf(scopes);
  }

  /**
   * Reads the caller from a validated token.
   *
   * @throws IllegalArgumentException if {@code sub} is missing or {@code region} is malformed
   */
  public static Caller from(Jwt jwt) {
    CallerKind kind = jwt.hasClaim(CallerClaims.CLIENT_ID) ? CallerKind.CLIENT : CallerKind.USER;
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<String> codes = jwt.getClaimAsStringList(CallerClaims.ROLES);
    if (codes != null) {
      codes.forEach(code -> Role.ofCode(code).ifPresent(roles::add));
    }
    if (kind == CallerKind.CLIENT) {
      roles.add(Role.EXTERNAL_SYSTEM);
    }
    return new Caller(jwt.getSubject(), kind, roles, scopes(jwt.getClaim(CallerClaims.SCOPE)),
        jwt.getClaimAsString(CallerClaims.REGION));
  }

  /**
   * The caller of the current request.
   *
   * @throws IllegalStateException outside an authenticated request
   */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return from(token.getToken());
    }
    throw new IllegalStateException("No caller: the request was not authenticated with a bearer token");
  }

  /** Whether the caller has the role. */
  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  /** Whether the caller has the scope, for example {@code deaths:write}. */
  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  /**
   * The area this caller may see (rule in {@link RegionScope}): everything if any role is city-wide;
   * otherwise the widest area that one of its local roles grants from the {@code region} claim (the
   * first {@link Role#regionDigits()} digits of it); nothing if no role grants an area.
   */
  public RegionScope regionScope() {
    if (roles.stream().anyMatch(Role::isCityWide)) {
      return RegionScope.everything();
    }
    int widest = roles.stream()
        .filter(role -> regionCode != null && regionCode.length() >= role.regionDigits())
        .mapToInt(Role::regionDigits)
        .min()
        .orElse(-1);
    return widest < 0 ? RegionScope.nothing() : RegionScope.within(regionCode.substring(0, widest));
  }

  private static Set<String> scopes(Object claim) {
    Set<String> scopes = new LinkedHashSet<>();
    if (claim instanceof String text) {
      for (String scope : text.trim().split("\\s+")) {
        if (!scope.isEmpty()) {
          scopes.add(scope);
        }
      }
    } else if (claim instanceof Collection<?> values) {
      values.forEach(value -> scopes.add(String.valueOf(value)));
    }
    return scopes;
  }
}
