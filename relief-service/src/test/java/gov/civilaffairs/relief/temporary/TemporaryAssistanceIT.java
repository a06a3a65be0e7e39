package gov.civilaffairs.relief.temporary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.MutableClock;
import gov.civilaffairs.relief.ReliefTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Temporary assistance through REST on Tuesday 15 September 2026 in Shanghai: emergency paid first and approved
 * after, expenditure approved then paid, approval tiers, the same cause once a year, invalid amounts, the
 * registry check and the area rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(TemporaryAssistanceIT.Clocks.class)
class TemporaryAssistanceIT extends ReliefTestSupport {

  static final Instant TODAY = Instant.parse("2026-09-15T02:00:00Z");
  static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  static final String OFFICER = TestTokens.staff("zhuji-officer", Role.COUNTY_OFFICER, "330681");

  @TestConfiguration
  static class Clocks {
    @Bean
    MutableClock clock() {
      return new MutableClock(TODAY, ZoneId.of("Asia/Shanghai"));
    }
  }

  @Autowired
  MutableClock clock;

  @BeforeEach
  void reset() {
    clock.set(TODAY);
    resetServices();
  }

  @Test
  void anEmergencyIsPaidFirstAndApprovedAfterAtTheTownshipTier() throws Exception {
    JsonNode recorded = call(CASEWORKER, "POST", "/temporary-assistance",
        newCase(idNumber("33068119800101401"), "EMERGENCY", "FIRE", "3000.00"), 201);
    assertThat(recorded.path("status").asString()).isEqualTo("PAID_PENDING_APPROVAL");
    assertThat(recorded.path("paidOn").asString()).isEqualTo("2026-09-15");
    assertThat(recorded.path("tier").asString()).isEqualTo("TOWNSHIP");
    // Tuesday 15 September + 5 working days: 16, 17, 18, Sunday 20 (a make-up working day, 调休), 21
    assertThat(recorded.path("approvalDueOn").asString()).isEqualTo("2026-09-21");
    long id = recorded.path("id").longValue();
    call(DIANKOU, "GET", "/temporary-assistance/" + id, null, 404);
    call(DIANKOU, "POST", "/temporary-assistance/" + id + "/decision", "{\"approve\":true}", 404);
    JsonNode approved = call(CASEWORKER, "POST", "/temporary-assistance/" + id + "/decision", "{\"approve\":true}", 200);
    assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
    assertThat(approved.path("decidedBy").asString()).isEqualTo("jiyang-caseworker");
    assertThat(call(CASEWORKER, "POST", "/temporary-assistance/" + id + "/decision", "{\"approve\":false,\"reason\":\"x\"}", 409)
        .path("code").asString()).isEqualTo("already-decided");
  }

  @Test
  void anEmergencyRefusedAfterPaymentIsToBeRecovered() throws Exception {
    long id = call(CASEWORKER, "POST", "/temporary-assistance",
        newCase(idNumber("33068119800101402"), "EMERGENCY", "ACCIDENT", "2000.00"), 201).path("id").longValue();
    assertThat(call(CASEWORKER, "POST", "/temporary-assistance/" + id + "/decision", "{\"approve\":false}", 422)
        .path("code").asString()).isEqualTo("reason-required");
    JsonNode refused = call(CASEWORKER, "POST", "/temporary-assistance/" + id + "/decision",
        "{\"approve\":false,\"reason\":\"事故责任方已全额赔偿。\"}", 200);
    assertThat(refused.path("status").asString()).isEqualTo("REFUSED");
    assertThat(refused.path("recoveryRequired").booleanValue()).isTrue();
    assertThat(refused.path("paidOn").asString()).isEqualTo("2026-09-15");
  }

  @Test
  void anExpenditureCaseOverTheTownshipLimitIsApprovedByTheCountyAndThenPaid() throws Exception {
    JsonNode recorded = call(CASEWORKER, "POST", "/temporary-assistance",
        newCase(idNumber("33068119800101403"), "EXPENDITURE", "MAJOR_ILLNESS", "8000.00"), 201);
    assertThat(recorded.path("status").asString()).isEqualTo("PENDING_APPROVAL");
    assertThat(recorded.path("tier").asString()).isEqualTo("COUNTY");
    assertThat(recorded.path("paidOn").isNull()).isTrue();
    long id = recorded.path("id").longValue();
    JsonNode tier = call(CASEWORKER, "POST", "/temporary-assistance/" + id + "/decision", "{\"approve\":true}", 403);
    assertThat(tier.path("code").asString()).isEqualTo("approval-tier");
    clock.set(Instant.parse("2026-09-17T02:00:00Z"));
    JsonNode approved = call(OFFICER, "POST", "/temporary-assistance/" + id + "/decision", "{\"approve\":true}", 200);
    assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
    assertThat(approved.path("paidOn").asString()).isEqualTo("2026-09-17");
    assertThat(approved.path("recoveryRequired").booleanValue()).isFalse();
  }

