package gov.civilaffairs.veterans.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.veterans.RegistryEvents;
import gov.civilaffairs.veterans.RestClientSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Certificates and the evidence for the category over REST with real tokens: evidence recorded as references
 * until complete, a certificate issued, retried, replaced; a death revokes 优待证 but leaves 烈士证明书 with the
 * family, and the revocation of the death record restores it; another township sees nothing; bad input changes
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka
@Import(TestTokenConfiguration.class)
class CertificateIT {

  private static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  private static final String OTHER_TOWNSHIP = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  CloudEventPublisher cloudEvents;
  @Autowired
  KafkaAdmin kafkaAdmin;

  RestClientSupport api;

  @BeforeEach
  void client() {
    api = new RestClientSupport(port);
  }

  @Test
  void aCertificateIsIssuedOnceTheEvidenceIsCompleteAndReplacedWithANewNumber() {
    String person = api.register("DISABLED_VETERAN", 4, "WAR", "3100.00", "2020-01", "330681001001");
    String number = "浙A" + RegistryEvents.nextId();

    HttpResponse<String> early = issue(person, "DISABLED_VETERAN_CERTIFICATE", number, "2026-03-02", CASEWORKER);
    assertThat(early.statusCode()).as(early.body()).isEqualTo(422);
    assertThat(RestClientSupport.json(early).path("code").asString()).isEqualTo("evidence-incomplete");

    HttpResponse<String> discharge = evidence(person, "DISCHARGE_CERTIFICATE", "退字第0012号", CASEWORKER);
    assertThat(discharge.statusCode()).as(discharge.body()).isEqualTo(201);
    HttpResponse<String> again = evidence(person, "DISCHARGE_CERTIFICATE", "退字第0012号", CASEWORKER);
    assertThat(again.statusCode()).as("the same reference again").isEqualTo(200);
    assertThat(RestClientSupport.json(again).path("id").asLong())
        .isEqualTo(RestClientSupport.json(discharge).path("id").asLong());
    JsonNode file = RestClientSupport.json(api.send("GET", "/entitled-persons/" + person + "/evidence", null, CASEWORKER));
    assertThat(file.path("missing").valueStream().map(JsonNode::asString)).containsExactly("DISABILITY_ASSESSMENT");
    assertThat(file.path("documents").size()).isEqualTo(1);
    assertThat(evidence(person, "DISABILITY_ASSESSMENT", "浙残评〔2019〕0231号", CASEWORKER).statusCode()).isEqualTo(201);

    assertThat(code(issue(person, "MARTYR_CERTIFICATE", number, "2026-03-02", CASEWORKER))).isEqualTo("certificate-type");
    assertThat(code(issue(person, "DISABLED_VETERAN_CERTIFICATE", number, "2099-01-01", CASEWORKER))).isEqualTo("issued-on");
    assertThat(certificateRows(person)).isZero();

    HttpResponse<String> issued = issue(person, "DISABLED_VETERAN_CERTIFICATE", number, "2026-03-02", CASEWORKER);
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    JsonNode certificate = RestClientSupport.json(issued);
    assertThat(certificate.path("status").asString()).isEqualTo("VALID");
    assertThat(certificate.path("issuedBy").asString()).isEqualTo("jiyang-caseworker");
    long id = certificate.path("id").asLong();
    HttpResponse<String> retried = issue(person, "DISABLED_VETERAN_CERTIFICATE", number, "2026-03-02", CASEWORKER);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(RestClientSupport.json(retried).path("id").asLong()).isEqualTo(id);
    assertThat(code(issue(person, "DISABLED_VETERAN_CERTIFICATE", number + "9", "2026-03-02", CASEWORKER)))
        .isEqualTo("certificate-exists");

    assertThat(code(replace(id, number, CASEWORKER))).as("a number in use").isEqualTo("certificate-number-taken");
    assertThat(statusOf(id)).as("nothing changed").isEqualTo("VALID");
    HttpResponse<String> replaced = replace(id, number + "R", CASEWORKER);
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(201);
    JsonNode replacement = RestClientSupport.json(replaced);
    assertThat(replacement.path("replacesId").asLong()).isEqualTo(id);
    assertThat(replacement.path("replacementReason").asString()).isEqualTo("LOST");
    assertThat(statusOf(id)).isEqualTo("REPLACED");
    assertThat(RestClientSupport.json(replace(id, number + "R", CASEWORKER)).path("id").asLong())
        .as("retried replacement").isEqualTo(replacement.path("id").asLong());
    assertThat(code(replace(id, number + "S", CASEWORKER))).isEqualTo("certificate-not-valid");
    assertThat(certificateRows(person)).isEqualTo(2);

    assertThat(api.send("GET", "/entitled-persons/" + person + "/certificates", null, OTHER_TOWNSHIP).statusCode())
        .isEqualTo(404);
    assertThat(api.send("GET", "/entitled-persons/" + person + "/evidence", null, OTHER_TOWNSHIP).statusCode())
        .isEqualTo(404);
    assertThat(replace(replacement.path("id").asLong(), number + "T", OTHER_TOWNSHIP).statusCode()).isEqualTo(404);
    assertThat(evidence(person, "OTHER", "x", OTHER_TOWNSHIP).statusCode()).isEqualTo(404);
    assertThat(certificateRows(person)).isEqualTo(2);
  }

