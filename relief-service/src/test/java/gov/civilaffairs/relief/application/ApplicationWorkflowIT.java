package gov.civilaffairs.relief.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.MutableClock;
import gov.civilaffairs.relief.ReliefTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.test.context.ActiveProfiles;

/**
 * The minimum-living-allowance application workflow through REST with the staff roles of each step,
 * registry-service, income-verification-service and the token endpoint as WireMock stubs answering their
 * real shapes, and the verification report as income-verification's event on the embedded broker, each
 * delivered twice. The bureau's clock starts on Tuesday 1 September 2026, 09:00 in Shanghai, for every test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"platform.kafka.retry.initial-interval=20ms", "relief.application.retry-interval=1h"})
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(ApplicationWorkflowIT.Clocks.class)
class ApplicationWorkflowIT extends ReliefTestSupport {

  static final Instant START = Instant.parse("2026-09-01T01:00:00Z");
  static final String TOPIC = "income.verification.v1";
  static final String JIYANG_CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU_CASEWORKER = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  static final String JIANGDONG_ASSISTANT = TestTokens.staff("jiangdong-assistant", Role.VILLAGE_ASSISTANT, "330681001001");
  static final String ZHUJI_OFFICER = TestTokens.staff("zhuji-officer", Role.COUNTY_OFFICER, "330681");
  static final String AUDITOR = TestTokens.staff("auditor", Role.AUDITOR, null);

  @TestConfiguration
  static class Clocks {
    @Bean
    MutableClock clock() {
      return new MutableClock(START, ZoneId.of("Asia/Shanghai"));
    }
  }

  @Autowired
  MutableClock clock;

  @Autowired
  CloudEventPublisher publisher;

  @Autowired
  ApplicationService applications;

  @Autowired
  OAuth2AuthorizedClientService authorizedClients;

  @BeforeEach
  void reset() {
    clock.set(START);
    resetServices();
  }

  @Test
  void applicationGoesFromIntakeToAllowanceWithCommunityReviewAndANoticeThatNeverNamesAMinor() throws Exception {
    String head = idNumber("33068119800101003");
    String child = idNumber("33068120150601002");
    authorizedClients.removeAuthorizedClient("relief-service", "relief-service"); // no cached token: a new one is asked for
    JsonNode intake = call(JIYANG_CASEWORKER, "POST", "/allowance-applications", intakeJson(head, child), 201);
    long id = intake.path("id").longValue();
    assertThat(intake.path("status").asString()).isEqualTo("VERIFICATION");
    assertThat(intake.path("receivedOn").asString()).isEqualTo("2026-09-01");
    // 30 working days: Mid-autumn (25 Sep) and National Day (1-7 Oct) off, Sun 20 Sep and Sat 10 Oct worked.
    assertThat(intake.path("dueOn").asString()).isEqualTo("2026-10-19");
    assertThat(intake.path("registryCheck").asString()).isEqualTo("PASSED");
    assertThat(intake.path("members").get(0).path("nationalIdNumber").asString())
        .as("in full for a township caseworker (platform.security.unmasked-roles)").isEqualTo(head);
    assertThat(call(JIANGDONG_ASSISTANT, "GET", "/allowance-applications/" + id, null, 200).path("members").get(0)
        .path("nationalIdNumber").asString()).as("masked for a village assistant")
        .isEqualTo(head.substring(0, 6) + "********" + head.substring(14));
    // registry asked for each member, and income verification asked, both with relief's own token
    SERVICES.verify(2, WireMock.getRequestedFor(WireMock.urlPathEqualTo("/persons"))
        .withHeader("Authorization", WireMock.equalTo("Bearer relief-service-token")));
    SERVICES.verify(1, WireMock.postRequestedFor(WireMock.urlEqualTo("/verification-requests"))
        .withRequestBody(WireMock.matchingJsonPath("$.householdId", WireMock.equalTo("dibao-application-" + id)))
        .withRequestBody(WireMock.matchingJsonPath("$.purpose", WireMock.equalTo("ALLOWANCE_APPLICATION")))
        .withRequestBody(WireMock.matchingJsonPath("$.members[1]", WireMock.equalTo(child)))
        .withRequestBody(WireMock.matchingJsonPath("$.consent.documentReference", WireMock.equalTo("SQ-2026-0901-001"))));
    SERVICES.verify(WireMock.postRequestedFor(WireMock.urlEqualTo("/oauth2/token"))
        .withRequestBody(WireMock.containing("grant_type=client_credentials"))
        .withBasicAuth(new BasicCredentials("relief-service", "demo-relief-secret")));
    assertThat(intake.path("verificationRequestId").isIntegralNumber()).isTrue();

    // The step waits for the report: no investigation before it.
    call(JIANGDONG_ASSISTANT, "POST", "/allowance-applications/" + id + "/investigation", investigationJson(), 409);

    deliverTwice(verificationCompleted(id, 501, "BELOW_ALLOWANCE_STANDARD", "600.00"));
    JsonNode verified = call(JIYANG_CASEWORKER, "GET", "/allowance-applications/" + id, null, 200);
    assertThat(verified.path("status").asString()).isEqualTo("HOME_INVESTIGATION");
    assertThat(verified.path("verificationRequestId").longValue()).isEqualTo(501);
    assertThat(verified.path("verification").path("outcome").asString()).isEqualTo("BELOW_ALLOWANCE_STANDARD");
    assertThat(verified.path("verification").path("householdMonthlyIncome").decimalValue()).isEqualByComparingTo("600.00");
    assertThat(count("SELECT COUNT(*) FROM allowance_application_step WHERE application_id = ? AND step = 'VERIFICATION'", id))
        .as("the event delivered twice is applied once").isEqualTo(1);

    clock.advance(Duration.ofDays(2));
    JsonNode investigated = call(JIANGDONG_ASSISTANT, "POST", "/allowance-applications/" + id + "/investigation",
        investigationJson(), 200);
    assertThat(investigated.path("status").asString()).isEqualTo("FIRST_REVIEW");
    assertThat(investigated.path("photoReferences").get(0).asString()).isEqualTo("photo/2026/0903/a1.jpg");
    call(JIANGDONG_ASSISTANT, "POST", "/allowance-applications/" + id + "/first-review",
        "{\"decision\":\"APPROVE\",\"communityReview\":true}", 403);

    JsonNode reviewed = call(JIYANG_CASEWORKER, "POST", "/allowance-applications/" + id + "/first-review",
        "{\"decision\":\"APPROVE\",\"communityReview\":true}", 200);
    assertThat(reviewed.path("status").asString()).isEqualTo("COMMUNITY_REVIEW");
    JsonNode noticed = call(JIYANG_CASEWORKER, "POST", "/allowance-applications/" + id + "/community-review",
        "{\"decision\":\"APPROVE\",\"reason\":\"评议代表一致同意。\"}", 200);
    assertThat(noticed.path("status").asString()).isEqualTo("PUBLIC_NOTICE");
    assertThat(noticed.path("noticeStartsOn").asString()).isEqualTo("2026-09-03");
    assertThat(noticed.path("noticeEndsOn").asString()).isEqualTo("2026-09-09");
    // urban standard 1240.00 x 2 - 600.00 (the investigation kept the verified income)
    assertThat(noticed.path("proposedMonthlyAmount").decimalValue()).isEqualByComparingTo("1880.00");

    HttpResponse<String> notice = send(JIANGDONG_ASSISTANT, "GET", "/allowance-applications/" + id + "/notice", null);
    assertThat(notice.statusCode()).isEqualTo(200);
    JsonNode published = JSON.readTree(notice.body());
    assertThat(published.path("householdSize").intValue()).isEqualTo(2);
    assertThat(published.path("minors").intValue()).isEqualTo(1);
    assertThat(list(published.path("adults"))).extracting(a -> a.path("name").asString()).containsExactly("陈建国");
    assertThat(notice.body()).doesNotContain("陈小明").doesNotContain(child.substring(14)).doesNotContain(head.substring(14));
    assertThat(published.path("villageName").asString()).isEqualTo("江东社区");

    call(ZHUJI_OFFICER, "POST", "/allowance-applications/" + id + "/confirmation", "{\"decision\":\"APPROVE\"}", 409);
    clock.set(Instant.parse("2026-09-10T02:00:00Z"));
    JsonNode refusedByRole = call(JIYANG_CASEWORKER, "POST", "/allowance-applications/" + id + "/confirmation",
        "{\"decision\":\"APPROVE\"}", 403);
    assertThat(refusedByRole.path("code").asString()).isEqualTo("confirmation-by-county");
    JsonNode confirmed = call(ZHUJI_OFFICER, "POST", "/allowance-applications/" + id + "/confirmation",
        "{\"decision\":\"APPROVE\"}", 200);
    assertThat(confirmed.path("status").asString()).isEqualTo("CONFIRMED");
    assertThat(confirmed.path("decidedOn").asString()).isEqualTo("2026-09-10");
    assertThat(confirmed.path("startMonth").asString()).isEqualTo("2026-10");
    long household = confirmed.path("householdId").longValue();
    JsonNode allowance = get("/households/" + household + "?asOf=2026-10").path("allowance");
    assertThat(allowance.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(allowance.path("startMonth").asString()).isEqualTo("2026-10");
    assertThat(allowance.path("currentAmount").decimalValue()).isEqualByComparingTo("1880.00");
    assertThat(count("SELECT (SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE EVENT_TYPE LIKE '%BenefitGranted' AND SERIALIZED_EVENT LIKE ?)"
        + " + (SELECT COUNT(*) FROM EVENT_PUBLICATION_ARCHIVE WHERE EVENT_TYPE LIKE '%BenefitGranted' AND SERIALIZED_EVENT LIKE ?)",
        "%\"householdId\":" + household + ",%\"applicationId\":" + id + ",%",
        "%\"householdId\":" + household + ",%\"applicationId\":" + id + ",%"))
        .as("benefit-granted names the confirmed application").isEqualTo(1);
    assertThat(list(confirmed.path("steps"))).extracting(s -> s.path("step").asString() + ":" + s.path("outcome").asString())
        .containsExactly("INTAKE:RECEIVED", "VERIFICATION:BELOW_ALLOWANCE_STANDARD", "HOME_INVESTIGATION:RECORDED",
            "FIRST_REVIEW:APPROVED", "COMMUNITY_REVIEW:APPROVED", "CONFIRMATION:CONFIRMED");
    assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE object_type = 'allowance-application' AND object_id = ?",
        String.valueOf(id))).isGreaterThanOrEqualTo(8);
  }

  @Test
  void anObjectionDuringTheNoticeSendsTheCaseBackToInvestigationAndARefusalNeedsReasons() throws Exception {
    long id = toFirstReview(idNumber("33068119700303004"));
    JsonNode noReasons = call(JIYANG_CASEWORKER, "POST", "/allowance-applications/" + id + "/first-review",
        "{\"decision\":\"REFUSE\"}", 422);
    assertThat(noReasons.path("code").asString()).isEqualTo("reason-required");
    call(JIYANG_CASEWORKER, "POST", "/allowance-applications/" + id + "/first-review", "{\"decision\":\"APPROVE\"}", 200);

    clock.advance(Duration.ofDays(3));
    JsonNode objected = call(JIANGDONG_ASSISTANT, "POST", "/allowance-applications/" + id + "/objections",
        "{\"summary\":\"邻居反映户主之子在外务工有稳定收入。\"}", 200);
    assertThat(objected.path("status").asString()).isEqualTo("HOME_INVESTIGATION");
    assertThat(objected.path("noticeEndsOn").isNull()).isTrue();
    call(ZHUJI_OFFICER, "GET", "/allowance-applications/" + id + "/notice", null, 409);

    call(JIANGDONG_ASSISTANT, "POST", "/allowance-applications/" + id + "/investigation", investigationJson(), 200);
    JsonNode refused = call(JIYANG_CASEWORKER, "POST", "/allowance-applications/" + id + "/first-review",
        "{\"decision\":\"REFUSE\",\"reason\":\"子女有稳定收入，家庭人均收入高于当地低保标准。\"}", 200);
    assertThat(refused.path("status").asString()).isEqualTo("REFUSED");
    assertThat(refused.path("refusalStep").asString()).isEqualTo("FIRST_REVIEW");
    assertThat(refused.path("refusalReason").asString()).contains("稳定收入");
    assertThat(refused.path("decidedOn").asString()).isEqualTo("2026-09-07");
    // Monday 7 September 2026 + 3 working days
    assertThat(refused.path("refusalNoticeDueOn").asString()).isEqualTo("2026-09-10");
    call(ZHUJI_OFFICER, "POST", "/allowance-applications/" + id + "/confirmation", "{\"decision\":\"APPROVE\"}", 409);
  }

  @Test
  void anObjectionAfterTheNoticeIsRefusedAndTheNoticeEndsAfterSevenDays() throws Exception {
    long id = toFirstReview(idNumber("33068119720404005"));
    call(JIYANG_CASEWORKER, "POST", "/allowance-applications/" + id + "/first-review", "{\"decision\":\"APPROVE\"}", 200);
    JsonNode noticed = call(ZHUJI_OFFICER, "GET", "/allowance-applications/" + id, null, 200);
    assertThat(noticed.path("noticeStartsOn").asString()).isEqualTo("2026-09-04");
    assertThat(noticed.path("noticeEndsOn").asString()).isEqualTo("2026-09-10");
    clock.set(Instant.parse("2026-09-10T15:59:00Z")); // 23:59 on 10 September in Shanghai: the 7th day
    call(JIANGDONG_ASSISTANT, "POST", "/allowance-applications/" + id + "/confirmation", "{\"decision\":\"APPROVE\"}", 403);
    call(ZHUJI_OFFICER, "POST", "/allowance-applications/" + id + "/confirmation", "{\"decision\":\"APPROVE\"}", 409);
    clock.set(Instant.parse("2026-09-10T16:00:00Z"));
    JsonNode late = call(JIANGDONG_ASSISTANT, "POST", "/allowance-applications/" + id + "/objections",
        "{\"summary\":\"逾期异议\"}", 409);
    assertThat(late.path("code").asString()).isEqualTo("notice-ended");
    JsonNode refused = call(ZHUJI_OFFICER, "POST", "/allowance-applications/" + id + "/confirmation",
        "{\"decision\":\"REFUSE\",\"reason\":\"经复核，家庭财产超过规定。\"}", 200);
    assertThat(refused.path("status").asString()).isEqualTo("REFUSED");
    assertThat(refused.path("refusalStep").asString()).isEqualTo("CONFIRMATION");
    assertThat(refused.path("householdId").isNull()).isTrue();
  }

  @Test
  void aPersonAlreadyCoveredOrDeadOrUnknownToTheRegistryIsNotTaken() throws Exception {
    String covered = idNumber("33068119600505006");
    registerHousehold("""
        {"regionCode":"330681001001","area":"URBAN","monthlyIncome":"300.00","startMonth":"2026-01",
         "members":[{"nationalIdNumber":"%s","name":"周桂兰","relation":"HEAD"}]}""".formatted(covered));
    int before = count("SELECT COUNT(*) FROM allowance_application");

    JsonNode twice = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(idNumber("33068119810606007"), covered), 409);
    assertThat(twice.path("code").asString()).isEqualTo("already-covered");
    assertThat(twice.path("members").get(0).asString()).isEqualTo(covered.substring(0, 6) + "********" + covered.substring(14));

    String dead = idNumber("33068119400707008");
    registryAnswers(dead, "DECEASED");
    JsonNode deceased = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(dead, idNumber("33068120150601010")), 422);
    assertThat(deceased.path("code").asString()).isEqualTo("person-not-enrollable");
    assertThat(deceased.path("members").get(0).path("registryStatus").asString()).isEqualTo("DECEASED");

    String unknown = idNumber("33068119820808009");
    registryAnswers(unknown, null);
    JsonNode notIndexed = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(unknown, idNumber("33068120160701011")), 422);
    assertThat(notIndexed.path("members").get(0).path("registryStatus").asString()).isEqualTo("NOT_INDEXED");
    assertThat(count("SELECT COUNT(*) FROM allowance_application")).isEqualTo(before);
    SERVICES.verify(0, WireMock.postRequestedFor(WireMock.urlEqualTo("/verification-requests")));

    // the same check closes the old gap: a household member unknown to the person index is refused
    JsonNode household = post("/households", """
        {"regionCode":"330681001001","area":"URBAN","monthlyIncome":"300.00","startMonth":"2026-01",
         "members":[{"nationalIdNumber":"%s","name":"无名","relation":"HEAD"}]}""".formatted(unknown), 422);
    assertThat(household.path("code").asString()).isEqualTo("person-not-enrollable");
    assertThat(count("SELECT COUNT(*) FROM household_member WHERE national_id_number = ?", unknown)).isZero();
  }

  @Test
  void whenTheRegistryIsDownTheCheckIsPendingBlocksTheFirstReviewAndIsRetried() throws Exception {
    SERVICES.stubFor(WireMock.get(WireMock.urlPathEqualTo("/persons")).atPriority(1)
        .willReturn(WireMock.serviceUnavailable()));
    SERVICES.stubFor(WireMock.post("/verification-requests").atPriority(1)
        .willReturn(WireMock.serverError()));
    String head = idNumber("33068119750909001");
    JsonNode intake = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(head, idNumber("33068120180101012")), 201);
    long id = intake.path("id").longValue();
    assertThat(intake.path("registryCheck").asString()).isEqualTo("PENDING");
    assertThat(intake.path("members").get(0).path("registryStatus").asString()).isEqualTo("UNAVAILABLE");
    assertThat(intake.path("verificationRequestId").isNull()).as("income verification was down too").isTrue();
    JsonNode householdWhileDown = post("/households", """
        {"regionCode":"330681001001","area":"URBAN","monthlyIncome":"300.00","startMonth":"2026-01",
         "members":[{"nationalIdNumber":"%s","name":"孙立","relation":"HEAD"}]}""".formatted(idNumber("33068119750909010")), 503);
    assertThat(householdWhileDown.path("code").asString()).isEqualTo("registry-unavailable");

    // Both come back: the retry asks the registry again and submits the verification request.
    resetServices();
    applications.retryPending();
    JsonNode retried = call(JIYANG_CASEWORKER, "GET", "/allowance-applications/" + id, null, 200);
    assertThat(retried.path("registryCheck").asString()).isEqualTo("PASSED");
    assertThat(retried.path("members").get(1).path("registryStatus").asString()).isEqualTo("LIVING");
    assertThat(retried.path("verificationRequestId").isIntegralNumber()).isTrue();
  }

  @Test
  void aPendingRegistryCheckHoldsTheFirstReviewAndAMemberFoundDeadOnRetryRefusesTheApplication() throws Exception {
    String head = idNumber("33068119761010002");
    SERVICES.stubFor(WireMock.get(WireMock.urlPathEqualTo("/persons")).atPriority(1)
        .willReturn(WireMock.aResponse().withFixedDelay(3_000)));
    long id = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(head, idNumber("33068120180202013")), 201).path("id").longValue();
    resetServices();
    deliverTwice(verificationCompleted(id, 601, "BELOW_ALLOWANCE_STANDARD", "500.00"));
    clock.set(Instant.parse("2026-09-04T02:00:00Z"));
    call(JIANGDONG_ASSISTANT, "POST", "/allowance-applications/" + id + "/investigation", investigationJson(), 200);
    JsonNode held = call(JIYANG_CASEWORKER, "POST", "/allowance-applications/" + id + "/first-review",
        "{\"decision\":\"APPROVE\"}", 409);
    assertThat(held.path("code").asString()).isEqualTo("registry-check-pending");

    registryAnswers(head, "DECEASED");
    applications.retryPending();
    JsonNode refused = call(JIYANG_CASEWORKER, "GET", "/allowance-applications/" + id, null, 200);
    assertThat(refused.path("status").asString()).isEqualTo("REFUSED");
    assertThat(refused.path("registryCheck").asString()).isEqualTo("FAILED");
    assertThat(refused.path("members").get(0).path("registryStatus").asString()).isEqualTo("DECEASED");
  }

  @Test
  void aReportOverTheLimitRefusesAndAnotherTownshipNeitherSeesNorListsTheCase() throws Exception {
    long id = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(idNumber("33068119771111003"), idNumber("33068120190303014")), 201).path("id").longValue();
    call(DIANKOU_CASEWORKER, "GET", "/allowance-applications/" + id, null, 404);
    call(DIANKOU_CASEWORKER, "POST", "/allowance-applications/" + id + "/first-review", "{\"decision\":\"APPROVE\"}", 404);
    assertThat(list(call(DIANKOU_CASEWORKER, "GET", "/allowance-applications?size=200", null, 200)))
        .noneMatch(a -> a.path("id").longValue() == id);
    call(DIANKOU_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(idNumber("33068119771111020"), idNumber("33068120190303030")), 403);

    deliverTwice(verificationCompleted(id, 701, "ASSETS_OVER_LIMIT", "300.00"));
    JsonNode refused = call(AUDITOR, "GET", "/allowance-applications/" + id, null, 200);
    assertThat(refused.path("status").asString()).isEqualTo("REFUSED");
    assertThat(refused.path("refusalStep").asString()).isEqualTo("VERIFICATION");
    assertThat(refused.path("refusalReason").asString()).contains("ASSETS_OVER_LIMIT").contains("asset-limit:VEHICLES");
    call(AUDITOR, "POST", "/allowance-applications/" + id + "/objections", "{\"summary\":\"x\"}", 403);
  }

  @Test
  void aTokenEndpointSlowerThanItsTimeoutCountsAsAnOutageAtIntake() throws Exception {
    authorizedClients.removeAuthorizedClient("relief-service", "relief-service");
    SERVICES.stubFor(WireMock.post("/oauth2/token").atPriority(1).willReturn(WireMock.okJson(
        "{\"access_token\":\"late\",\"token_type\":\"Bearer\",\"expires_in\":3600}").withFixedDelay(5_000)));
    JsonNode intake = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(idNumber("33068119771111022"), idNumber("33068120190303032")), 201);
    assertThat(intake.path("registryCheck").asString()).isEqualTo("PENDING");
    assertThat(intake.path("verificationRequestId").isNull()).isTrue();
    // without the timeout the late token would be used, and the registry stub (which wants the usual token)
    // would answer 404: the member would be refused as not indexed instead of the check being pending
    SERVICES.verify(0, WireMock.getRequestedFor(WireMock.urlPathEqualTo("/persons")));
  }

  @Test
  void aNearPovertyReportRefusesTheApplicationAndEntersTheNearPovertyRegister() throws Exception {
    String head = idNumber("33068119771111023");
    long id = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(head, idNumber("33068120190303033")), 201).path("id").longValue();
    deliverTwice(verificationCompleted(id, 951, "NEAR_POVERTY", "3000.00"));
    JsonNode refused = call(JIYANG_CASEWORKER, "GET", "/allowance-applications/" + id, null, 200);
    assertThat(refused.path("status").asString()).isEqualTo("REFUSED");
    assertThat(refused.path("refusalReason").asString()).contains("NEAR_POVERTY");
    JsonNode entry = list(call(JIYANG_CASEWORKER, "GET", "/near-poverty-households?size=200", null, 200)).stream()
        .filter(h -> h.path("applicationId").longValue() == id).findFirst().orElseThrow();
    assertThat(entry.path("householdMonthlyIncome").decimalValue()).isEqualByComparingTo("3000.00");
    assertThat(entry.path("verificationRequestId").longValue()).isEqualTo(951);
    assertThat(entry.path("determinedOn").asString()).isEqualTo("2026-09-01");
    assertThat(list(entry.path("members"))).extracting(m -> m.path("nationalIdNumber").asString()).contains(head);
    assertThat(count("SELECT COUNT(*) FROM near_poverty_household WHERE application_id = ?", id))
        .as("the event delivered twice enters once").isEqualTo(1);
    long entryId = entry.path("id").longValue();
    call(DIANKOU_CASEWORKER, "GET", "/near-poverty-households/" + entryId, null, 404);
    assertThat(list(call(DIANKOU_CASEWORKER, "GET", "/near-poverty-households", null, 200)))
        .noneMatch(h -> h.path("id").longValue() == entryId);
    call(JIANGDONG_ASSISTANT, "GET", "/near-poverty-households/" + entryId, null, 403);
  }

  @Test
  void aReportThatCannotBeReadGoesToTheDeadLetterTopicAndTheNextStillApplies() throws Exception {
    long id = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(idNumber("33068119771111024"), idNumber("33068120190303034")), 201).path("id").longValue();
    String broken = "{\"requestId\":961,\"householdId\":\"dibao-application-" + id
        + "\",\"purpose\":\"ALLOWANCE_APPLICATION\",\"householdMonthlyIncome\":100.00}";
    publisher.publish(TOPIC, new EventEnvelope(UUID.randomUUID(), ApplicationService.VERIFICATION_COMPLETED, "961",
        Instant.parse("2026-09-01T02:00:00Z"), broken)).get(10, TimeUnit.SECONDS);
    deliverTwice(verificationCompleted(id, 962, "BELOW_ALLOWANCE_STANDARD", "400.00"));

    assertThat(call(JIYANG_CASEWORKER, "GET", "/allowance-applications/" + id, null, 200).path("status").asString())
        .isEqualTo("HOME_INVESTIGATION");
    ConsumerRecord<byte[], byte[]> deadLetter = readOne(TOPIC + "-dlt", "961");
    JsonNode dead = JSON.readTree(new String(deadLetter.value(), StandardCharsets.UTF_8));
    assertThat(dead.path("requestId").longValue()).isEqualTo(961);
    assertThat(dead.path("householdId").asString()).isEqualTo("dibao-application-" + id);
    assertThat(dead.has("determination")).isFalse();
  }

  @Test
  void anInconclusiveReportIsRecordedAndTheCaseworkerAsksAgain() throws Exception {
    long id = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(idNumber("33068119771111021"), idNumber("33068120190303031")), 201).path("id").longValue();
    JsonNode awaited = call(JIYANG_CASEWORKER, "POST", "/allowance-applications/" + id + "/verification-request", null, 409);
    assertThat(awaited.path("code").asString()).isEqualTo("verification-awaited");

    deliverTwice(verificationCompleted(id, 901, "INCONCLUSIVE", "0.00"));
    JsonNode waiting = call(JIYANG_CASEWORKER, "GET", "/allowance-applications/" + id, null, 200);
    assertThat(waiting.path("status").asString()).isEqualTo("VERIFICATION");
    assertThat(waiting.path("verification").path("outcome").asString()).isEqualTo("INCONCLUSIVE");

    SERVICES.resetRequests();
    JsonNode again = call(JIYANG_CASEWORKER, "POST", "/allowance-applications/" + id + "/verification-request", null, 200);
    assertThat(again.path("verification").isNull()).isTrue();
    assertThat(again.path("verificationRequestId").isIntegralNumber()).isTrue();
    SERVICES.verify(1, WireMock.postRequestedFor(WireMock.urlEqualTo("/verification-requests"))
        .withRequestBody(WireMock.matchingJsonPath("$.householdId", WireMock.equalTo("dibao-application-" + id))));
    deliverTwice(verificationCompleted(id, 902, "BELOW_ALLOWANCE_STANDARD", "400.00"));
    JsonNode moved = call(JIYANG_CASEWORKER, "GET", "/allowance-applications/" + id, null, 200);
    assertThat(moved.path("status").asString()).isEqualTo("HOME_INVESTIGATION");
    assertThat(moved.path("verificationRequestId").longValue()).isEqualTo(902);
  }

  @Test
  void overdueApplicationsAreListedPerTownshipWithinTheCallersArea() throws Exception {
    long id = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(idNumber("33068119781212004"), idNumber("33068120200404015")), 201).path("id").longValue();
    clock.set(Instant.parse("2026-10-19T08:00:00Z"));
    assertThat(overdueIds(JIYANG_CASEWORKER)).doesNotContain(id);
    clock.set(Instant.parse("2026-10-19T16:00:00Z")); // 00:00 on 20 October in Shanghai
    JsonNode townships = call(JIYANG_CASEWORKER, "GET", "/allowance-applications/overdue", null, 200);
    JsonNode jiyang = list(townships).stream().filter(t -> t.path("townshipCode").asString().equals("330681001"))
        .findFirst().orElseThrow();
    assertThat(jiyang.path("townshipName").asString()).isEqualTo("暨阳街道");
    assertThat(overdueIds(JIYANG_CASEWORKER)).contains(id);
    assertThat(overdueIds(ZHUJI_OFFICER)).contains(id);
    assertThat(overdueIds(DIANKOU_CASEWORKER)).doesNotContain(id);
    assertThat(call(JIYANG_CASEWORKER, "GET", "/allowance-applications/" + id, null, 200).path("overdue").booleanValue())
        .isTrue();
  }

  @Test
  void anIntakeWhoseDeadlineLiesInAYearTheCalendarDoesNotCoverHasNoDueDateYet() throws Exception {
    clock.set(Instant.parse("2026-12-01T01:00:00Z"));
    JsonNode intake = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(idNumber("33068119790101005", "2026-11-30"), idNumber("33068120200505016")), 201);
    assertThat(intake.path("dueOn").isNull()).isTrue();
    assertThat(intake.path("overdue").booleanValue()).isFalse();
  }

  @Test
  void badIntakesAreRefusedWithTheFieldAndRule() throws Exception {
    JsonNode future = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(idNumber("33068119790202006", "2026-09-02"), idNumber("33068120200606017")), 422);
    assertThat(future.path("code").asString()).isEqualTo("consent-in-future");
    JsonNode old = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(idNumber("33068119790202006", "2026-02-28"), idNumber("33068120200606017")), 422);
    assertThat(old.path("code").asString()).isEqualTo("consent-expired");
    JsonNode badNumber = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson("330681197913020061", idNumber("33068120200606017")), 400);
    assertThat(badNumber.toString()).contains("nationalIdNumber");
    call(null, "POST", "/allowance-applications", intakeJson(idNumber("33068119790202006"), idNumber("33068120200606017")), 401);
  }

  // ---------------------------------------------------------------------------------------------

  /** Intake, report below the standard, investigation: the application at FIRST_REVIEW (4 September). */
  private long toFirstReview(String head) throws Exception {
    long id = call(JIYANG_CASEWORKER, "POST", "/allowance-applications",
        intakeJson(head, idNumber(head.substring(0, 6) + "2016" + head.substring(10, 17))), 201).path("id").longValue();
    deliverTwice(verificationCompleted(id, 800 + id, "BELOW_ALLOWANCE_STANDARD", "600.00"));
    clock.set(Instant.parse("2026-09-04T02:00:00Z"));
    call(JIANGDONG_ASSISTANT, "POST", "/allowance-applications/" + id + "/investigation", investigationJson(), 200);
    return id;
  }

  private java.util.List<Long> overdueIds(String token) throws Exception {
    return list(call(token, "GET", "/allowance-applications/overdue", null, 200)).stream()
        .flatMap(t -> list(t.path("applications")).stream()).map(a -> a.path("id").longValue()).toList();
  }

  private static String idNumber(String first17, String consentSignedOn) {
    return idNumber(first17) + "|" + consentSignedOn;
  }

  private static String intakeJson(String headAndConsent, String child) {
    String[] parts = headAndConsent.split("\\|");
    String signedOn = parts.length > 1 ? parts[1] : "2026-08-31";
    return """
        {"regionCode":"330681001001","area":"URBAN","consentReference":"SQ-2026-0901-001","consentSignedOn":"%s",
         "members":[{"nationalIdNumber":"%s","name":"陈建国","relation":"HEAD"},
                    {"nationalIdNumber":"%s","name":"陈小明","relation":"CHILD"}],
         "status":"CONFIRMED","householdId":1}""".formatted(signedOn, parts[0], child);
  }

  private static String investigationJson() {
    return """
        {"findings":"两人同住，户主因病无劳动能力，无车辆。","investigatedOn":"2026-09-03",
         "photoReferences":["photo/2026/0903/a1.jpg"]}""";
  }

  private JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  /** income.verification-completed.v1 as income-verification-service publishes it, checked against its schema. */
  private static EventEnvelope verificationCompleted(long applicationId, long requestId, String outcome, String income)
      throws Exception {
    UUID eventId = UUID.randomUUID();
    String rule = outcome.equals("ASSETS_OVER_LIMIT") ? "asset-limit:VEHICLES"
        : outcome.equals("INCONCLUSIVE") ? "sources-missing"
        : outcome.equals("NEAR_POVERTY") ? "per-capita-income-below-near-poverty-line"
        : "per-capita-income-below-allowance-standard";
    String payload = """
        {"eventId":"%s","requestId":%d,"householdId":"dibao-application-%d","purpose":"ALLOWANCE_APPLICATION",
         "livingMembers":2,"householdMonthlyIncome":%s,"perCapitaMonthlyIncome":%s,
         "assets":{"VEHICLES":0.00},"missingSources":[],
         "determination":{"outcome":"%s","rule":"%s","explanation":"per-capita income compared with 1240.00"},
         "completedAt":"2026-09-01T02:00:00Z","someFutureField":true}"""
        .formatted(eventId, requestId, applicationId, income, income, outcome, rule);
    assertThat(schemaErrors("income.verification-completed.v1.schema.json", payload)).isEmpty();
    return new EventEnvelope(eventId, ApplicationService.VERIFICATION_COMPLETED, String.valueOf(requestId),
        Instant.parse("2026-09-01T02:00:00Z"), payload);
  }

  private ConsumerRecord<byte[], byte[]> readOne(String topic, String key) {
    Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (Consumer<byte[], byte[]> consumer = new DefaultKafkaConsumerFactory<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no record with key " + key + " on " + topic);
  }

  private void deliverTwice(EventEnvelope event) throws Exception {
    publisher.publish(TOPIC, event).get(10, TimeUnit.SECONDS);
    publisher.publish(TOPIC, event).get(10, TimeUnit.SECONDS);
    awaitConsumed("relief-service", TOPIC);
  }
}
