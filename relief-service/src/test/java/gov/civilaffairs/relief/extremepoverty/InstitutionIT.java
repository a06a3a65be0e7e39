package gov.civilaffairs.relief.extremepoverty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;

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
 * Support institutions through REST on 15 October 2026 in Shanghai: beds, admission and discharge, transfer,
 * institution-linked home support (户院挂钩), the rates for a region; unhappy paths and the area rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(InstitutionIT.Clocks.class)
class InstitutionIT extends ReliefTestSupport {

  static final Instant TODAY = Instant.parse("2026-10-15T02:00:00Z");
  static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  static final String ASSISTANT = TestTokens.staff("jiangdong-assistant", Role.VILLAGE_ASSISTANT, "330681001001");
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
  void admissionFillsBedsDischargeAndTransferMoveThePersonAndItIsAllInTheHistory() throws Exception {
    long home = institution("330681001", "暨阳街道敬老院", 1);
    long other = institution("330681001", "暨阳街道第二敬老院", 5);
    long first = supportedCase("33068119450101601", "330681001001", "HOME", "NO_SELF_CARE");
    long second = supportedCase("33068119450101602", "330681001001", "HOME", "FULL_SELF_CARE");

    assertThat(call(CASEWORKER, "POST", "/support-institutions/" + home + "/residents",
        admission(first, "2026-10-16"), 422).path("code").asString()).isEqualTo("date-in-future");
    assertThat(call(CASEWORKER, "POST", "/support-institutions/" + home + "/residents",
        admission(first, "2026-10-14"), 422).path("code").asString()).isEqualTo("admission-before-determination");
    call(DIANKOU, "POST", "/support-institutions/" + home + "/residents", admission(first, "2026-10-15"), 404);
    JsonNode admitted = call(CASEWORKER, "POST", "/support-institutions/" + home + "/residents",
        admission(first, "2026-10-15"), 201);
    long residence = admitted.path("id").longValue();
    assertThat(admitted.path("admittedBy").asString()).isEqualTo("jiyang-caseworker");
    assertThat(get("/extreme-poverty-cases/" + first).path("supportMode").asString()).isEqualTo("INSTITUTIONAL");
    assertThat(get("/support-institutions/" + home).path("occupiedBeds").intValue()).isEqualTo(1);

    assertThat(call(CASEWORKER, "POST", "/support-institutions/" + other + "/residents",
        admission(first, "2026-10-15"), 409).path("code").asString()).isEqualTo("already-resident");
    JsonNode full = call(CASEWORKER, "POST", "/support-institutions/" + home + "/residents",
        admission(second, "2026-10-15"), 409);
    assertThat(full.path("code").asString()).isEqualTo("no-free-bed");
    assertThat(call(OFFICER, "PUT", "/support-institutions/" + home + "/beds", "{\"beds\":0}", 409)
        .path("code").asString()).isEqualTo("beds-below-occupancy");

    // residents in full for the township caseworker (platform.security.unmasked-roles), masked for a village assistant
    String number = idNumber("33068119450101601");
    assertThat(call(CASEWORKER, "GET", "/support-institutions/" + home + "/residents", null, 200).get(0)
        .path("nationalIdNumber").asString()).isEqualTo(number);
    assertThat(call(ASSISTANT, "GET", "/extreme-poverty-cases/" + first + "/support-history", null, 200)
        .path("residences").get(0).path("nationalIdNumber").asString())
        .isEqualTo(number.substring(0, 6) + "********" + number.substring(14));
    call(ASSISTANT, "GET", "/support-institutions/" + home + "/residents", null, 403);

    String discharge = "/support-institutions/" + home + "/residents/" + residence + "/discharge";
    assertThat(call(CASEWORKER, "POST", discharge, "{\"dischargedOn\":\"2026-10-15\",\"reason\":\"DEATH\"}", 422)
        .path("code").asString()).isEqualTo("death-through-registry");
    assertThat(call(CASEWORKER, "POST", discharge, "{\"dischargedOn\":\"2026-10-15\",\"reason\":\"TRANSFERRED\"}", 422)
        .path("code").asString()).isEqualTo("transfer-target-required");
    JsonNode transferred = call(CASEWORKER, "POST", discharge,
        "{\"dischargedOn\":\"2026-10-15\",\"reason\":\"TRANSFERRED\",\"toInstitutionId\":" + other + "}", 200);
    assertThat(transferred.path("dischargeReason").asString()).isEqualTo("TRANSFERRED");
    assertThat(get("/support-institutions/" + other).path("occupiedBeds").intValue()).isEqualTo(1);
    assertThat(get("/support-institutions/" + home).path("occupiedBeds").intValue()).isZero();
    assertThat(get("/extreme-poverty-cases/" + first).path("supportMode").asString()).isEqualTo("INSTITUTIONAL");
    assertThat(call(CASEWORKER, "POST", discharge, "{\"dischargedOn\":\"2026-10-15\",\"reason\":\"RETURNED_HOME\"}", 409)
        .path("code").asString()).isEqualTo("already-discharged");

    // the freed bed takes the second person
    call(CASEWORKER, "POST", "/support-institutions/" + home + "/residents", admission(second, "2026-10-15"), 201);

    long atOther = list(call(CASEWORKER, "GET", "/support-institutions/" + other + "/residents", null, 200)).get(0)
        .path("id").longValue();
    JsonNode back = call(CASEWORKER, "POST", "/support-institutions/" + other + "/residents/" + atOther + "/discharge",
        "{\"dischargedOn\":\"2026-10-15\",\"reason\":\"RETURNED_HOME\",\"note\":\"本人申请回家。\"}", 200);
    assertThat(back.path("dischargedOn").asString()).isEqualTo("2026-10-15");
    assertThat(get("/extreme-poverty-cases/" + first).path("supportMode").asString()).isEqualTo("HOME");

    JsonNode history = call(ASSISTANT, "GET", "/extreme-poverty-cases/" + first + "/support-history", null, 200);
    assertThat(list(history.path("residences"))).extracting(r -> r.path("institutionId").longValue())
        .containsExactly(home, other);
    assertThat(list(call(CASEWORKER, "GET", "/support-institutions/" + home + "/residents?current=false", null, 200)))
        .hasSize(2);
  }

