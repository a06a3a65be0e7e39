package gov.civilaffairs.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.registry.RegistryIntegrationTest;

/**
 * A death report's source is bound to its reporter (registry.death-sources; docs/security.md): a
 * mismatch is 403 problem+json naming the source and records nothing.
 */
class DeathSourceBindingIT extends RegistryIntegrationTest {

  private static final String HOSPITAL = TestTokens.client("hospital", "deaths:write");

  @Test
  void aHospitalCannotReportAHukouCancellation() throws Exception {
    String idNumber = newIdNumber();
    createPerson(idNumber, "韩一");

    HttpResponse<String> refused = report(HOSPITAL, idNumber, "HUKOU_CANCELLATION");

    assertSourceNotAllowed(refused, "HUKOU_CANCELLATION");
    assertThat(deathRecordsOf(idNumber)).isZero();
    assertThat(json(get("/persons?nationalIdNumber=" + idNumber)).path("status").asString()).isEqualTo("LIVING");
    assertThat(report(HOSPITAL, idNumber, "MEDICAL_CERTIFICATE").statusCode()).isEqualTo(201);
  }

  @Test
  void staffReportOnlyCaseworkerEntriesAndCourtDeclarations() throws Exception {
    String idNumber = newIdNumber();
    createPerson(idNumber, "韩二");

    assertSourceNotAllowed(report(CASEWORKER, idNumber, "CREMATION"), "CREMATION");
    assertThat(deathRecordsOf(idNumber)).isZero();
    assertThat(report(CASEWORKER, idNumber, "COURT_DECLARATION").statusCode()).isEqualTo(201);
  }

  @Test
  void aClientWithoutConfiguredSourcesReportsNothingAndTheDataSharingPlatformReportsAll() throws Exception {
    String idNumber = newIdNumber();
    createPerson(idNumber, "韩三");

    assertSourceNotAllowed(report(TestTokens.client("unknown-system", "deaths:write"), idNumber, "CASEWORKER"),
        "CASEWORKER");
    assertThat(report(TestTokens.client("data-sharing-platform", "deaths:write"), idNumber, "CREMATION").statusCode())
        .isEqualTo(201);
  }

  @Test
  void aDciNotifyFromAFuneralHomeIsRefusedBeforeAnyEventIsRead() throws Exception {
    String idNumber = newIdNumber();
    createPerson(idNumber, "韩四");
    Map<String, Object> envelope = Map.of(
        "header", Map.of("version", "1.0.0", "message_id", "m-" + idNumber, "action", "notify"),
        "message", Map.of("transaction_id", "t-" + idNumber, "notify_event", List.of(Map.of(
            "reference_id", "DCI-" + idNumber,
            "data", Map.of("reg_event_type", "spdci-common:RegistryEventType:Death", "reg_records", Map.of(
                "identifier", Map.of("identifier_type", "UIN", "identifier_value", idNumber),
                "name", "韩四", "death_date", "2025-06-30"))))));

    assertSourceNotAllowed(post(TestTokens.client("funeral-home", "deaths:write"), "/registry/notify", envelope),
        "HUKOU_CANCELLATION");
    assertThat(deathRecordsOf(idNumber)).isZero();
    assertThat(post(POLICE, "/registry/notify", envelope).statusCode()).isEqualTo(200);
    assertThat(deathRecordsOf(idNumber)).isEqualTo(1);
  }

  private HttpResponse<String> report(String token, String idNumber, String source) throws Exception {
    return post(token, "/deaths", Map.of("nationalIdNumber", idNumber, "name", "某", "dateOfDeath", "2025-06-01",
        "source", source, "sourceReference", source + "-" + idNumber));
  }

  private long deathRecordsOf(String idNumber) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM death_record WHERE national_id_number = ?", Long.class, idNumber);
  }

  private static void assertSourceNotAllowed(HttpResponse<String> response, String source) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).path("code").asString()).isEqualTo("source-not-allowed");
    assertThat(json(response).path("source").asString()).isEqualTo(source);
    assertThat(json(response).path("detail").asString()).contains(source);
    assertThat(json(response).at("/errors/0/field").asString()).isEqualTo("source");
  }
}
