package gov.civilaffairs.auth;

import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the authorization server beyond Boot's {@code spring.security.oauth2.authorizationserver.*}.
 *
 * @param staff the demo staff who may get a token with the password grant, by user name (the token's
 *     {@code sub}); local and demo use only: production staff sign in at the city's identity provider
 * @param signingKey the RSA key that signs tokens; when absent, a key is generated at startup
 */
@Validated
@ConfigurationProperties("auth-server")
record AuthServerProperties(@NotEmpty Map<String, @Valid StaffMember> staff, @Valid SigningKey signingKey) {

  /**
   * A configured RS256 signing key, so that tokens outlive a restart and several instances agree.
   *
   * @param keyId the {@code kid} published in the JWK set
   * @param privateKey PEM file of the private key (PKCS#8, {@code -----BEGIN PRIVATE KEY-----})
   * @param publicKey PEM file of the public key (X.509, {@code -----BEGIN PUBLIC KEY-----})
   */
  record SigningKey(@NotBlank String keyId, @NotNull Resource privateKey, @NotNull Resource publicKey) {
  }

  /**
   * @param password the password hash in Spring Security's delegating format, for example
   *     {@code {bcrypt}$2a$10$...} (never a clear password)
   * @param roles role codes of the claims contract, put in the {@code roles} claim
   * @param region GB/T 2260 code of the member's area (6, 9 or 12 digits), put in the {@code region}
   *     claim; empty for city-wide roles
   */
  record StaffMember(
      @NotBlank @Pattern(regexp = "\\{[a-z0-9]+}.+", message = "must be a hash such as {bcrypt}$2a$10$...")
      String password,
      @NotEmpty Set<@Pattern(regexp = "CITY_ADMINISTRATOR|COUNTY_OFFICER|TOWNSHIP_CASEWORKER|VILLAGE_ASSISTANT|AUDITOR|OPERATIONS",
          message = "must be a staff role code of the claims contract") String> roles,
      @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}", message = "must be a 6, 9 or 12-digit GB/T 2260 code") String region) {
  }
}
