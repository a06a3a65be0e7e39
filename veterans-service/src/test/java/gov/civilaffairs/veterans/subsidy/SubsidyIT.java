package gov.civilaffairs.veterans.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.veterans.RestClientSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * One-off medical and hardship subsidies over REST with real tokens: approval by amount tier, a duplicate
 * for the same person, type and date refused, another township's person invisible, bad input refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka
@Import(TestTokenConfiguration.class)
class SubsidyIT {

  private static final String CASEWORKER = TestTokens.staff("caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  private static final String OTHER_TOWNSHIP = TestTokens.staff("other", Role.TOWNSHIP_CASEWORKER, "330681002");
  private static final String COUNTY = TestTokens.staff("county", Role.COUNTY_OFFICER, "330681");

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  RestClientSupport api;

  @BeforeEach
  void client() {
    api = new RestClientSupport(port);
  }

  @Test
  void aSmallSubsidyIsApprovedByTheTownshipAndADuplicateForTheSameCauseAndDateIsRefused() {
    String person = api.register("DISABLED_VETERAN", 5, "DUTY", "2100.00", "2020-01", "330681001001");
    HttpResponse<String> granted = grant(person, CASEWORKER, "OUTPATIENT_MEDICAL", "2026-06-18", "800.00");
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
    JsonNode subsidy = RestClientSupport.json(granted);
    assertThat(subsidy.path("status").asString()).isEqualTo("APPROVED");
    assertThat(subsidy.path("approvedBy").asString()).isEqualTo("caseworker");
    assertThat(subsidy.path("amount").decimalValue()).isEqualByComparingTo("800.00");

    HttpResponse<String> duplicate = grant(person, CASEWORKER, "OUTPATIENT_MEDICAL", "2026-06-18", "300.00");
    assertThat(duplicate.statusCode()).isEqualTo(409);
    assertThat(RestClientSupport.json(duplicate).path("code").asString()).isEqualTo("subsidy-exists");
    assertThat(grant(person, CASEWORKER, "INPATIENT_MEDICAL", "2026-06-18", "900.00").statusCode())
        .as("another type on the same date").isEqualTo(201);
    assertThat(rowsOf(person)).isEqualTo(2);
  }

  @Test
  void aSubsidyAboveTheTownshipLimitWaitsForTheCountyAndIsPaidOnlyOnceApproved() {
    String person = api.register("MARTYR_SURVIVOR", "1500.00", "2020-01");
    JsonNode pending = RestClientSupport.json(grant(person, CASEWORKER, "INPATIENT_MEDICAL", "2026-05-02", "4800.00"));
    assertThat(pending.path("status").asString()).isEqualTo("PENDING_APPROVAL");
    long id = pending.path("id").asLong();

    assertThat(api.send("POST", "/subsidies/" + id + "/payment", null, CASEWORKER).statusCode()).isEqualTo(409);
    HttpResponse<String> overLimit = api.send("POST", "/subsidies/" + id + "/approval", null, CASEWORKER);
    assertThat(overLimit.statusCode()).isEqualTo(403);
    assertThat(RestClientSupport.json(overLimit).path("code").asString()).isEqualTo("approval-limit");
    HttpResponse<String> approved = api.send("POST", "/subsidies/" + id + "/approval", null, COUNTY);
    assertThat(RestClientSupport.json(approved).path("status").asString()).isEqualTo("APPROVED");
    assertThat(RestClientSupport.json(approved).path("approvedBy").asString()).isEqualTo("county");
    HttpResponse<String> paid = api.send("POST", "/subsidies/" + id + "/payment", null, CASEWORKER);
    assertThat(RestClientSupport.json(paid).path("status").asString()).isEqualTo("PAID");
    assertThat(RestClientSupport.json(api.send("POST", "/subsidies/" + id + "/payment", null, CASEWORKER))
        .path("paidAt")).as("idempotent").isEqualTo(RestClientSupport.json(paid).path("paidAt"));
  }

  @Test
  void anotherTownshipCannotSeeThePersonAndBadInputChangesNothing() {
    String person = api.register("DEMOBILISED_VETERAN", "900.00", "2020-01");
    assertThat(grant(person, OTHER_TOWNSHIP, "TEMPORARY_HARDSHIP", "2026-03-01", "500.00").statusCode()).isEqualTo(404);
    assertThat(api.send("GET", "/entitled-persons/" + person + "/subsidies", null, OTHER_TOWNSHIP).statusCode())
        .isEqualTo(404);
    HttpResponse<String> tooMuch = grant(person, COUNTY, "TEMPORARY_HARDSHIP", "2026-03-01", "5000.01");
    assertThat(tooMuch.statusCode()).isEqualTo(422);
    assertThat(RestClientSupport.json(tooMuch).path("code").asString()).isEqualTo("amount-above-maximum");
    HttpResponse<String> future = grant(person, COUNTY, "TEMPORARY_HARDSHIP", "2099-01-01", "500.00");
    assertThat(RestClientSupport.json(future).path("code").asString()).isEqualTo("cause-date");
    HttpResponse<String> noReason = api.send("POST", "/entitled-persons/" + person + "/subsidies",
        Map.of("type", "TEMPORARY_HARDSHIP", "causeDate", "2026-03-01", "amount", "500.00"), COUNTY);
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(api.send("GET", "/entitled-persons/" + person + "/subsidies", null,
        TestTokens.staff("auditor", Role.AUDITOR, null)).statusCode()).isEqualTo(200);
    assertThat(grant(person, TestTokens.staff("auditor", Role.AUDITOR, null), "TEMPORARY_HARDSHIP", "2026-03-01",
        "500.00").statusCode()).isEqualTo(403);
    assertThat(rowsOf(person)).isZero();
  }

  @Test
  void aLaidOffDisabledVeteranGetsTheInsuranceSubsidiesOnceAYearWithProofOfTheLayOff() {
    String demobilised = api.register("DEMOBILISED_VETERAN", "900.00", "2020-01");
    assertThat(code(grant(demobilised, CASEWORKER, "SOCIAL_INSURANCE", "2026-01-01", "600.00")))
        .as("disabled veterans only").isEqualTo("not-eligible");

    String veteran = api.register("DISABLED_VETERAN", 7, "DUTY", "1800.00", "2020-01", "330681001001");
    assertThat(code(grant(veteran, CASEWORKER, "SOCIAL_INSURANCE", "2026-01-01", "6000.00")))
        .isEqualTo("evidence-missing");
    HttpResponse<String> proof = api.send("POST", "/entitled-persons/" + veteran + "/evidence",
        Map.of("documentType", "LAYOFF_PROOF", "reference", "诸人社失业〔2025〕0311号",
            "issuingAuthority", "诸暨市人力资源和社会保障局", "issuedOn", "2025-10-09"), CASEWORKER);
    assertThat(proof.statusCode()).as(proof.body()).isEqualTo(201);

    HttpResponse<String> social = grant(veteran, CASEWORKER, "SOCIAL_INSURANCE", "2026-01-01", "6000.00");
    assertThat(social.statusCode()).as(social.body()).isEqualTo(201);
    assertThat(RestClientSupport.json(social).path("status").asString()).isEqualTo("PENDING_APPROVAL");
    HttpResponse<String> sameYear = grant(veteran, CASEWORKER, "SOCIAL_INSURANCE", "2026-07-01", "500.00");
    assertThat(sameYear.statusCode()).isEqualTo(409);
    assertThat(code(sameYear)).isEqualTo("subsidy-exists");
    assertThat(code(grant(veteran, CASEWORKER, "WORK_INJURY_INSURANCE", "2026-01-01", "2000.01")))
        .isEqualTo("amount-above-maximum");
    assertThat(grant(veteran, CASEWORKER, "WORK_INJURY_INSURANCE", "2026-01-01", "800.00").statusCode()).isEqualTo(201);
    assertThat(rowsOf(veteran)).isEqualTo(2);
    assertThat(rowsOf(demobilised)).isZero();
  }

  private static String code(HttpResponse<String> response) {
    return RestClientSupport.json(response).path("code").asString();
  }

  private HttpResponse<String> grant(String person, String token, String type, String causeDate, String amount) {
    return api.send("POST", "/entitled-persons/" + person + "/subsidies", Map.of("type", type,
        "causeDate", causeDate, "amount", amount, "reason", "自付部分按比例补助"), token);
  }

  private int rowsOf(String idNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM subsidy s JOIN entitled_person p ON p.id = s.entitled_person_id "
        + "WHERE p.national_id_number = ?").param(idNumber).query(Integer.class).single();
  }
}
