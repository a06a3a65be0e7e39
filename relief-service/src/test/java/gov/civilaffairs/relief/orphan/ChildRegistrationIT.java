package gov.civilaffairs.relief.orphan;

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
 * Registration of scattered orphans and de-facto unsupported children through REST on 15 September 2026 in
 * Shanghai: amounts per kind, the end at 18 and on adoption, causes per kind, the registry check, the area rule
 * and masking.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(ChildRegistrationIT.Clocks.class)
class ChildRegistrationIT extends ReliefTestSupport {

  static final Instant TODAY = Instant.parse("2026-09-15T02:00:00Z");
  static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  static final String ASSISTANT = TestTokens.staff("jiangdong-assistant", Role.VILLAGE_ASSISTANT, "330681001001");
  static final String GUARDIAN = "33068119560203001";

  @TestConfiguration
  static class Clocks {
    @Bean
    MutableClock clock() {
      return new MutableClock(TODAY, ZoneId.of("Asia/Shanghai"));
    }
  }

  @Autowired
  MutableClock clock;

  @Autowired
  ChildAllowanceService service;

  @BeforeEach
  void reset() {
    clock.set(TODAY);
    resetServices();
  }

  @Test
  void anOrphanIsPaidFromNextMonthToTheMonthOfTheEighteenthBirthday() throws Exception {
    String child = idNumber("33068120150301002");
    JsonNode registered = call(CASEWORKER, "POST", "/child-registrations",
        registration(child, "SCATTERED_ORPHAN", "BOTH_PARENTS_DECEASED"), 201);
    long id = registered.path("id").longValue();
    assertThat(registered.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(registered.path("birthDate").asString()).isEqualTo("2015-03-01");
    assertThat(registered.path("startMonth").asString()).isEqualTo("2026-10");
    assertThat(registered.path("ageEndMonth").asString()).isEqualTo("2033-03");
    assertThat(registered.path("lastMonth").asString()).isEqualTo("2033-03");
    assertThat(registered.path("monthlyAmount").asString()).isEqualTo("2000.00");
    assertThat(registered.path("endMonth").isNull()).as("fields a caller may not set are ignored").isTrue();
    assertThat(registered.path("guardianNationalIdNumber").asString()).isEqualTo(idNumber(GUARDIAN));

    JsonNode masked = call(ASSISTANT, "GET", "/child-registrations/" + id, null, 200);
    assertThat(masked.path("nationalIdNumber").asString()).isEqualTo(child.substring(0, 6) + "********" + child.substring(14));
    assertThat(masked.path("guardianNationalIdNumber").asString()).contains("********");
    call(DIANKOU, "GET", "/child-registrations/" + id, null, 404);
    assertThat(call(DIANKOU, "GET", "/child-registrations", null, 200).size()).isZero();

    JsonNode twice = call(CASEWORKER, "POST", "/child-registrations",
        registration(child, "SCATTERED_ORPHAN", "BOTH_PARENTS_DECEASED"), 409);
    assertThat(twice.path("code").asString()).isEqualTo("already-registered");
    assertThat(twice.path("registrationId").longValue()).isEqualTo(id);
    assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE object_type = 'child-registration' AND object_id = ?",
        String.valueOf(id))).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aDeFactoUnsupportedChildEndsWithTheAdoption() throws Exception {
    long id = call(CASEWORKER, "POST", "/child-registrations",
        registration(idNumber("33068120180704002"), "DE_FACTO_UNSUPPORTED", "BOTH_PARENTS_UNABLE"), 201)
        .path("id").longValue();
    String adoption = "/child-registrations/" + id + "/adoption";
    assertThat(call(CASEWORKER, "POST", adoption, "{\"adoptedOn\":\"2026-09-16\",\"reference\":\"浙诸收字2026-0031\"}",
        422).path("code").asString()).isEqualTo("date-in-future");
    assertThat(call(CASEWORKER, "POST", adoption, "{\"adoptedOn\":\"2026-09-14\",\"reference\":\"浙诸收字2026-0031\"}",
        422).path("code").asString()).isEqualTo("adoption-before-registration");
    call(CASEWORKER, "POST", adoption, "{\"adoptedOn\":\"2026-09-15\"}", 400);
    call(DIANKOU, "POST", adoption, "{\"adoptedOn\":\"2026-09-15\",\"reference\":\"x\"}", 404);

    clock.set(Instant.parse("2026-11-20T02:00:00Z"));
    JsonNode adopted = call(CASEWORKER, "POST", adoption,
        "{\"adoptedOn\":\"2026-11-20\",\"reference\":\"浙诸收字2026-0031\"}", 200);
    assertThat(adopted.path("status").asString()).isEqualTo("ENDED");
    assertThat(adopted.path("endReason").asString()).isEqualTo("ADOPTED");
    assertThat(adopted.path("endMonth").asString()).isEqualTo("2026-11");
    assertThat(adopted.path("lastMonth").asString()).isEqualTo("2026-11");
    assertThat(adopted.path("endReference").asString()).isEqualTo("浙诸收字2026-0031");
    assertThat(call(CASEWORKER, "POST", adoption, "{\"adoptedOn\":\"2026-11-20\",\"reference\":\"x\"}", 409)
        .path("code").asString()).isEqualTo("already-ended");
  }

