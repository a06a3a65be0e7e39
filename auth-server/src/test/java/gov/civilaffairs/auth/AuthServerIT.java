package gov.civilaffairs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tokens as a resource server sees them: fetched over HTTP with the demo credentials of
 * application.yml, then verified with the keys found through OIDC discovery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AuthServerIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int PORT = freePort();

  /** The issuer must be the address the test reaches, so the port is chosen before the context starts. */
  @DynamicPropertySource
  static void serverAddress(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("spring.security.oauth2.authorizationserver.issuer", AuthServerIT::issuer);
  }

  @Test
  void clientCredentialsTokenHasItsScopesAndNoRoles() throws Exception {
    HttpResponse<String> response = token("data-sharing-platform", "demo-data-sharing-secret",
        Map.of("grant_type", "client_credentials"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Jwt jwt = verify(response);
    assertThat(jwt.getSubject()).isEqualTo("data-sharing-platform");
    assertThat(jwt.getClaimAsString("client_id")).isEqualTo("data-sharing-platform");
    assertThat(jwt.getClaimAsString("scope").split(" ")).containsExactlyInAnyOrder("deaths:write", "persons:read");
    assertThat(jwt.hasClaim("roles")).isFalse();
    assertThat(jwt.hasClaim("region")).isFalse();
  }

  @Test
  void incomeVerificationGetsATokenToReadPersons() throws Exception {
    HttpResponse<String> response = token("income-verification", "demo-income-verification-secret",
        Map.of("grant_type", "client_credentials"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Jwt jwt = verify(response);
    assertThat(jwt.getClaimAsString("client_id")).isEqualTo("income-verification");
    assertThat(jwt.getClaimAsString("scope")).isEqualTo("persons:read");
    assertThat(token("income-verification", "demo-income-verification-secret",
        Map.of("grant_type", "client_credentials", "scope", "deaths:write")).statusCode()).isEqualTo(400);
  }

  @Test
  void clientGetsOnlyScopesItIsRegisteredFor() throws Exception {
    HttpResponse<String> response = token("police", "demo-police-secret",
        Map.of("grant_type", "client_credentials", "scope", "persons:read"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_scope");
  }

  @Test
  void staffTokenHasRolesAndRegion() throws Exception {
    HttpResponse<String> response = token("staff-console", "demo-staff-console-secret",
        Map.of("grant_type", "password", "username", "jiyang-caseworker", "password", "demo-staff-password"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Jwt jwt = verify(response);
    assertThat(jwt.getSubject()).isEqualTo("jiyang-caseworker");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("TOWNSHIP_CASEWORKER");
    assertThat(jwt.getClaimAsString("region")).isEqualTo("330681001");
    assertThat(jwt.hasClaim("client_id")).isFalse();
    assertThat(jwt.hasClaim("scope")).isFalse();
  }

  @Test
  void cityWideStaffTokenHasNoRegion() throws Exception {
    Jwt jwt = verify(token("staff-console", "demo-staff-console-secret",
        Map.of("grant_type", "password", "username", "city-admin", "password", "demo-staff-password")));

    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CITY_ADMINISTRATOR");
    assertThat(jwt.hasClaim("region")).isFalse();
  }

  @Test
  void wrongClientSecretIs401() throws Exception {
    HttpResponse<String> response = token("police", "not-the-secret", Map.of("grant_type", "client_credentials"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_client");
  }

  @Test
  void wrongStaffPasswordIsInvalidGrant() throws Exception {
    HttpResponse<String> response = token("staff-console", "demo-staff-console-secret",
        Map.of("grant_type", "password", "username", "jiyang-caseworker", "password", "guess"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_grant");
  }

  @Test
  void machineClientCannotUseThePasswordGrant() throws Exception {
    HttpResponse<String> response = token("police", "demo-police-secret",
        Map.of("grant_type", "password", "username", "city-admin", "password", "demo-staff-password"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("unauthorized_client");
  }

  @Test
  void discoveryNamesTheJwkSet() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create(baseUrl() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode discovery = JSON.readTree(response.body());
    assertThat(discovery.path("jwks_uri").asString()).endsWith("/oauth2/jwks");
    assertThat(discovery.path("token_endpoint").asString()).endsWith("/oauth2/token");
  }

  private Jwt verify(HttpResponse<String> tokenResponse) {
    String accessToken = JSON.readTree(tokenResponse.body()).path("access_token").asString();
    // As a service configured with platform.security.jwt.issuer-uri does: discovery, JWK set, RS256.
    return JwtDecoders.fromOidcIssuerLocation(issuer()).decode(accessToken);
  }

  private HttpResponse<String> token(String clientId, String secret, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth2/token"))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String issuer() {
    return "http://localhost:" + PORT;
  }

  private static String baseUrl() {
    return issuer();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
