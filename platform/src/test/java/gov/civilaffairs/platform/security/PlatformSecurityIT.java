package gov.civilaffairs.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's resource-server wiring in a running web server, called over HTTP with real signed
 * tokens: 401 and 403 as problem+json, roles and scopes per endpoint, the caller's area per object.
 */
@SpringBootTest(classes = PlatformSecurityIT.SecuredApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.autoconfigure.exclude="
        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
        + "gov.civilaffairs.platform.kafka.PlatformKafkaAutoConfiguration")
@Import(TestTokenConfiguration.class)
class PlatformSecurityIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String JIYANG = "330681001";
  private static final String DIANKOU = "330681104";

  @LocalServerPort
  int port;

  @Test
  void noTokenIs401ProblemJson() throws Exception {
    HttpResponse<String> response = get("/households/h-jiyang", null);

    assertProblem(response, 401, "unauthorized");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Bearer").doesNotContain("error="));
  }

  @Test
  void tokenSignedByAnUnknownKeyIs401() throws Exception {
    String forged = TestTokens.forged(c -> c.subject("mallory").claim("roles", java.util.List.of("CITY_ADMINISTRATOR")));

    HttpResponse<String> response = get("/households/h-jiyang", forged);

    assertProblem(response, 401, "unauthorized");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).contains("invalid_token"));
  }

  @Test
  void expiredTokenIs401() throws Exception {
    String expired = TestTokens.sign(c -> c.subject("wang").claim("roles", java.util.List.of("COUNTY_OFFICER"))
        .claim("region", "330681").issuedAt(java.time.Instant.now().minusSeconds(3600))
        .expiresAt(java.time.Instant.now().minusSeconds(1800)));

    assertProblem(get("/households/h-jiyang", expired), 401, "unauthorized");
  }

  @Test
  void wrongRoleIs403ProblemJson() throws Exception {
    HttpResponse<String> response = get("/households/h-jiyang", TestTokens.staff("ops", Role.OPERATIONS, null));

    assertProblem(response, 403, "forbidden");
    assertThat(JSON.readTree(response.body()).path("instance").asString()).isEqualTo("/households/h-jiyang");
  }

  @Test
  void a401NamesTheInstanceToo() throws Exception {
    HttpResponse<String> response = get("/households/h-jiyang", null);

    assertThat(JSON.readTree(response.body()).path("instance").asString()).isEqualTo("/households/h-jiyang");
  }

  @Test
  void theOpenApiDocumentDoesNotListTheErrorPage() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs", null);

    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(docs.body()).path("paths").has("/households/{id}")).isTrue();
    assertThat(JSON.readTree(docs.body()).path("paths").has("/error")).isFalse();
  }

  @Test
  void machineClientWithoutTheScopeIs403AndWithItIs200() throws Exception {
    assertProblem(get("/households/h-jiyang", TestTokens.client("police", "deaths:write")), 403, "forbidden");

    HttpResponse<String> response = get("/deaths", TestTokens.client("police", "deaths:write"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("kind").asString()).isEqualTo("CLIENT");
  }

  @Test
  void caseworkerReadsHouseholdOfOwnTownship() throws Exception {
    HttpResponse<String> response = get("/households/h-jiyang",
        TestTokens.staff("wang.fang", Role.TOWNSHIP_CASEWORKER, JIYANG));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("region").asString()).isEqualTo("330681001004");
    assertThat(body.path("readBy").asString()).isEqualTo("wang.fang");
  }

  @Test
  void caseworkerOfAnotherTownshipGets404NotForbidden() throws Exception {
    HttpResponse<String> response = get("/households/h-jiyang",
        TestTokens.staff("zhao.lei", Role.TOWNSHIP_CASEWORKER, DIANKOU));

    assertProblem(response, 404, "not-found");
  }

  @Test
  void countyOfficerReadsEveryTownshipOfTheCounty() throws Exception {
    String token = TestTokens.staff("chen.jing", Role.COUNTY_OFFICER, "330681");

    assertThat(get("/households/h-jiyang", token).statusCode()).isEqualTo(200);
    assertThat(get("/households/h-diankou", token).statusCode()).isEqualTo(200);
  }

  @Test
  void idNumbersAreWrittenInFullOnlyForRolesThatNeedThem() throws Exception {
    String caseworker = TestTokens.staff("wang.fang", Role.TOWNSHIP_CASEWORKER, JIYANG);
    String assistant = TestTokens.staff("li.na", Role.VILLAGE_ASSISTANT, JIYANG + "001");

    assertThat(JSON.readTree(get("/persons/p-1", caseworker).body()).path("idNumber").asString())
        .isEqualTo(PersonResponse.ID_NUMBER);
    assertThat(JSON.readTree(get("/persons/p-1", assistant).body()).path("idNumber").asString())
        .isEqualTo("330681********0015");
  }

  @Test
  void healthIsOpen() throws Exception {
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("code").asString()).isEqualTo(code);
    assertThat(body.path("type").asString()).isEqualTo("urn:civil-affairs:problem:" + code);
  }

  /** A response with an ID number, masked per role by {@link RoleMaskingPolicy}. */
  record PersonResponse(String id, @Masked(MaskType.NATIONAL_ID_NUMBER) String idNumber) {
    static final String ID_NUMBER = "330681199001010015";
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(HouseholdController.class)
  static class SecuredApplication {
  }

  /** Stands in for a service's controller: role per endpoint, area per object. */
  @RestController
  static class HouseholdController {

    private static final Map<String, String> REGION_OF_HOUSEHOLD = Map.of(
        "h-jiyang", "330681001004", "h-diankou", "330681104001");

    @GetMapping("/households/{id}")
    @PreAuthorize("hasAnyRole('TOWNSHIP_CASEWORKER', 'COUNTY_OFFICER')")
    Map<String, String> household(@PathVariable String id, Caller caller) {
      String region = REGION_OF_HOUSEHOLD.get(id);
      if (region == null || !caller.regionScope().covers(region)) {
        throw ProblemException.notFound("Household", id);
      }
      return Map.of("id", id, "region", region, "readBy", caller.id());
    }

    @GetMapping("/persons/{id}")
    @PreAuthorize("hasAnyRole('TOWNSHIP_CASEWORKER', 'VILLAGE_ASSISTANT')")
    PersonResponse person(@PathVariable String id) {
      return new PersonResponse(id, PersonResponse.ID_NUMBER);
    }

    @GetMapping("/deaths")
    @PreAuthorize("hasAuthority('SCOPE_deaths:write')")
    Map<String, String> deaths(Caller caller) {
      return Map.of("kind", caller.kind().name());
    }
  }
}
