package gov.civilaffairs.systemtests;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Access tokens from the real auth-server, with the demo clients and staff of docs/security.md: client
 * credentials for machine clients, the password grant (through the {@code staff-console} client) for
 * staff. Tokens live 15 to 30 minutes, longer than a test run, so each is fetched once.
 */
final class Tokens {

  /** The demo machine clients' secrets (docs/security.md). */
  private static final Map<String, String> CLIENT_SECRETS = Map.of(
      "data-sharing-platform", "demo-data-sharing-secret", "police", "demo-police-secret",
      "hospital", "demo-hospital-secret", "funeral-home", "demo-funeral-home-secret", "bank", "demo-bank-secret");

  /** The demo staff password (docs/security.md). */
  private static final String STAFF_PASSWORD = "demo-staff-password";

  private final Api authServer;
  private final Map<String, String> issued = new ConcurrentHashMap<>();

  Tokens(Api authServer) {
    this.authServer = authServer;
  }

  /** A token of a demo machine client, e.g. {@code police}, with all its scopes. */
  String client(String clientId) {
    String secret = CLIENT_SECRETS.get(clientId);
    if (secret == null) {
      throw new IllegalArgumentException("Not a demo client: " + clientId);
    }
    return issued.computeIfAbsent("client:" + clientId, key -> token(clientId, secret,
        Map.of("grant_type", "client_credentials")));
  }

  /** A token of a demo staff member, e.g. {@code jiyang-caseworker}. */
  String staff(String username) {
    return issued.computeIfAbsent("staff:" + username, key -> token("staff-console", "demo-staff-console-secret",
        Map.of("grant_type", "password", "username", username, "password", STAFF_PASSWORD)));
  }

  private String token(String clientId, String secret, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    Api.Response response = authServer.send(authServer.request("/oauth2/token", null)
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    String token = response.json().path("access_token").asString("");
    if (response.status() != 200 || token.isEmpty()) {
      throw new IllegalStateException("No token for " + clientId + " " + form.get("username") + ": " + response);
    }
    return token;
  }
}
