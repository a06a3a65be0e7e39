package gov.civilaffairs.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.registry.RegistryIntegrationTest;

/**
 * Who may do what in the registry (issue 3; docs/security.md, table of endpoints): real tokens over
 * HTTP, 401/403 as problem+json, the caller's area per person, no mass assignment.
 */
class RegistrySecurityIT extends RegistryIntegrationTest {

  /** 店口镇: a township of the same county (诸暨市 330681) as the persons' 暨阳街道. */
  private static final String OTHER_TOWNSHIP_CASEWORKER =
      TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");

  @Test
  void withoutATokenEveryEndpointAnswers401ProblemJson() throws Exception {
    long personId = createPerson(newIdNumber(), "赵一");

    assertProblem(get(null, "/persons/" + personId), 401, "unauthorized");
    assertProblem(post(null, "/deaths", Map.of()), 401, "unauthorized");
  }

  @Test
  void aRoleWithoutRightsGets403AndChangesNothing() throws Exception {
    String idNumber = newIdNumber();
    long personId = createPerson(idNumber, "钱二");
    String operations = TestTokens.staff("operations", Role.OPERATIONS, null);

    assertProblem(get(operations, "/persons/" + personId), 403, "forbidden");
    assertProblem(reportDeathAs(TestTokens.staff("jiangdong-assistant", Role.VILLAGE_ASSISTANT, "330681001001"),
        idNumber), 403, "forbidden");
    assertThat(json(get("/persons/" + personId)).path("status").asString()).isEqualTo("LIVING");
  }

  @Test
  void aCallerWithoutTheRoleGets403EvenForABadBodyAndTheRefusalIsAudited() throws Exception {
    String assistant = TestTokens.staff("jiangdong-assistant", Role.VILLAGE_ASSISTANT, "330681001001");

    HttpResponse<String> invalid = post(assistant, "/deaths", Map.of("nationalIdNumber", "not-a-number"));
    HttpResponse<String> unreadable = send(assistant, "/deaths/7/rejection", "application/json", "{not json");

    assertProblem(invalid, 403, "forbidden");
    assertProblem(unreadable, 403, "forbidden");
    assertThat(jdbc.queryForList("SELECT action, object_type, object_id, outcome FROM audit_entry"
        + " WHERE actor_id = 'jiangdong-assistant' AND object_id = '7'")).singleElement().satisfies(entry ->
        assertThat(entry).containsEntry("action", "UPDATE").containsEntry("object_type", "death-record")
            .containsEntry("outcome", "DENIED"));
    assertProblem(post("/deaths", Map.of("nationalIdNumber", "not-a-number")), 400, "validation-failed");
  }

  @Test
  void onlySupervisorsDecideOnHeldDeathRecords() throws Exception {
    String idNumber = newIdNumber();
    createPerson(idNumber, "孙三");
    long recordId = json(reportDeath(idNumber, "孙三", "CASEWORKER", "CW-" + idNumber, "2025-06-01"))
        .at("/deathRecord/id").asLong();

    assertProblem(post("/deaths/" + recordId + "/rejection", Map.of("supervisor", "x", "reason", "test")),
        403, "forbidden");
    assertThat(json(get("/deaths/" + recordId)).path("status").asString()).isEqualTo("HELD_FOR_REVIEW");
  }

  @Test
  void aCaseworkerOfAnotherTownshipGets404AndTheCountyOfficerSeesThePerson() throws Exception {
    String idNumber = newIdNumber();
    long personId = createPerson(idNumber, "李四");

    assertProblem(get(OTHER_TOWNSHIP_CASEWORKER, "/persons/" + personId), 404, "not-found");
    assertProblem(get(OTHER_TOWNSHIP_CASEWORKER, "/persons?nationalIdNumber=" + idNumber), 404, "not-found");
    assertThat(get(CASEWORKER, "/persons/" + personId).statusCode()).isEqualTo(200);
    assertThat(get(SUPERVISOR, "/persons/" + personId).statusCode()).isEqualTo(200);
    assertThat(get(SUPERVISOR, "/persons?nationalIdNumber=" + idNumber).statusCode()).isEqualTo(200);
  }

  @Test
  void aMachineClientWithDeathsWriteReportsADeathButCannotReadPersons() throws Exception {
    String idNumber = newIdNumber();
    long personId = createPerson(idNumber, "周五");
    String police = TestTokens.client("police", "deaths:write");

    HttpResponse<String> reported = reportDeathAs(police, idNumber);

    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    assertProblem(get(police, "/persons/" + personId), 403, "forbidden");
    assertThat(get(TestTokens.client("data-sharing-platform", "persons:read"), "/persons/" + personId).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aVillageAssistantSeesTheIdNumberMaskedAndACaseworkerInFull() throws Exception {
    String idNumber = newIdNumber();
    long personId = createPerson(idNumber, "陶八");
    String assistant = TestTokens.staff("jiangdong-assistant", Role.VILLAGE_ASSISTANT, "330681001001");

    assertThat(json(get(assistant, "/persons/" + personId)).path("nationalIdNumber").asString())
        .isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
    assertThat(json(get("/persons/" + personId)).path("nationalIdNumber").asString()).isEqualTo(idNumber);
  }

  @Test
  void aStatusInACreateRequestIsIgnored() throws Exception {
    HttpResponse<String> response = post("/persons", Map.of("nationalIdNumber", newIdNumber(), "name", "吴六",
        "regionCode", "330681001001", "status", "DECEASED", "id", 1));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(json(response).path("status").asString()).isEqualTo("LIVING");
    long personId = json(response).path("id").asLong();
    assertThat(jdbc.queryForObject("SELECT status FROM person WHERE id = ?", String.class, personId))
        .isEqualTo("LIVING");
  }

  private HttpResponse<String> reportDeathAs(String token, String idNumber) throws Exception {
    return post(token, "/deaths", Map.of("nationalIdNumber", idNumber, "name", "某", "dateOfDeath", "2025-06-01",
        "source", "HUKOU_CANCELLATION", "sourceReference", "PSB-" + idNumber));
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).path("code").asString()).isEqualTo(code);
  }
}
