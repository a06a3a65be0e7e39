package gov.civilaffairs.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the identity provider: an RSA key whose public half is served as a JWK set on a
 * random local port, and RS256 tokens in the platform's claims contract (docs/security.md) signed with
 * it, or deliberately not quite right (another key, expired, another issuer).
 */
final class TestTokens {

  static final String ISSUER = "http://identity-provider.test";

  private static final String KEY_ID = "test-key";

  private final RSAKey key = newKey();
  private final RSAKey otherKey = newKey();
  private final HttpServer jwks;

  private TestTokens() throws IOException {
    byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext("/oauth2/jwks", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    jwks.start();
  }

  static TestTokens start() {
    try {
      return new TestTokens();
    } catch (IOException e) {
      throw new IllegalStateException("cannot serve the test JWK set", e);
    }
  }

  String jwkSetUri() {
    return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/oauth2/jwks";
  }

  /** A staff member's token: {@code sub}, {@code roles}, {@code region}; valid for five minutes. */
  String staff(String user) {
    return sign(key, ISSUER, Instant.now().plus(Duration.ofMinutes(5)), Map.of(
        "sub", user, "roles", java.util.List.of("TOWNSHIP_CASEWORKER"), "region", "330681001"));
  }

  /** A machine client's token: {@code sub} and {@code client_id} the client, {@code scope}. */
  String machine(String clientId) {
    return sign(key, ISSUER, Instant.now().plus(Duration.ofMinutes(5)), Map.of(
        "sub", clientId, "client_id", clientId, "scope", "deaths:write"));
  }

  String signedWithAnotherKey(String user) {
    return sign(otherKey, ISSUER, Instant.now().plus(Duration.ofMinutes(5)), Map.of("sub", user));
  }

  /** Expired five minutes ago: beyond the 60 s clock skew the validator allows. */
  String expired(String user) {
    return sign(key, ISSUER, Instant.now().minus(Duration.ofMinutes(5)), Map.of("sub", user));
  }

  String fromAnotherIssuer(String user) {
    return sign(key, "http://somebody-else.test", Instant.now().plus(Duration.ofMinutes(5)), Map.of("sub", user));
  }

  private static String sign(RSAKey signingKey, String issuer, Instant expiresAt, Map<String, Object> claims) {
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(10))))
        .expirationTime(Date.from(expiresAt));
    claims.forEach(builder::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), builder.build());
    try {
      jwt.sign(new RSASSASigner(signingKey));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