  @Test
  void childrenTurningEighteenBeforeTheFirstMonthAndWrongCausesAreRefusedAndNothingIsStored() throws Exception {
    // born 5 October 2008: 18 in October 2026, paid for that one month
    JsonNode lastMonth = call(CASEWORKER, "POST", "/child-registrations",
        registration(idNumber("33068120081005002"), "SCATTERED_ORPHAN", "PARENTS_NOT_FOUND"), 201);
    assertThat(lastMonth.path("startMonth").asString()).isEqualTo("2026-10");
    assertThat(lastMonth.path("lastMonth").asString()).isEqualTo("2026-10");
    String adult = idNumber("33068120080901002"); // 18 on 1 September 2026
    assertThat(call(CASEWORKER, "POST", "/child-registrations",
        registration(adult, "SCATTERED_ORPHAN", "BOTH_PARENTS_DECEASED"), 422).path("code").asString())
        .isEqualTo("not-a-minor");
    String child = idNumber("33068120160101002");
    assertThat(call(CASEWORKER, "POST", "/child-registrations",
        registration(child, "SCATTERED_ORPHAN", "BOTH_PARENTS_UNABLE"), 422).path("code").asString())
        .isEqualTo("cause-not-of-kind");
    assertThat(call(CASEWORKER, "POST", "/child-registrations",
        registration(child, "SCATTERED_ORPHAN", "BOTH_PARENTS_DECEASED").replace(idNumber(GUARDIAN), child), 422)
        .path("code").asString()).isEqualTo("guardian-is-child");
    call(CASEWORKER, "POST", "/child-registrations", registration(child, "ORPHANED", "BOTH_PARENTS_DECEASED"), 400);
    call(ASSISTANT, "POST", "/child-registrations", registration(child, "SCATTERED_ORPHAN", "BOTH_PARENTS_DECEASED"), 403);
    call(DIANKOU, "POST", "/child-registrations", registration(child, "SCATTERED_ORPHAN", "BOTH_PARENTS_DECEASED"), 403);
    registryAnswers(child, "DECEASED");
    assertThat(call(CASEWORKER, "POST", "/child-registrations",
        registration(child, "SCATTERED_ORPHAN", "BOTH_PARENTS_DECEASED"), 422).path("code").asString())
        .isEqualTo("person-not-enrollable");
    SERVICES.stubFor(WireMock.get(WireMock.urlPathEqualTo("/persons")).atPriority(1).willReturn(WireMock.serverError()));
    assertThat(call(CASEWORKER, "POST", "/child-registrations",
        registration(child, "SCATTERED_ORPHAN", "BOTH_PARENTS_DECEASED"), 503).path("code").asString())
        .isEqualTo("registry-unavailable");
    assertThat(count("SELECT COUNT(*) FROM child_registration WHERE national_id_number IN (?, ?)", child, adult)).isZero();
  }

