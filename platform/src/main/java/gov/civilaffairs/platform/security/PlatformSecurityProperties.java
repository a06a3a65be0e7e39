package gov.civilaffairs.platform.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.civilaffairs.platform.masking.MaskType;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Security settings of every service ({@code platform.security.*}); defaults in
 * {@code META-INF/platform-defaults.yml}, explained in docs/security.md.
 *
 * @param jwt where the tokens' signing keys come from
 * @param openPaths Ant-style paths served without a token besides actuator health, info and
 *     prometheus (default: the OpenAPI document and Swagger UI, for the gateway's aggregated docs)
 * @param unmaskedRoles for each kind of personal data, the roles that see it in full (city policy)
 */
@Validated
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(
    @Valid @NotNull Jwt jwt,
    List<String> openPaths,
    Map<MaskType, Set<Role>> unmaskedRoles) {

  public PlatformSecurityProperties {
    openPaths = openPaths == null ? List.of() : List.copyOf(openPaths);
    unmaskedRoles = unmaskedRoles == null ? Map.of() : Map.copyOf(unmaskedRoles);
  }

  /**
   * The identity provider. With only {@code issuerUri}, keys are found through its OIDC discovery
   * document ({@code <issuer>/.well-known/openid-configuration}) on first use; with
   * {@code jwkSetUri}, keys are fetched from there and {@code iss} is checked if {@code issuerUri} is
   * also set.
   *
   * @param issuerUri the {@code iss} of the tokens, for example {@code http://localhost:9000}
   * @param jwkSetUri the JWK set of the signing keys, for example {@code http://localhost:9000/oauth2/jwks}
   */
  public record Jwt(URI issuerUri, URI jwkSetUri) {

    @AssertTrue(message = "set platform.security.jwt.issuer-uri or platform.security.jwt.jwk-set-uri")
    boolean isKeySourceSet() {
      return issuerUri != null || jwkSetUri != null;
    }
  }
}
