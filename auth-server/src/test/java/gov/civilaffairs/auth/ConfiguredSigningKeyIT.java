package gov.civilaffairs.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** With {@code auth-server.signing-key.*} set, tokens are signed with that key and carry its key id. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "auth-server.signing-key.key-id=bureau-2026",
    "auth-server.signing-key.private-key=classpath:keys/test-signing-key.pem",
    "auth-server.signing-key.public-key=classpath:keys/test-signing-key.pub.pem"})
class ConfiguredSigningKeyIT {

  @LocalServerPort
  int port;

  @Test
  void tokensAreSignedWithTheConfiguredKey() throws Exception {
    String basic = Base64.getEncoder().encodeToString("bank:demo-bank-secret".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String token = JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();

    RSAPublicKey publicKey;
    try (InputStream in = new ClassPathResource("keys/test-signing-key.pub.pem").getInputStream()) {
      publicKey = RsaKeyConverters.x509().convert(in);
    }
    Jwt jwt = NimbusJwtDecoder.withPublicKey(publicKey).build().decode(token);

    assertThat(jwt.getHeaders()).containsEntry("kid", "bureau-2026");
    assertThat(jwt.getClaimAsString("scope")).isEqualTo("payments:read payments:write");
  }
}
