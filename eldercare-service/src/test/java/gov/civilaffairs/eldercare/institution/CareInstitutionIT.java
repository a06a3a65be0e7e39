package gov.civilaffairs.eldercare.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.eldercare.EldercareTestSupport;
import gov.civilaffairs.eldercare.FixedClockConfiguration;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Care institutions over REST with the bureau's clock fixed at 2026-11-15 (Asia/Shanghai): filing, beds,
 * admission and discharge (a resident admitted to two institutions: 409), inspections with rectification orders
 * and follow-ups (a passed deadline shows as overdue), star rating with its score sheet, re-registration tracking,
 * and the area rule (issue 3).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(FixedClockConfiguration.class)
class CareInstitutionIT extends EldercareTestSupport {

  /** A county officer of another county (绍兴市越城区 330602). */
  private static final String YUECHENG_OFFICER = TestTokens.staff("yuecheng-officer", Role.COUNTY_OFFICER, "330602");
  private static final AtomicLong FILING = new AtomicLong(System.nanoTime() % 100000);

  @Test
  void aResidentCannotBeAdmittedToTwoInstitutionsAndBedsAreCounted() throws Exception {
    long jiyangHome = institution(ZHUJI_OFFICER, "PUBLIC", JIANGDONG, 1);
    long diankouHome = institution(ZHUJI_OFFICER, "PRIVATE", JINHU, 10);
    String first = registerPerson("19380101", JIANGDONG);
    String second = registerPerson("19390101", JINHU);

    JsonNode admitted = call(JIYANG_CASEWORKER, "POST", "/care-institutions/" + jiyangHome + "/residents",
        admission(first, "2026-11-01"), 201);
    assertThat(problem(DIANKOU_CASEWORKER, "POST", "/care-institutions/" + diankouHome + "/residents",
        admission(first, "2026-11-05"), 409)).isEqualTo("already-resident");
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/care-institutions/" + jiyangHome + "/residents",
        admission(second, "2026-11-05"), 409)).isEqualTo("no-free-bed");
    call(ZHUJI_OFFICER, "PUT", "/care-institutions/" + jiyangHome + "/beds", "{\"beds\":2}", 200);
    call(JIYANG_CASEWORKER, "POST", "/care-institutions/" + jiyangHome + "/residents", admission(second, "2026-11-05"), 201);
    assertThat(problem(ZHUJI_OFFICER, "PUT", "/care-institutions/" + jiyangHome + "/beds", "{\"beds\":1}", 422))
        .isEqualTo("beds-below-residents");
    assertThat(call(JIYANG_CASEWORKER, "GET", "/care-institutions/" + jiyangHome, null, 200).path("occupiedBeds").asInt())
        .isEqualTo(2);

    long residence = admitted.path("residenceId").asLong();
    String discharge = "/care-institutions/" + jiyangHome + "/residents/" + residence + "/discharge";
    assertThat(problem(JIYANG_CASEWORKER, "POST", discharge, "{\"dischargedOn\":\"2026-10-01\",\"reason\":\"LEFT\"}", 422))
        .isEqualTo("before-admission");
    JsonNode left = call(JIYANG_CASEWORKER, "POST", discharge, "{\"dischargedOn\":\"2026-11-10\",\"reason\":\"TRANSFERRED\"}", 200);
    assertThat(left.path("dischargedOn").asString()).isEqualTo("2026-11-10");
    assertThat(problem(JIYANG_CASEWORKER, "POST", discharge, "{\"dischargedOn\":\"2026-11-11\",\"reason\":\"LEFT\"}", 409))
        .isEqualTo("already-discharged");
    call(DIANKOU_CASEWORKER, "POST", "/care-institutions/" + diankouHome + "/residents", admission(first, "2026-11-11"), 201);
    assertThat(call(JIYANG_CASEWORKER, "GET", "/care-institutions/" + jiyangHome + "/residents", null, 200)
        .valueStream().map(r -> r.path("residenceId").asLong()).toList()).doesNotContain(residence).hasSize(1);
    assertThat(call(JIYANG_CASEWORKER, "GET", "/care-institutions/" + jiyangHome + "/residents?includeDischarged=true",
        null, 200)).hasSize(2);

    // Area: 暨阳's caseworker does not see 店口's institution; the county officer sees both.
    assertThat(problem(JIYANG_CASEWORKER, "GET", "/care-institutions/" + diankouHome, null, 404)).isEqualTo("not-found");
    assertThat(problem(JIYANG_CASEWORKER, "GET", "/care-institutions/" + diankouHome + "/residents", null, 404))
        .isEqualTo("not-found");
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/care-institutions/" + diankouHome + "/residents",
        admission(second, "2026-11-12"), 404)).isEqualTo("not-found");
    assertThat(ids(JIYANG_CASEWORKER)).contains(jiyangHome).doesNotContain(diankouHome);
    assertThat(ids(ZHUJI_OFFICER)).contains(jiyangHome, diankouHome);
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/care-institutions", registration("PUBLIC", JIANGDONG, 5), 403))
        .isEqualTo("forbidden");
    assertThat(problem(YUECHENG_OFFICER, "POST", "/care-institutions", registration("PUBLIC", JIANGDONG, 5),
        403)).isEqualTo("region-outside-area");
  }

  @Test
  void aPassedRectificationDeadlineShowsAsOverdueUntilAFollowUpFindsItRectified() throws Exception {
    long home = institution(ZHUJI_OFFICER, "PUBLIC", JINJISHAN, 50);
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/care-institutions/" + home + "/inspections", """
        {"inspectedOn":"2026-11-02","inspector":"养老服务科","findings":[
          {"item":"消防安全","description":"安全出口堵塞","requirement":"清理","deadline":"2026-11-01"}]}""", 422))
        .isEqualTo("deadline-not-after-inspection");
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/care-institutions/" + home + "/inspections", """
        {"inspectedOn":"2026-11-16","inspector":"养老服务科","findings":[]}""", 422)).isEqualTo("future-date");
    assertThat(call(JIYANG_CASEWORKER, "GET", "/care-institutions/" + home + "/inspections", null, 200)).isEmpty();

    JsonNode inspection = call(JIYANG_CASEWORKER, "POST", "/care-institutions/" + home + "/inspections", """
        {"inspectedOn":"2026-11-02","inspector":"养老服务科","findings":[
          {"item":"消防安全","description":"二楼安全出口堵塞","requirement":"清理安全出口","deadline":"2026-11-10"},
          {"item":"膳食","description":"留样记录不全","requirement":"补齐留样记录","deadline":"2026-11-30"},
          {"item":"档案","description":"个别入住合同未签字"}]}""", 201);
    assertThat(inspection.path("result").asString()).isEqualTo("FINDINGS");
    assertThat(inspection.path("findings")).hasSize(3);
    assertThat(inspection.path("findings").get(2).path("rectificationOrderId").isNull()).isTrue();

    List<JsonNode> orders = call(JIYANG_CASEWORKER, "GET", "/care-institutions/" + home + "/rectification-orders",
        null, 200).valueStream().toList();
    assertThat(orders).hasSize(2);
    JsonNode fire = orders.get(0);
    assertThat(fire.path("overdue").asBoolean()).as("deadline 10 November passed").isTrue();
    assertThat(orders.get(1).path("overdue").asBoolean()).as("deadline 30 November to come").isFalse();
    assertThat(overdueIds(JIYANG_CASEWORKER)).contains(fire.path("id").asLong())
        .doesNotContain(orders.get(1).path("id").asLong());
    assertThat(overdueIds(DIANKOU_CASEWORKER)).doesNotContain(fire.path("id").asLong());

    String followUps = "/care-institutions/" + home + "/rectification-orders/" + fire.path("id").asLong() + "/follow-ups";
    JsonNode notYet = call(JIYANG_CASEWORKER, "POST", followUps,
        "{\"checkedOn\":\"2026-11-12\",\"rectified\":false,\"note\":\"仍有杂物\"}", 200);
    assertThat(notYet.path("status").asString()).isEqualTo("OPEN");
    assertThat(notYet.path("overdue").asBoolean()).isTrue();
    JsonNode done = call(JIYANG_CASEWORKER, "POST", followUps,
        "{\"checkedOn\":\"2026-11-14\",\"rectified\":true,\"note\":\"已清理\"}", 200);
    assertThat(done.path("status").asString()).isEqualTo("RECTIFIED");
    assertThat(done.path("rectifiedOn").asString()).isEqualTo("2026-11-14");
    assertThat(done.path("overdue").asBoolean()).isFalse();
    assertThat(done.path("followUps")).hasSize(2);
    assertThat(problem(JIYANG_CASEWORKER, "POST", followUps,
        "{\"checkedOn\":\"2026-11-15\",\"rectified\":true,\"note\":\"再查\"}", 409)).isEqualTo("order-closed");
    assertThat(overdueIds(JIYANG_CASEWORKER)).doesNotContain(fire.path("id").asLong());

    JsonNode passed = call(JIYANG_CASEWORKER, "POST", "/care-institutions/" + home + "/inspections",
        "{\"inspectedOn\":\"2026-11-14\",\"inspector\":\"养老服务科\",\"findings\":[]}", 201);
    assertThat(passed.path("result").asString()).isEqualTo("PASSED");
  }

  @Test
  void aStarRatingScoresEachCriterionAndTheTotalGivesTheStars() throws Exception {
    long home = institution(ZHUJI_OFFICER, "PUBLIC", JIANGDONG, 80);
    String path = "/care-institutions/" + home + "/star-ratings";
    assertThat(problem(ZHUJI_OFFICER, "POST", path, """
        {"ratedOn":"2026-10-15","scores":{"ENVIRONMENT":110,"FACILITIES":120,"OPERATION_MANAGEMENT":130}}""", 422))
        .isEqualTo("missing-criterion");
    assertThat(problem(ZHUJI_OFFICER, "POST", path, """
        {"ratedOn":"2026-10-15","scores":{"ENVIRONMENT":121,"FACILITIES":120,"OPERATION_MANAGEMENT":130,"SERVICE":1}}""",
        422)).isEqualTo("score-out-of-range");
    assertThat(problem(ZHUJI_OFFICER, "POST", path, """
        {"ratedOn":"2026-10-15","scores":{"ENVIRONMENT":1,"FACILITIES":1,"OPERATION_MANAGEMENT":1,"SERVICE":1,"LOOKS":5}}""",
        422)).isEqualTo("unknown-criterion");
    assertThat(problem(JIYANG_CASEWORKER, "POST", path, """
        {"ratedOn":"2026-10-15","scores":{"ENVIRONMENT":1,"FACILITIES":1,"OPERATION_MANAGEMENT":1,"SERVICE":1}}""", 403))
        .isEqualTo("forbidden");
    assertThat(call(ZHUJI_OFFICER, "GET", path, null, 200)).as("nothing stored").isEmpty();

    JsonNode rating = call(ZHUJI_OFFICER, "POST", path, """
        {"ratedOn":"2026-10-15","scores":{"ENVIRONMENT":110,"FACILITIES":120,"OPERATION_MANAGEMENT":130,"SERVICE":452.5}}""",
        201);
    assertThat(rating.path("totalScore").decimalValue()).isEqualByComparingTo("812.50");
    assertThat(rating.path("stars").asInt()).as("800 or more: 4 stars").isEqualTo(4);
    assertThat(rating.path("scoreSheet")).hasSize(4);
    assertThat(call(ZHUJI_OFFICER, "GET", "/care-institutions/" + home, null, 200).path("institution")
        .path("starRating").asInt()).isEqualTo(4);
  }

  @Test
  void aPrivateInstitutionToldToReRegisterIsTrackedUntilItDoes() throws Exception {
    long publicHome = institution(ZHUJI_OFFICER, "PUBLIC", JINHU, 30);
    long privateHome = institution(ZHUJI_OFFICER, "PRIVATE", JINHU, 30);
    String order = "{\"orderedOn\":\"2026-09-01\",\"reason\":\"法定代表人变更\",\"deadline\":\"2026-10-31\"}";
    assertThat(problem(ZHUJI_OFFICER, "POST", "/care-institutions/" + publicHome + "/re-registration-orders", order, 422))
        .isEqualTo("not-private");
    assertThat(problem(ZHUJI_OFFICER, "POST", "/care-institutions/" + privateHome + "/re-registration", """
        {"reRegisteredOn":"2026-11-14","newFilingNumber":"X1"}""", 409)).isEqualTo("no-re-registration-pending");

    JsonNode ordered = call(ZHUJI_OFFICER, "POST", "/care-institutions/" + privateHome + "/re-registration-orders", order, 201);
    assertThat(ordered.path("status").asString()).isEqualTo("OPEN");
    assertThat(ordered.path("overdue").asBoolean()).as("31 October has passed").isTrue();
    assertThat(problem(ZHUJI_OFFICER, "POST", "/care-institutions/" + privateHome + "/re-registration-orders", order, 409))
        .isEqualTo("re-registration-pending");
    assertThat(call(DIANKOU_CASEWORKER, "GET", "/care-institutions?registrationStatus=RE_REGISTRATION_REQUIRED", null, 200)
        .valueStream().map(i -> i.path("id").asLong()).toList()).contains(privateHome).doesNotContain(publicHome);

    String newFiling = "RR" + FILING.incrementAndGet();
    JsonNode done = call(ZHUJI_OFFICER, "POST", "/care-institutions/" + privateHome + "/re-registration",
        "{\"reRegisteredOn\":\"2026-11-14\",\"newFilingNumber\":\"" + newFiling + "\"}", 200);
    assertThat(done.path("status").asString()).isEqualTo("DONE");
    assertThat(done.path("overdue").asBoolean()).isFalse();
    JsonNode institution = call(DIANKOU_CASEWORKER, "GET", "/care-institutions/" + privateHome, null, 200).path("institution");
    assertThat(institution.path("registrationStatus").asString()).isEqualTo("REGISTERED");
    assertThat(institution.path("filingNumber").asString()).isEqualTo(newFiling);
  }

  @Test
  void badRegistrationsAnswerProblemJson() throws Exception {
    assertThat(problem(ZHUJI_OFFICER, "POST", "/care-institutions", registration("PUBLIC", "330681", 5), 400))
        .isNotBlank();
    assertThat(problem(ZHUJI_OFFICER, "POST", "/care-institutions", registration("PUBLIC", "330681999999", 5), 422))
        .isNotBlank();
    String duplicate = registration("PUBLIC", JIANGDONG, 5);
    call(ZHUJI_OFFICER, "POST", "/care-institutions", duplicate, 201);
    assertThat(problem(ZHUJI_OFFICER, "POST", "/care-institutions", duplicate, 409)).isEqualTo("duplicate");
    assertThat(problem(ZHUJI_OFFICER, "POST", "/care-institutions", registration("PUBLIC", JIANGDONG, 0), 400))
        .isNotBlank();
  }

  private long institution(String token, String ownership, String region, int beds) throws Exception {
    return call(token, "POST", "/care-institutions", registration(ownership, region, beds), 201)
        .path("institution").path("id").asLong();
  }

  private static String registration(String ownership, String region, int beds) {
    return """
        {"name":"测试养老院","ownership":"%s","regionCode":"%s","filingNumber":"F%d","beds":%d,
         "registeredOn":"2019-06-01","starRating":5,"registrationStatus":"RE_REGISTRATION_REQUIRED"}"""
        .formatted(ownership, region, FILING.incrementAndGet(), beds);
  }

  private static String admission(String idNumber, String on) {
    return "{\"nationalIdNumber\":\"" + idNumber + "\",\"admittedOn\":\"" + on + "\"}";
  }

  private List<Long> ids(String token) throws Exception {
    return call(token, "GET", "/care-institutions?size=500", null, 200).valueStream().map(i -> i.path("id").asLong()).toList();
  }

  private List<Long> overdueIds(String token) throws Exception {
    return call(token, "GET", "/rectification-orders/overdue?size=1000", null, 200).valueStream()
        .map(o -> o.path("id").asLong()).toList();
  }

}
