package gov.civilaffairs.platform.test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import gov.civilaffairs.platform.security.CallerClaims;
import gov.civilaffairs.platform.security.Role;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Real RS256 tokens of the claims contract for tests, signed with a key generated once per test JVM,
 * so that a service's tests call it over HTTP as the gateway would, without an authorization server.
 * The test context must trust the key: import {@link TestTokenConfiguration} (as
 * {@link ServiceSmokeChecks} does).
 *
 * <pre>{@code
 * String token = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
 * String police = TestTokens.client("police", "deaths:write");
 * }</pre>
 */
public final class TestTokens {

  /** The {@code iss} of test tokens. */
  public static final String ISSUER = "http://auth.test.invalid";

  private static final RSAKey KEY = generateKey("test-key");
  private static final RSAKey FOREIGN_KEY = generateKey("foreign-key");

  private TestTokens() {
  }

  /**
   * A staff token.
   *
   * @param username the {@code sub}
   * @param role the single role
   * @param region GB/T 2260 code (6, 9 or 12 digits), or {@code null} for city-wide roles
   */
  public static String staff(String username, Role role, String region) {
    return sign(claims -> {
      claims.subject(username).claim(CallerClaims.ROLES, List.of(role.name()));
      if (region != null) {
        claims.claim(CallerClaims.REGION, region);
      }
    });
  }

  /** A machine-client token: {@code sub} and {@code client_id} = {@code clientId}, the scopes, no roles. */
  public static String client(String clientId, String... scopes) {
    return sign(claims -> claims.subject(clientId).claim(CallerClaims.CLIENT_ID, clientId)
        .claim(CallerClaims.SCOPE, String.join(" ", Arrays.asList(scopes))));
  }

  /**
   * A token with any claims: starts with {@code iss}, {@code iat} and {@code exp} (now + 5 minutes),
   * then applies {@code claims}.
   */
  public static String sign(Consumer<JwtClaimsSet.Builder> claims) {
    return encode(KEY, claims);
  }

  /** A well-formed token signed with a key no test context trusts: must be refused with 401. */
  public static String forged(Consumer<JwtClaimsSet.Builder> claims) {
    return encode(FOREIGN_KEY, claims);
  }

  /** A decoder that trusts exactly the tokens of {@link #sign}. */
  public static JwtDecoder decoder() {
    try {
      return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(RSAKey key, Consumer<JwtClaimsSet.Builder> customizer) {
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(ISSUER).issuedAt(now)
        .expiresAt(now.plus(Duration.ofMinutes(5)));
    customizer.accept(claims);
    NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
  }

  private static RSAKey generateKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