  @Test
  void theMonthlyEntitlementsFollowStartEighteenthBirthdayAndAdoption() throws Exception {
    long orphan = call(CASEWORKER, "POST", "/child-registrations",
        registration(idNumber("33068120120202002"), "SCATTERED_ORPHAN", "BOTH_PARENTS_DECEASED"), 201).path("id").longValue();
    long turning18 = call(CASEWORKER, "POST", "/child-registrations",
        registration(idNumber("33068120081031002"), "DE_FACTO_UNSUPPORTED", "ONE_PARENT_DECEASED_OTHER_UNABLE"), 201)
        .path("id").longValue();
    long adopted = call(CASEWORKER, "POST", "/child-registrations",
        registration(idNumber("33068120190909002"), "DE_FACTO_UNSUPPORTED", "BOTH_PARENTS_UNABLE"), 201).path("id").longValue();
    clock.set(Instant.parse("2026-11-03T02:00:00Z"));
    call(CASEWORKER, "POST", "/child-registrations/" + adopted + "/adoption",
        "{\"adoptedOn\":\"2026-11-02\",\"reference\":\"浙诸收字2026-0040\"}", 200);

    assertThat(service.monthlyEntitlements(java.time.YearMonth.of(2026, 9))).extracting(ChildEntitlement::registrationId)
        .doesNotContain(orphan, turning18, adopted);
    assertThat(service.monthlyEntitlements(java.time.YearMonth.of(2026, 10))).extracting(ChildEntitlement::registrationId)
        .contains(orphan, turning18, adopted);
    java.util.List<ChildEntitlement> november = service.monthlyEntitlements(java.time.YearMonth.of(2026, 11));
    assertThat(november).extracting(ChildEntitlement::registrationId).contains(orphan, adopted).doesNotContain(turning18);
    assertThat(service.monthlyEntitlements(java.time.YearMonth.of(2026, 12))).extracting(ChildEntitlement::registrationId)
        .contains(orphan).doesNotContain(turning18, adopted);
    ChildEntitlement line = november.stream().filter(e -> e.registrationId() == orphan).findFirst().orElseThrow();
    assertThat(line.amount()).isEqualTo("2000.00");
    assertThat(line.regionCode()).isEqualTo("330681001001");
    assertThat(line.decisionReference()).isEqualTo("child-registration/" + orphan);
    assertThat(line.kind()).isEqualTo(ChildRegistration.Kind.SCATTERED_ORPHAN);
  }

  @Test
  void theChildAllowanceIsPaidInARollOfItsOwnSchemeWithTheRegistrationAsDecision() throws Exception {
    long orphan = call(CASEWORKER, "POST", "/child-registrations",
        registration(idNumber("33068120130303002"), "SCATTERED_ORPHAN", "BOTH_PARENTS_DECEASED"), 201).path("id").longValue();

    JsonNode october = call(CASEWORKER, "POST", "/payment-rolls", "{\"month\":\"2026-10\",\"scheme\":\"ORPHAN_ALLOWANCE\"}", 201);

    java.util.List<JsonNode> rolls = list(october.path("rolls"));
    assertThat(rolls).extracting(r -> r.path("scheme").asString() + " " + r.path("townshipCode").asString())
        .containsExactly("ORPHAN_ALLOWANCE 330681001");
    java.util.List<JsonNode> lines = list(call(CASEWORKER, "GET",
        "/payment-rolls/" + rolls.get(0).path("id").longValue() + "/lines", null, 200));
    assertThat(lines).extracting(l -> l.path("beneficiaryId").longValue() + " " + l.path("amount").decimalValue().setScale(2)
            + " " + l.path("decision").path("kind").asString() + " " + l.path("decision").path("id").longValue())
        .contains(orphan + " 2000.00 CHILD_REGISTRATION " + orphan);
    assertThat(call(CASEWORKER, "POST", "/payment-rolls", "{\"month\":\"2026-10\",\"scheme\":\"NO_SUCH_SCHEME\"}", 422)
        .path("code").asString()).isEqualTo("unknown-scheme");
  }

  private JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  static String registration(String child, String kind, String cause) {
    return """
        {"regionCode":"330681001001","nationalIdNumber":"%s","name":"李小雨","kind":"%s","cause":"%s",
         "causeDetails":"父亲病故，母亲交通事故死亡。","guardianName":"李国华","guardianNationalIdNumber":"%s",
         "guardianRelation":"GRANDPARENT","status":"ENDED","endMonth":"2026-09"}"""
        .formatted(child, kind, cause, idNumber(GUARDIAN));
  }
}
