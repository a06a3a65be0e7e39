package gov.civilaffairs.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class CallerTest {

  private static Jwt jwt(Consumer<Jwt.Builder> claims) {
    Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256");
    claims.accept(builder);
    return builder.build();
  }

  @Test
  void staffTokenGivesUserWithRolesAndRegion() {
    Caller caller = Caller.from(jwt(j -> j.subject("wang.fang")
        .claim("roles", List.of("TOWNSHIP_CASEWORKER")).claim("region", "330681001")));

    assertThat(caller.id()).isEqualTo("wang.fang");
    assertThat(caller.kind()).isEqualTo(CallerKind.USER);
    assertThat(caller.roles()).containsExactly(Role.TOWNSHIP_CASEWORKER);
    assertThat(caller.scopes()).isEmpty();
    assertThat(caller.regionCode()).isEqualTo("330681001");
  }

  @Test
  void clientTokenGivesClientWithScopesAndExternalSystemRole() {
    Caller caller = Caller.from(jwt(j -> j.subject("police").claim("client_id", "police")
        .claim("scope", "deaths:write  persons:read")));

    assertThat(caller.kind()).isEqualTo(CallerKind.CLIENT);
    assertThat(caller.scopes()).containsExactlyInAnyOrder("deaths:write", "persons:read");
    assertThat(caller.roles()).containsExactly(Role.EXTERNAL_SYSTEM);
    assertThat(caller.regionScope()).isEqualTo(RegionScope.everything());
  }

  @Test
  void scopeClaimAsJsonArrayIsReadToo() {
    Caller caller = Caller.from(jwt(j -> j.subject("bank").claim("client_id", "bank")
        .claim("scope", List.of("payments:read", "payments:write"))));

    assertThat(caller.scopes()).containsExactlyInAnyOrder("payments:read", "payments:write");
  }

  @Test
  void unknownRoleCodesAreIgnored() {
    Caller caller = Caller.from(jwt(j -> j.subject("li.lei").claim("roles", List.of("AUDITOR", "SUPERUSER"))));

    assertThat(caller.roles()).containsExactly(Role.AUDITOR);
  }

  @Test
  void converterGivesRoleAndScopeAuthorities() {
    var authentication = new CallerAuthenticationConverter().convert(jwt(j -> j.subject("x")
        .claim("roles", List.of("COUNTY_OFFICER")).claim("region", "330681").claim("scope", "audit:read")));

    assertThat(authentication.getName()).isEqualTo("x");
    assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("ROLE_COUNTY_OFFICER", "SCOPE_audit:read");
  }

  @Test
  void converterRefusesMalformedRegionAsInvalidToken() {
    Jwt token = jwt(j -> j.subject("x").claim("roles", List.of("COUNTY_OFFICER")).claim("region", "3306%"));

    assertThatThrownBy(() -> new CallerAuthenticationConverter().convert(token))
        .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("region");
  }

  @Test
  void regionScopeFollowsTheRoleLevel() {
    assertThat(caller(Role.CITY_ADMINISTRATOR, null).regionScope()).isEqualTo(RegionScope.everything());
    assertThat(caller(Role.COUNTY_OFFICER, "330681").regionScope()).isEqualTo(RegionScope.within("330681"));
    assertThat(caller(Role.TOWNSHIP_CASEWORKER, "330681001").regionScope())
        .isEqualTo(RegionScope.within("330681001"));
    assertThat(caller(Role.VILLAGE_ASSISTANT, "330681001001").regionScope())
        .isEqualTo(RegionScope.within("330681001001"));
  }

  @Test
  void aLongerRegionIsCutToTheRoleLevel() {
    assertThat(caller(Role.COUNTY_OFFICER, "330681001").regionScope()).isEqualTo(RegionScope.within("330681"));
  }

  @Test
  void aLocalRoleWithoutAFittingRegionSeesNothing() {
    assertThat(caller(Role.TOWNSHIP_CASEWORKER, null).regionScope()).isEqualTo(RegionScope.nothing());
    assertThat(caller(Role.TOWNSHIP_CASEWORKER, "330681").regionScope()).isEqualTo(RegionScope.nothing());
  }

  @Test
  void callerWithoutRolesSeesNothing() {
    assertThat(new Caller("nobody", CallerKind.USER, java.util.Set.of(), java.util.Set.of(), null).regionScope())
        .isEqualTo(RegionScope.nothing());
  }

  private static Caller caller(Role role, String region) {
    return Caller.from(jwt(j -> {
      j.subject("someone").claim("roles", List.of(role.name()));
      if (region != null) {
        j.claim("region", region);
      }
    }));
  }
}
