package gov.civilaffairs.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.civilaffairs.platform.masking.MaskType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

class RoleMaskingPolicyTest {

  private final RoleMaskingPolicy policy = new RoleMaskingPolicy(Map.of(
      MaskType.NATIONAL_ID_NUMBER, Set.of(Role.TOWNSHIP_CASEWORKER),
      MaskType.BANK_ACCOUNT, Set.of(Role.EXTERNAL_SYSTEM)));

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void revealsOnlyToConfiguredRoles() {
    authenticate(Jwt.withTokenValue("t").header("alg", "RS256").subject("wang")
        .claim("roles", List.of("TOWNSHIP_CASEWORKER")).claim("region", "330681001").build());

    assertThat(policy.masks(MaskType.NATIONAL_ID_NUMBER)).isFalse();
    assertThat(policy.masks(MaskType.BANK_ACCOUNT)).isTrue();
    assertThat(policy.masks(MaskType.MOBILE_PHONE)).isTrue();
  }

  @Test
  void machineClientsCountAsExternalSystem() {
    authenticate(Jwt.withTokenValue("t").header("alg", "RS256").subject("bank").claim("client_id", "bank")
        .claim("scope", "payments:read").build());

    assertThat(policy.masks(MaskType.BANK_ACCOUNT)).isFalse();
    assertThat(policy.masks(MaskType.NATIONAL_ID_NUMBER)).isTrue();
  }

  @Test
  void masksEverythingOutsideARequest() {
    assertThat(policy.masks(MaskType.NATIONAL_ID_NUMBER)).isTrue();
  }

  private static void authenticate(Jwt jwt) {
    SecurityContextHolder.getContext().setAuthentication(new CallerAuthenticationConverter().convert(jwt));
  }
}
