package gov.civilaffairs.relief.extremepoverty;

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
 * Extreme-poverty determination through REST on Tuesday 15 September 2026 in Shanghai (民发〔2021〕43号): application,
 * township review, county determination with support mode, care level and amount; refusal with reasons; the
 * three conditions; one case per person and never both allowance and 特困; registry check; area, roles, masking
 * and audit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(ExtremePovertyIT.Clocks.class)
class ExtremePovertyIT extends ReliefTestSupport {

  static final Instant TODAY = Instant.parse("2026-09-15T02:00:00Z");
  static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  static final String ASSISTANT = TestTokens.staff("jiangdong-assistant", Role.VILLAGE_ASSISTANT, "330681001001");
  static final String OFFICER = TestTokens.staff("zhuji-officer", Role.COUNTY_OFFICER, "330681");
  static final String OTHER_COUNTY = TestTokens.staff("other-officer", Role.COUNTY_OFFICER, "330682");

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
  ExtremePovertyService service;

  @Autowired
  gov.civilaffairs.relief.nearpoverty.NearPovertyRegister nearPovertyRegister;

  @BeforeEach
  void reset() {
    clock.set(TODAY);
    resetServices();
  }

  @Test
  void applicationTownshipReviewAndCountyDeterminationGrantSupportFromNextMonth() throws Exception {
    String person = idNumber("33068119450101501");
    JsonNode applied = call(CASEWORKER, "POST", "/extreme-poverty-cases", application(person, "RURAL"), 201);
    long id = applied.path("id").longValue();
    assertThat(applied.path("status").asString()).isEqualTo("TOWNSHIP_REVIEW");
    assertThat(applied.path("appliedOn").asString()).isEqualTo("2026-09-15");
    assertThat(applied.path("nationalIdNumber").asString()).isEqualTo(person);
    assertThat(applied.path("supportMode").isNull()).as("fields a caller may not set are ignored").isTrue();
    assertThat(applied.path("monthlyAmount").isNull()).isTrue();
    // 15 working days: Mid-autumn (25 Sep) and National Day (1-7 Oct) off, Sun 20 Sep and Sat 10 Oct worked
    assertThat(applied.path("townshipReviewDueOn").asString()).isEqualTo("2026-10-12");
    assertThat(applied.path("overdue").booleanValue()).isFalse();

    // the county cannot determine before the township's review
    assertThat(call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/determination", determination(), 409)
        .path("code").asString()).isEqualTo("wrong-status");
    // a village assistant reads, masked, but does not review
    assertThat(call(ASSISTANT, "GET", "/extreme-poverty-cases/" + id, null, 200).path("nationalIdNumber").asString())
        .isEqualTo(person.substring(0, 6) + "********" + person.substring(14));
    call(ASSISTANT, "POST", "/extreme-poverty-cases/" + id + "/township-review", review(true, true, true), 403);
    call(DIANKOU, "POST", "/extreme-poverty-cases/" + id + "/township-review", review(true, true, true), 404);

    JsonNode reviewed = call(CASEWORKER, "POST", "/extreme-poverty-cases/" + id + "/township-review",
        review(true, true, true), 200);
    assertThat(reviewed.path("status").asString()).isEqualTo("COUNTY_DETERMINATION");
    assertThat(reviewed.path("townshipReviewedBy").asString()).isEqualTo("jiyang-caseworker");
    assertThat(reviewed.path("noAbleSupporter").booleanValue()).isTrue();
    assertThat(reviewed.path("determinationDueOn").asString()).isEqualTo("2026-10-12");
    clock.set(Instant.parse("2026-10-12T15:59:00Z")); // 23:59 on the due day: not overdue yet
    assertThat(get("/extreme-poverty-cases/" + id).path("overdue").booleanValue()).isFalse();
    clock.set(Instant.parse("2026-10-12T16:00:00Z")); // 13 October in Shanghai
    assertThat(get("/extreme-poverty-cases/" + id).path("overdue").booleanValue()).isTrue();
    clock.set(TODAY);
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + id + "/determination", determination(), 403);
    call(OTHER_COUNTY, "POST", "/extreme-poverty-cases/" + id + "/determination", determination(), 404);
    assertThat(call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/determination",
        "{\"supportMode\":\"ELSEWHERE\",\"careLevel\":\"PARTIAL_SELF_CARE\"}", 400).toString()).contains("supportMode");

    clock.set(Instant.parse("2026-09-30T15:30:00Z")); // 23:30 on 30 September in Shanghai is still September
    JsonNode determined = call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/determination", determination(), 200);
    assertThat(determined.path("status").asString()).isEqualTo("SUPPORTED");
    assertThat(determined.path("decidedOn").asString()).isEqualTo("2026-09-30");
    assertThat(determined.path("startMonth").asString()).isEqualTo("2026-10");
    assertThat(determined.path("supportMode").asString()).isEqualTo("HOME");
    assertThat(determined.path("careLevel").asString()).isEqualTo("PARTIAL_SELF_CARE");
    // rural standard 1240.00 x 1.3 = 1612.00, care allowance (partial self-care) 600.00
    assertThat(determined.path("basicLiving").decimalValue()).isEqualByComparingTo("1612.00");
    assertThat(determined.path("careAllowance").decimalValue()).isEqualByComparingTo("600.00");
    assertThat(determined.path("monthlyAmount").asString()).isEqualTo("2212.00");
    assertThat(call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/determination", determination(), 409)
        .path("code").asString()).isEqualTo("wrong-status");

    assertThat(list(call(CASEWORKER, "GET", "/extreme-poverty-cases?status=SUPPORTED", null, 200)))
        .extracting(n -> n.path("id").longValue()).contains(id);
    assertThat(call(DIANKOU, "GET", "/extreme-poverty-cases?status=SUPPORTED", null, 200).size()).isZero();
    assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE object_type = 'extreme-poverty-case' AND object_id = ?",
        String.valueOf(id))).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aPersonNotMeetingAllThreeConditionsIsNotDeterminedButRefusedWithReasons() throws Exception {
    long id = call(CASEWORKER, "POST", "/extreme-poverty-cases", application(idNumber("33068119450101502"), "URBAN"),
        201).path("id").longValue();
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + id + "/township-review", review(true, true, false), 200);
    JsonNode unmet = call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/determination", determination(), 422);
    assertThat(unmet.path("code").asString()).isEqualTo("conditions-not-met");
    assertThat(list(unmet.path("unmet"))).extracting(JsonNode::asString).containsExactly("noAbleSupporter");
    assertThat(get("/extreme-poverty-cases/" + id).path("status").asString()).isEqualTo("COUNTY_DETERMINATION");

    assertThat(call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/refusal", "{\"reason\":\" \"}", 400)
        .toString()).contains("reason");
    JsonNode refused = call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/refusal",
        "{\"reason\":\"其子在外务工，具备赡养能力。\"}", 200);
    assertThat(refused.path("status").asString()).isEqualTo("REFUSED");
    assertThat(refused.path("refusalReason").asString()).isEqualTo("其子在外务工，具备赡养能力。");
    assertThat(refused.path("decidedBy").asString()).isEqualTo("zhuji-officer");
    assertThat(call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/refusal", "{\"reason\":\"x\"}", 409)
        .path("code").asString()).isEqualTo("wrong-status");
  }

  @Test
  void aPersonIsNeverBothInAnAllowanceHouseholdAndAnExtremePovertyPerson() throws Exception {
    String inHousehold = idNumber("33068119450101503");
    long household = registerHousehold("""
        {"regionCode":"330681001001","area":"URBAN","monthlyIncome":"300.00","startMonth":"2026-01",
         "members":[{"nationalIdNumber":"%s","name":"周桂兰","relation":"HEAD"}]}""".formatted(inHousehold));
    JsonNode covered = call(CASEWORKER, "POST", "/extreme-poverty-cases", application(inHousehold, "URBAN"), 409);
    assertThat(covered.path("code").asString()).isEqualTo("already-covered");
    assertThat(covered.path("scheme").asString()).isEqualTo("DIBAO");
    assertThat(count("SELECT COUNT(*) FROM extreme_poverty_case WHERE national_id_number = ?", inHousehold)).isZero();

    // the other way: an extreme-poverty applicant is not taken into an allowance application
    String applicant = idNumber("33068119450101504");
    long caseId = call(CASEWORKER, "POST", "/extreme-poverty-cases", application(applicant, "URBAN"), 201)
        .path("id").longValue();
    JsonNode twice = call(CASEWORKER, "POST", "/extreme-poverty-cases", application(applicant, "URBAN"), 409);
    assertThat(twice.path("code").asString()).isEqualTo("already-covered");
    assertThat(twice.path("caseId").longValue()).isEqualTo(caseId);
    JsonNode allowance = call(CASEWORKER, "POST", "/allowance-applications", """
        {"regionCode":"330681001001","area":"URBAN","consentReference":"SQ-2026-0915-001","consentSignedOn":"2026-09-14",
         "members":[{"nationalIdNumber":"%s","name":"王秀英","relation":"HEAD"}]}""".formatted(applicant), 409);
    assertThat(allowance.path("code").asString()).isEqualTo("already-covered");
    assertThat(allowance.path("members").get(0).asString())
        .isEqualTo(applicant.substring(0, 6) + "********" + applicant.substring(14));

    // nor registered in a household directly, nor joining one by a member change
    JsonNode direct = call(CASEWORKER, "POST", "/households", """
        {"regionCode":"330681001001","area":"URBAN","monthlyIncome":"300.00","startMonth":"2026-10",
         "members":[{"nationalIdNumber":"%s","name":"王秀英","relation":"HEAD"}]}""".formatted(applicant), 409);
    assertThat(direct.path("code").asString()).isEqualTo("already-covered");
    assertThat(call(CASEWORKER, "POST", "/households/" + household + "/member-changes",
        "{\"kind\":\"MARRIAGE_IN\",\"nationalIdNumber\":\"" + applicant + "\",\"name\":\"王秀英\",\"changedOn\":\"2026-09-14\"}",
        409).path("code").asString()).isEqualTo("already-covered");
    assertThat(count("SELECT COUNT(*) FROM household_member WHERE national_id_number = ?", applicant)).isZero();

    // a refused case no longer covers the person
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + caseId + "/refusal", "{\"reason\":\"有赡养人。\"}", 200);
    call(CASEWORKER, "POST", "/extreme-poverty-cases", application(applicant, "URBAN"), 201);
  }

  @Test
  void badApplicationsAreRefusedAndNothingIsStored() throws Exception {
    String person = idNumber("33068119450101505");
    assertThat(call(CASEWORKER, "POST", "/extreme-poverty-cases", application("330681194501015050", "URBAN"), 400)
        .toString()).contains("nationalIdNumber");
    assertThat(call(CASEWORKER, "POST", "/extreme-poverty-cases", application(person, "SUBURBAN"), 400).toString())
        .contains("area");
    call(DIANKOU, "POST", "/extreme-poverty-cases", application(person, "URBAN"), 403);
    call(ASSISTANT, "POST", "/extreme-poverty-cases", application(person, "URBAN"), 403);
    assertThat(call(CASEWORKER, "POST", "/extreme-poverty-cases",
        application(person, "URBAN").replace("330681001001", "330681001999"), 422).path("code").asString())
        .isEqualTo("unknown-village");
    registryAnswers(person, "DECEASED");
    JsonNode dead = call(CASEWORKER, "POST", "/extreme-poverty-cases", application(person, "URBAN"), 422);
    assertThat(dead.path("code").asString()).isEqualTo("person-not-enrollable");
    assertThat(dead.path("registryStatus").asString()).isEqualTo("DECEASED");
    registryAnswers(person, null);
    assertThat(call(CASEWORKER, "POST", "/extreme-poverty-cases", application(person, "URBAN"), 422)
        .path("registryStatus").asString()).isEqualTo("NOT_INDEXED");
    SERVICES.stubFor(WireMock.get(WireMock.urlPathEqualTo("/persons")).atPriority(1).willReturn(WireMock.serverError()));
    assertThat(call(CASEWORKER, "POST", "/extreme-poverty-cases", application(person, "URBAN"), 503)
        .path("code").asString()).isEqualTo("registry-unavailable");
    assertThat(count("SELECT COUNT(*) FROM extreme_poverty_case WHERE national_id_number = ?", person)).isZero();
    call(CASEWORKER, "GET", "/extreme-poverty-cases/999999", null, 404);
    call(CASEWORKER, "GET", "/extreme-poverty-cases?status=NONSENSE", null, 400);
  }

  @Test
  void theMonthlyEntitlementsListEverySupportedPersonWithTheAmountOfThatMonthAndTheDetermination() throws Exception {
    long urban = determined(idNumber("33068119450101506"), "URBAN", "NO_SELF_CARE");
    long rural = determined(idNumber("33068119450101507"), "RURAL", "FULL_SELF_CARE");
    long refused = call(CASEWORKER, "POST", "/extreme-poverty-cases", application(idNumber("33068119450101508"),
        "URBAN"), 201).path("id").longValue();
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + refused + "/refusal", "{\"reason\":\"有赡养人。\"}", 200);
    // the urban standard rises to 1300.00 from November 2026 (诸政办发〔2026〕15号)
    post("/allowance-standards", """
        {"area":"URBAN","year":2026,"effectiveMonth":"2026-11","amount":"1300.00","documentReference":"诸政办发〔2026〕15号"}""",
        201);

    assertThat(service.monthlyEntitlements(java.time.YearMonth.of(2026, 9))).extracting(SupportEntitlement::caseId)
        .doesNotContain(urban, rural);
    java.util.List<SupportEntitlement> october = service.monthlyEntitlements(java.time.YearMonth.of(2026, 10));
    assertThat(october).extracting(SupportEntitlement::caseId).contains(urban, rural).doesNotContain(refused);
    SupportEntitlement first = october.stream().filter(e -> e.caseId() == urban).findFirst().orElseThrow();
    assertThat(first.amount()).isEqualTo("2812.00"); // 1240.00 x 1.3 = 1612.00 + 1200.00
    assertThat(first.regionCode()).isEqualTo("330681001001");
    assertThat(first.nationalIdNumber()).isEqualTo(idNumber("33068119450101506"));
    assertThat(first.decisionReference()).isEqualTo("extreme-poverty-case/" + urban);
    assertThat(first.decidedOn()).isEqualTo("2026-09-15");
    java.util.List<SupportEntitlement> november = service.monthlyEntitlements(java.time.YearMonth.of(2026, 11));
    assertThat(november.stream().filter(e -> e.caseId() == urban).findFirst().orElseThrow().amount())
        .isEqualTo("2890.00"); // 1300.00 x 1.3 = 1690.00 + 1200.00
    assertThat(november.stream().filter(e -> e.caseId() == rural).findFirst().orElseThrow().amount())
        .isEqualTo("1812.00"); // rural standard unchanged: 1612.00 + 200.00
  }

  @Test
  void supportIsPaidInARollOfItsOwnSchemePerTownshipWithTheDeterminationAsDecision() throws Exception {
    long supported = determined(idNumber("33068119450101509"), "URBAN", "NO_SELF_CARE");

    JsonNode october = call(CASEWORKER, "POST", "/payment-rolls",
        "{\"month\":\"2026-10\",\"scheme\":\"EXTREME_POVERTY_SUPPORT\"}", 201);

    java.util.List<JsonNode> rolls = list(october.path("rolls"));
    assertThat(rolls).extracting(r -> r.path("scheme").asString() + " " + r.path("townshipCode").asString())
        .containsExactly("EXTREME_POVERTY_SUPPORT 330681001");
    java.util.List<JsonNode> lines = list(call(CASEWORKER, "GET",
        "/payment-rolls/" + rolls.get(0).path("id").longValue() + "/lines", null, 200));
    assertThat(lines).extracting(l -> l.path("beneficiaryId").longValue() + " " + l.path("kind").asString() + " "
            + l.path("amount").decimalValue().setScale(2) + " " + l.path("decision").path("kind").asString() + " "
            + l.path("decision").path("id").longValue())
        .contains(supported + " MONTHLY 2812.00 EXTREME_POVERTY_CASE " + supported);
    assertThat(call(DIANKOU, "GET", "/payment-rolls/" + rolls.get(0).path("id").longValue(), null, 404)
        .path("status").intValue()).isEqualTo(404);
  }

  @Test
  void theLowIncomePopulationListsAllowanceMembersExtremePovertyPersonsAndNearPovertyMembersByArea() throws Exception {
    String supported = idNumber("33068119450101510");
    String allowanceMember = idNumber("33068119600101511");
    String nearPoverty = idNumber("33068119700101512");
    long caseId = determined(supported, "URBAN", "FULL_SELF_CARE");
    long household = registerHousehold("""
        {"regionCode":"330681001001","area":"URBAN","monthlyIncome":100.00,"startMonth":"2026-10","members":[
         {"nationalIdNumber":"%s","name":"周建国","relation":"HEAD"}]}""".formatted(allowanceMember));
    nearPovertyRegister.enter(new gov.civilaffairs.relief.nearpoverty.NearPovertyRegister.Entry("330681104003",
        gov.civilaffairs.relief.allowance.Area.RURAL, 990001L, 880001L, java.time.LocalDate.of(2026, 9, 10),
        new java.math.BigDecimal("1500.00"), 1, "NEAR_POVERTY_MULTIPLE", "1.2 x standard",
        java.util.List.of(new gov.civilaffairs.relief.nearpoverty.NearPovertyHousehold.Member(nearPoverty, "吴小梅",
            gov.civilaffairs.relief.allowance.Relation.HEAD))));

    JsonNode jiyang = call(CASEWORKER, "GET", "/low-income-population?size=500", null, 200);
    JsonNode county = call(OFFICER, "GET", "/low-income-population?size=500", null, 200);
    JsonNode onlyNearPoverty = call(OFFICER, "GET", "/low-income-population?category=NEAR_POVERTY&size=500", null, 200);

    assertThat(list(jiyang)).extracting(p -> p.path("nationalIdNumber").asString() + " " + p.path("category").asString()
            + " " + p.path("recordId").longValue())
        .contains(supported + " EXTREME_POVERTY_SUPPORT " + caseId, allowanceMember + " MINIMUM_LIVING_ALLOWANCE " + household)
        .noneMatch(line -> line.startsWith(nearPoverty));
    assertThat(list(county)).extracting(p -> p.path("nationalIdNumber").asString())
        .contains(supported, allowanceMember, nearPoverty);
    assertThat(list(onlyNearPoverty)).extracting(p -> p.path("category").asString()).containsOnly("NEAR_POVERTY");
    assertThat(call(CASEWORKER, "GET", "/low-income-population?category=NONSENSE", null, 400).path("status").intValue())
        .isEqualTo(400);
    call(ASSISTANT, "GET", "/low-income-population", null, 403);
  }

  private long determined(String number, String area, String careLevel) throws Exception {
    long id = call(CASEWORKER, "POST", "/extreme-poverty-cases", application(number, area), 201).path("id").longValue();
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + id + "/township-review", review(true, true, true), 200);
    call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/determination",
        "{\"supportMode\":\"HOME\",\"careLevel\":\"" + careLevel + "\"}", 200);
    return id;
  }

  private JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  static String application(String number, String area) {
    return """
        {"regionCode":"330681001001","nationalIdNumber":"%s","name":"王秀英","area":"%s",
         "circumstances":"独居，无子女，患慢性病多年。","status":"SUPPORTED","supportMode":"INSTITUTIONAL",
         "startMonth":"2026-01"}""".formatted(number, area);
  }

  static String review(boolean noWorkAbility, boolean noIncomeSource, boolean noAbleSupporter) {
    return """
        {"noWorkAbility":%s,"noIncomeSource":%s,"noAbleSupporter":%s,"findings":"入户调查：独居，邻里访问属实。"}"""
        .formatted(noWorkAbility, noIncomeSource, noAbleSupporter);
  }

  static String determination() {
    return "{\"supportMode\":\"HOME\",\"careLevel\":\"PARTIAL_SELF_CARE\"}";
  }
}
