package gov.civilaffairs.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.registry.RegistryIntegrationTest;

/**
 * Every call of a machine client writes one audit entry (issue 3; docs/audit.md), through the
 * platform's client-call filter when the endpoint records none itself; if the entry cannot be
 * written, the client gets 503 instead of the answer.
 */
class ClientCallAuditIT extends RegistryIntegrationTest {

  private static final String POLICE = TestTokens.client("police", "deaths:write");

  @Test
  void aClientCallToAnEndpointWithoutItsOwnEntryIsRecordedWithClientScopesRouteAndOutcome() throws Exception {
    HttpResponse<String> docs = get(POLICE, "/v3/api-docs");
    assertThat(docs.statusCode()).isEqualTo(200);

    Map<String, Object> entry = onlyEntryOf(docs);
    assertThat(entry).containsEntry("actor_id", "police").containsEntry("actor_kind", "CLIENT")
        .containsEntry("actor_roles", "EXTERNAL_SYSTEM").containsEntry("actor_scopes", "deaths:write")
        .containsEntry("action", "CALL").containsEntry("object_type", "http-request")
        .containsEntry("object_id", "GET /v3/api-docs").containsEntry("outcome", "SUCCESS");
  }

  @Test
  void theOutcomeFollowsTheStatusAndUnmatchedPathsAreRecordedAsCalled() throws Exception {
    HttpResponse<String> unmapped = get(POLICE, "/no-such-endpoint");
    HttpResponse<String> refused = get(POLICE, "/audit-entries");

    assertThat(unmapped.statusCode()).isEqualTo(404);
    assertThat(onlyEntryOf(unmapped)).containsEntry("object_id", "GET /no-such-endpoint")
        .containsEntry("outcome", "NOT_FOUND");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(onlyEntryOf(refused)).containsEntry("object_id", "GET /audit-entries")
        .containsEntry("outcome", "DENIED").containsEntry("action", "CALL");
  }

  @Test
  void anEndpointThatRecordsItsOwnEntryGetsNoSecondOne() throws Exception {
    String idNumber = newIdNumber();
    createPerson(idNumber, "冯九");

    HttpResponse<String> reported = post(POLICE, "/deaths", Map.of("nationalIdNumber", idNumber, "name", "冯九",
        "dateOfDeath", "2025-06-01", "source", "HUKOU_CANCELLATION", "sourceReference", "PSB-" + idNumber));
    HttpResponse<String> denied = get(POLICE, "/deaths/review-queue");

    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    assertThat(onlyEntryOf(reported)).containsEntry("action", "CREATE").containsEntry("object_type", "death-record")
        .containsEntry("actor_scopes", "deaths:write").containsEntry("outcome", "SUCCESS");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(onlyEntryOf(denied)).containsEntry("action", "READ").containsEntry("outcome", "DENIED");
  }

  @Test
  void staffCallsAreNotRecordedByTheFilter() throws Exception {
    HttpResponse<String> docs = get(TestTokens.staff("city-admin", Role.CITY_ADMINISTRATOR, null), "/v3/api-docs");

    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(entriesOf(docs)).isEmpty();
  }

  @Test
  void whenTheAuditStoreFailsTheClientGets503AndNotTheAnswer() throws Exception {
    jdbc.execute("RENAME TABLE audit_entry TO audit_entry_unavailable");
    HttpResponse<String> docs;
    try {
      docs = get(POLICE, "/v3/api-docs");
    } finally {
      jdbc.execute("RENAME TABLE audit_entry_unavailable TO audit_entry");
    }

    assertThat(docs.statusCode()).isEqualTo(503);
    assertThat(docs.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(docs).path("code").asString()).isEqualTo("audit-unavailable");
    assertThat(docs.body()).doesNotContain("openapi");
    assertThat(docs.headers().firstValue("X-Correlation-Id")).isPresent();
  }

  private Map<String, Object> onlyEntryOf(HttpResponse<String> response) {
    List<Map<String, Object>> entries = entriesOf(response);
    assertThat(entries).as("entries of correlation id of %s", response.uri()).hasSize(1);
    return entries.get(0);
  }

  private List<Map<String, Object>> entriesOf(HttpResponse<String> response) {
    String correlationId = response.headers().firstValue("X-Correlation-Id").orElseThrow();
    return jdbc.queryForList("SELECT actor_id, actor_kind, actor_roles, actor_scopes, action, object_type, object_id,"
        + " outcome FROM audit_entry WHERE correlation_id = ? ORDER BY id", correlationId);
  }
}