  @Test
  void institutionLinkedHomeSupportIsForPersonsAtHomeAndEndsOnAdmission() throws Exception {
    long institution = institution("330681001004", "金鸡山社区照料中心", 10);
    long atHome = supportedCase("33068119450101603", "330681001001", "HOME", "PARTIAL_SELF_CARE");
    String link = "/extreme-poverty-cases/" + atHome + "/institution-link";
    assertThat(call(CASEWORKER, "POST", link, linkJson(institution, "2026-10-20"), 422).path("code").asString())
        .isEqualTo("date-in-future");
    call(CASEWORKER, "POST", link, "{\"institutionId\":" + institution + ",\"reason\":\"HOMESICK\",\"linkedOn\":\"2026-10-15\"}", 400);
    call(DIANKOU, "POST", link, linkJson(institution, "2026-10-15"), 404);
    JsonNode linked = call(CASEWORKER, "POST", link, linkJson(institution, "2026-10-15"), 201);
    assertThat(linked.path("reason").asString()).isEqualTo("MENTAL_ILLNESS");
    assertThat(call(CASEWORKER, "POST", link, linkJson(institution, "2026-10-15"), 409).path("code").asString())
        .isEqualTo("already-linked");

    call(CASEWORKER, "POST", "/support-institutions/" + institution + "/residents", admission(atHome, "2026-10-15"), 201);
    JsonNode history = get("/extreme-poverty-cases/" + atHome + "/support-history");
    assertThat(history.path("links").get(0).path("endedOn").asString()).as("admission ends the link")
        .isEqualTo("2026-10-15");
    assertThat(call(CASEWORKER, "POST", link, linkJson(institution, "2026-10-15"), 409).path("code").asString())
        .isEqualTo("resident");
    call(CASEWORKER, "POST", link + "/end", "{\"endedOn\":\"2026-10-15\"}", 404);

    // a case that is not supported is not linked
    long open = call(CASEWORKER, "POST", "/extreme-poverty-cases",
        ExtremePovertyIT.application(idNumber("33068119450101604"), "URBAN"), 201).path("id").longValue();
    assertThat(call(CASEWORKER, "POST", "/extreme-poverty-cases/" + open + "/institution-link",
        linkJson(institution, "2026-10-15"), 409).path("code").asString()).isEqualTo("not-supported");
  }