  @Test
  void theSameCauseIsAssistedOnceAYear() throws Exception {
    String person = idNumber("33068119800101404");
    long first = call(CASEWORKER, "POST", "/temporary-assistance", newCase(person, "EMERGENCY", "NATURAL_DISASTER", "1000.00"),
        201).path("id").longValue();
    clock.set(Instant.parse("2027-09-14T15:59:00Z")); // 23:59 on 14 September 2027: still within the year
    JsonNode twice = call(CASEWORKER, "POST", "/temporary-assistance",
        newCase(person, "EXPENDITURE", "NATURAL_DISASTER", "1000.00"), 409);
    assertThat(twice.path("code").asString()).isEqualTo("same-cause-within-year");
    assertThat(twice.path("previousCaseId").longValue()).isEqualTo(first);
    call(CASEWORKER, "POST", "/temporary-assistance", newCase(person, "EXPENDITURE", "EDUCATION", "1000.00"), 201);
    clock.set(Instant.parse("2027-09-14T16:00:00Z")); // 15 September 2027 in Shanghai: a year has passed
    call(CASEWORKER, "POST", "/temporary-assistance", newCase(person, "EXPENDITURE", "NATURAL_DISASTER", "1000.00"), 201);
    assertThat(count("SELECT COUNT(*) FROM temporary_assistance WHERE national_id_number = ?", person)).isEqualTo(3);
  }

  @Test
  void invalidAmountsAndPersonsAreRefusedAndNothingIsRecorded() throws Exception {
    String person = idNumber("33068119800101405");
    assertThat(call(CASEWORKER, "POST", "/temporary-assistance", newCase(person, "EMERGENCY", "FIRE", "0.00"), 400)
        .toString()).contains("amount");
    assertThat(call(CASEWORKER, "POST", "/temporary-assistance", newCase(person, "EMERGENCY", "FIRE", "-5.00"), 400)
        .toString()).contains("amount");
    assertThat(call(CASEWORKER, "POST", "/temporary-assistance", newCase(person, "EMERGENCY", "FIRE", "100.001"), 400)
        .toString()).contains("amount");
    assertThat(call(CASEWORKER, "POST", "/temporary-assistance", newCase(person, "EMERGENCY", "FIRE", "50000.01"), 422)
        .path("code").asString()).isEqualTo("amount-over-maximum");
    call(DIANKOU, "POST", "/temporary-assistance", newCase(person, "EMERGENCY", "FIRE", "100.00"), 403);
    registryAnswers(person, "DECEASED");
    assertThat(call(CASEWORKER, "POST", "/temporary-assistance", newCase(person, "EMERGENCY", "FIRE", "100.00"), 422)
        .path("code").asString()).isEqualTo("person-not-enrollable");
    assertThat(count("SELECT COUNT(*) FROM temporary_assistance WHERE national_id_number = ?", person)).isZero();

    // registry down: an expenditure case waits (503), an emergency is paid and shows the unknown status
    SERVICES.stubFor(WireMock.get(WireMock.urlPathEqualTo("/persons")).atPriority(1).willReturn(WireMock.serverError()));
    String other = idNumber("33068119800101406");
    assertThat(call(CASEWORKER, "POST", "/temporary-assistance", newCase(other, "EXPENDITURE", "FIRE", "100.00"), 503)
        .path("code").asString()).isEqualTo("registry-unavailable");
    JsonNode paid = call(CASEWORKER, "POST", "/temporary-assistance", newCase(other, "EMERGENCY", "FIRE", "100.00"), 201);
    assertThat(paid.path("registryStatus").asString()).isEqualTo("UNAVAILABLE");
    assertThat(paid.path("status").asString()).isEqualTo("PAID_PENDING_APPROVAL");
  }

  private JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String newCase(String number, String kind, String cause, String amount) {
    return """
        {"regionCode":"330681001001","nationalIdNumber":"%s","name":"陈建国","kind":"%s","cause":"%s",
         "circumstances":"住房夜间失火，衣物家具全部烧毁。","amount":"%s","status":"APPROVED","tier":"TOWNSHIP"}"""
        .formatted(number, kind, cause, amount);
  }
}
