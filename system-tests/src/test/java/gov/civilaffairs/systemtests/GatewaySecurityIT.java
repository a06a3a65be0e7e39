package gov.civilaffairs.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 3, "Done when", through the gateway with real tokens of the auth-server (docs/security.md, demo
 * clients and staff; QUALITY.md, Security; OWASP API Security Top 10 2023: API1 object-level and API5
 * function-level authorization, API3 mass assignment, API4 resource consumption).
 */
@ExtendWith(RunningSystem.class)
class GatewaySecurityIT {

  /** 店口镇 (330681104), a township other than 暨阳街道 (330681001) of {@code jiyang-caseworker}. */
  private static final String DIANKOU_VILLAGE = "330681104004";

  private static Api api;
  private static Tokens tokens;

  @BeforeAll
  static void connect(SystemUnderTest system) {
    api = system.api();
    tokens = system.tokens();
  }

  @Test
  void aCallWithoutATokenIsAnswered401WithProblemJson() {
    Api.Response response = api.get("/api/relief/households", null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Bearer"));
  }

  @Test
  void aTokenTheAuthServerDidNotSignIsAnswered401() {
    String forged = tokens.client("police");
    forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

    Api.Response response = api.get("/api/registry/persons/1", forged);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aMachineClientWithDeathsWriteCanReportADeath() {
    Beneficiary person = Beneficiary.enrol(api, tokens.staff("city-admin"));

    Api.Response response = api.post("/api/registry/deaths", tokens.client("data-sharing-platform"), Map.of(
        "nationalIdNumber", person.nationalIdNumber(), "name", person.name(), "dateOfDeath", "2026-04-02",
        "source", "HUKOU_CANCELLATION", "sourceReference", "DSP-" + person.personId()));

    assertThat(response.status()).as("%s", response).isEqualTo(201);
    assertThat(response.json().path("outcome").asString()).isEqualTo("ACCEPTED");
  }

  @Test
  void statusAndAmountsInACreateRequestAreIgnored() {
    String caseworker = tokens.staff("city-admin");
    String idNumber = NationalIdNumbers.next();
    indexInRegistry(idNumber, "钱秀珍", Beneficiary.REGION_CODE);
    Map<String, Object> request = new HashMap<>(Beneficiary.household(Beneficiary.REGION_CODE, idNumber, "钱秀珍"));
    request.put("headRequired", true);
    request.put("allowance", Map.of("status", "TERMINATED", "currentAmount", "99999.00", "endMonth", "2026-02"));
    request.put("id", 1);

    Api.Response created = api.post("/api/relief/households", caseworker, request);

    assertThat(created.status()).as("%s", created).isEqualTo(201);
    long id = created.json().path("id").asLong();
    var household = api.get("/api/relief/households/" + id, caseworker).json();
    assertThat(household.path("headRequired").asBoolean()).isFalse();
    assertThat(household.path("allowance").path("status").asString()).isEqualTo("ACTIVE");
    assertThat(household.path("allowance").path("endMonth").isNull()).isTrue();
    assertThat(household.path("allowance").path("currentAmount").decimalValue())
        .as("the difference method's amount, not the caller's").isNotEqualByComparingTo("99999.00");
  }

  @Test
  void aClientOverItsRateLimitIsAnswered429WithRetryAfter() {
    String token = tokens.client(SystemUnderTest.RATE_LIMITED_CLIENT);

    List<Api.Response> responses = List.of(api.get("/api/registry/persons/1", token),
        api.get("/api/registry/persons/1", token), api.get("/api/registry/persons/1", token));

    assertThat(responses.get(0).status()).isNotEqualTo(429);
    Api.Response limited = responses.get(2);
    assertThat(limited.status()).as("%s", limited).isEqualTo(429);
    assertThat(limited.contentType()).startsWith("application/problem+json");
    assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
  }

  @Test
  void aRoleWithoutRightsIsAnswered403() {
    Api.Response response = api.get("/api/relief/households", tokens.staff("operations"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aTownshipCaseworkerCannotSeeAnotherTownshipsHouseholdButTheCountyOfficerCan() {
    String head = NationalIdNumbers.next();
    indexInRegistry(head, "孙桂兰", DIANKOU_VILLAGE);
    Api.Response created = api.post("/api/relief/households", tokens.staff("diankou-caseworker"),
        Beneficiary.household(DIANKOU_VILLAGE, head, "孙桂兰"));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String household = "/api/relief/households/" + created.json().path("id").asLong();
    String jiyang = tokens.staff("jiyang-caseworker");

    assertThat(api.get(household, jiyang).status()).isEqualTo(404);
    assertThat(api.get("/api/relief/households?size=200", jiyang).json())
        .noneSatisfy(listed -> assertThat(listed.path("regionCode").asString()).isEqualTo(DIANKOU_VILLAGE));
    assertThat(api.send(api.request(household + "/head", jiyang).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"nationalIdNumber\":\"" + head + "\"}"))).status())
        .isEqualTo(404);
    assertThat(api.get(household, tokens.staff("zhuji-officer")).status()).isEqualTo(200);
  }

  @Test
  void aMachineClientWithDeathsWriteCannotReadHouseholds() {
    assertThat(api.get("/api/relief/households", tokens.client("police")).status()).isEqualTo(403);
  }

  /** relief-service enrols only persons of the registry's person index (it asks the registry at intake). */
  private void indexInRegistry(String idNumber, String name, String regionCode) {
    Api.Response indexed = api.post("/api/registry/persons", tokens.staff("city-admin"),
        Map.of("nationalIdNumber", idNumber, "name", name, "regionCode", regionCode));
    assertThat(indexed.status()).as("%s", indexed).isEqualTo(201);
  }
}
