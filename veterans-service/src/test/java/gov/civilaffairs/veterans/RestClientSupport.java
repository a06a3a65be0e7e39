package gov.civilaffairs.veterans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the service over HTTP with a bearer token, as the gateway would, for the integration tests of the
 * care features. Tokens come from the platform's {@link TestTokens}.
 */
public final class RestClientSupport {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  /** A city administrator: may do everything these tests need. */
  public static final String CITY_ADMIN = TestTokens.staff("city-admin", Role.CITY_ADMINISTRATOR, null);

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;

  public RestClientSupport(int port) {
    this.port = port;
  }

  /** GET as the city administrator; asserts 200 and returns the body. */
  public JsonNode get(String path) {
    HttpResponse<String> response = send("GET", path, null, CITY_ADMIN);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** POST a JSON body (or none) as the city administrator. */
  public HttpResponse<String> post(String path, Object body) {
    return send("POST", path, body, CITY_ADMIN);
  }

  /** Any call with any token ({@code null} for none); {@code body} is serialised as JSON unless null. */
  public HttpResponse<String> send(String method, String path, Object body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Registers an entitled person in 诸暨市 (region 330681001001) and returns their ID number. */
  public String register(String category, String monthlyAmount, String startMonth) {
    return register(category, null, null, monthlyAmount, startMonth, "330681001001");
  }

  /** Registers an entitled person and returns their ID number. */
  public String register(String category, Integer grade, String cause, String monthlyAmount, String startMonth,
      String regionCode) {
    String idNumber = TestIdNumbers.valid(LocalDate.of(1950, 5, 1));
    Map<String, Object> body = new HashMap<>(Map.of("nationalIdNumber", idNumber, "name", "李𠮷英",
        "category", category, "regionCode", regionCode, "monthlyAmount", monthlyAmount, "startMonth", startMonth));
    if (grade != null) {
      body.put("disabilityGrade", grade);
      body.put("disabilityCause", cause);
    }
    HttpResponse<String> response = post("/entitled-persons", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return idNumber;
  }

  /** The body of a response as JSON. */
  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