  @Test
  void ratesCountSupportedInstitutionalLinkedAndBedsOfTheRegion() throws Exception {
    String village = "330681001006";
    long institution = institution(village, "茅渚埠社区敬老院", 4);
    long a = supportedCase("33068119450101605", village, "HOME", "NO_SELF_CARE");
    long b = supportedCase("33068119450101606", village, "HOME", "NO_SELF_CARE");
    long c = supportedCase("33068119450101607", village, "HOME", "FULL_SELF_CARE");
    supportedCase("33068119450101608", village, "HOME", "FULL_SELF_CARE");
    call(CASEWORKER, "POST", "/support-institutions/" + institution + "/residents", admission(a, "2026-10-15"), 201);
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + b + "/institution-link", linkJson(institution, "2026-10-15"), 201);
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + c + "/institution-link", linkJson(institution, "2026-10-15"), 201);
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + c + "/institution-link/end", "{\"endedOn\":\"2026-10-15\"}", 200);

    JsonNode rates = call(CASEWORKER, "GET", "/extreme-poverty-rates?region=" + village, null, 200);
    assertThat(rates.path("supported").longValue()).isEqualTo(4);
    assertThat(rates.path("institutional").longValue()).isEqualTo(1);
    assertThat(rates.path("home").longValue()).isEqualTo(3);
    assertThat(rates.path("institutionLinked").longValue()).isEqualTo(1);
    assertThat(rates.path("beds").longValue()).isEqualTo(4);
    assertThat(rates.path("occupiedBeds").longValue()).isEqualTo(1);
    assertThat(rates.path("institutionalSupportRate").decimalValue()).isEqualByComparingTo("0.2500");
    assertThat(rates.path("admissionRate").decimalValue()).isEqualByComparingTo("0.2500");
    assertThat(rates.path("noSelfCareInstitutionalRate").decimalValue()).isEqualByComparingTo("0.5000");

    assertThat(call(DIANKOU, "GET", "/extreme-poverty-rates?region=" + village, null, 403).path("code").asString())
        .isEqualTo("region-outside-area");
    assertThat(call(DIANKOU, "GET", "/extreme-poverty-rates", null, 200).path("supported").longValue()).isZero();
    call(CASEWORKER, "GET", "/extreme-poverty-rates?region=33068", null, 400);
  }

  @Test
  void badInstitutionsAreRefused() throws Exception {
    call(CASEWORKER, "POST", "/support-institutions", institutionJson("330681001", "某敬老院", 10), 403);
    call(OFFICER, "POST", "/support-institutions", institutionJson("330681001", "某敬老院", 0), 400);
    call(OFFICER, "POST", "/support-institutions", institutionJson("3306810", "某敬老院", 10), 400);
    assertThat(call(OFFICER, "POST", "/support-institutions", institutionJson("330681999", "某敬老院", 10), 422)
        .path("code").asString()).isEqualTo("unknown-region");
    assertThat(call(OFFICER, "POST", "/support-institutions", institutionJson("330682001", "某敬老院", 10), 403)
        .path("code").asString()).isEqualTo("region-outside-area");
    long id = call(OFFICER, "POST", "/support-institutions", institutionJson("330681104", "店口镇敬老院", 10), 201)
        .path("id").longValue();
    assertThat(call(OFFICER, "POST", "/support-institutions", institutionJson("330681104", "店口镇敬老院", 10), 409)
        .path("code").asString()).isEqualTo("duplicate-institution");
    call(CASEWORKER, "GET", "/support-institutions/" + id, null, 404);
    assertThat(call(DIANKOU, "GET", "/support-institutions", null, 200).toString()).contains("店口镇敬老院")
        .doesNotContain("暨阳");
    assertThat(call(OFFICER, "PUT", "/support-institutions/" + id + "/beds", "{\"beds\":12}", 200).path("beds")
        .intValue()).isEqualTo(12);
  }

  private long institution(String region, String name, int beds) throws Exception {
    return call(OFFICER, "POST", "/support-institutions", institutionJson(region, name, beds), 201).path("id").longValue();
  }

  /** A case taken, reviewed and determined over REST today. */
  private long supportedCase(String first17, String village, String mode, String careLevel) throws Exception {
    long id = call(CASEWORKER, "POST", "/extreme-poverty-cases",
        ExtremePovertyIT.application(idNumber(first17), "URBAN").replace("330681001001", village), 201)
        .path("id").longValue();
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + id + "/township-review",
        ExtremePovertyIT.review(true, true, true), 200);
    call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/determination",
        "{\"supportMode\":\"" + mode + "\",\"careLevel\":\"" + careLevel + "\"}", 200);
    return id;
  }

  private JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String institutionJson(String region, String name, int beds) {
    return "{\"regionCode\":\"" + region + "\",\"name\":\"" + name + "\",\"beds\":" + beds + "}";
  }

  private static String admission(long caseId, String on) {
    return "{\"caseId\":" + caseId + ",\"admittedOn\":\"" + on + "\"}";
  }

  private static String linkJson(long institution, String on) {
    return "{\"institutionId\":" + institution + ",\"reason\":\"MENTAL_ILLNESS\",\"linkedOn\":\"" + on + "\"}";
  }
}