  @Test
  void aDeathRevokesThePreferentialTreatmentCertificateButNotTheMartyrCertificateAndRevocationRestoresIt()
      throws Exception {
    String person = api.register("MARTYR_SURVIVOR", null, null, "1600.00", "2020-01", "330681001001");
    evidence(person, "MARTYR_APPROVAL", "浙政烈〔1979〕12号", CASEWORKER);
    evidence(person, "KINSHIP_PROOF", "户口簿 330681001001-0042", CASEWORKER);
    long martyr = RestClientSupport.json(issue(person, "MARTYR_CERTIFICATE", "LS" + RegistryEvents.nextId(),
        "2020-05-01", CASEWORKER)).path("id").asLong();
    long preferential = RestClientSupport.json(issue(person, "PREFERENTIAL_TREATMENT_CERTIFICATE",
        "YD" + RegistryEvents.nextId(), "2023-08-01", CASEWORKER)).path("id").asLong();

    long personId = RegistryEvents.nextId();
    long deathRecordId = RegistryEvents.nextId();
    RegistryEvents registry = new RegistryEvents(cloudEvents, kafkaAdmin);
    registry.deceased(personId, deathRecordId, person, "2026-07-08");

    Map<Long, JsonNode> certificates = certificates(person);
    assertThat(certificates.get(martyr).path("status").asString()).isEqualTo("VALID");
    assertThat(certificates.get(preferential).path("status").asString()).isEqualTo("REVOKED");
    assertThat(certificates.get(preferential).path("revokedByDeathRecordId").asLong()).isEqualTo(deathRecordId);
    assertThat(code(replace(martyr, "LS" + RegistryEvents.nextId(), CASEWORKER))).isEqualTo("person-deceased");

    registry.revoked(personId, deathRecordId);
    certificates = certificates(person);
    assertThat(certificates.get(preferential).path("status").asString()).isEqualTo("VALID");
    assertThat(certificates.get(preferential).path("revokedByDeathRecordId").isNull()).isTrue();
    assertThat(certificates.get(martyr).path("status").asString()).isEqualTo("VALID");
  }

  @Test
  void invalidFieldsAreAnsweredWithProblemJsonNamingTheField() {
    String person = api.register("DEMOBILISED_VETERAN", "900.00", "2020-01");
    HttpResponse<String> response = api.send("POST", "/entitled-persons/" + person + "/certificates",
        Map.of("type", "PREFERENTIAL_TREATMENT_CERTIFICATE", "number", "bad number!", "issuedOn", "2026-01-01"),
        CASEWORKER);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("number");
    assertThat(api.send("POST", "/entitled-persons/" + person + "/certificates",
        Map.of("type", "NO_SUCH_TYPE", "number", "A1", "issuedOn", "2026-01-01"), CASEWORKER).statusCode())
        .isEqualTo(400);
    assertThat(certificateRows(person)).isZero();
  }

  private HttpResponse<String> issue(String person, String type, String number, String issuedOn, String token) {
    return api.send("POST", "/entitled-persons/" + person + "/certificates",
        Map.of("type", type, "number", number, "issuedOn", issuedOn), token);
  }

  private HttpResponse<String> replace(long id, String number, String token) {
    return api.send("POST", "/certificates/" + id + "/replacement",
        Map.of("number", number, "issuedOn", "2026-09-01", "reason", "LOST"), token);
  }

  private HttpResponse<String> evidence(String person, String type, String reference, String token) {
    return api.send("POST", "/entitled-persons/" + person + "/evidence", Map.of("documentType", type,
        "reference", reference, "issuingAuthority", "浙江省退役军人事务厅", "issuedOn", "2019-05-20"), token);
  }

  private Map<Long, JsonNode> certificates(String person) {
    Map<Long, JsonNode> byId = new HashMap<>();
    api.get("/entitled-persons/" + person + "/certificates").forEach(c -> byId.put(c.path("id").asLong(), c));
    return byId;
  }

  private static String code(HttpResponse<String> response) {
    return RestClientSupport.json(response).path("code").asString();
  }

  private String statusOf(long id) {
    return jdbc.sql("SELECT status FROM certificate WHERE id = ?").param(id).query(String.class).single();
  }

  private int certificateRows(String idNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM certificate c JOIN entitled_person p ON p.id = c.entitled_person_id "
        + "WHERE p.national_id_number = ?").param(idNumber).query(Integer.class).single();
  }
}
