package gov.civilaffairs.relief.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

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
 * Periodic review and member changes through REST, on Tuesday 15 September 2026 in Shanghai: the schedule
 * by household type, raise / reduce / stop from October, births, marriages and moves recomputing from
 * October, the unhappy paths, and the area rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(ReviewIT.Clocks.class)
class ReviewIT extends ReliefTestSupport {

  static final Instant TODAY = Instant.parse("2026-09-15T02:00:00Z");
  static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");

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
  void elderlyHouseholdsAreDueYearlyAndHouseholdsWithAWorkingAgeMemberHalfYearly() throws Exception {
    long elderly = registerHousehold(household("2025-09", "300.00", member(idNumber("33068119500101101"), "HEAD")));
    long working = registerHousehold(household("2026-06", "300.00", member(idNumber("33068119500101102"), "HEAD"),
        member(idNumber("33068119900101103"), "CHILD")));

    assertThat(dueIds(CASEWORKER, "2026-09")).contains(elderly).doesNotContain(working);
    assertThat(dueIds(CASEWORKER, "2026-12")).contains(elderly, working);
    assertThat(dueIds(DIANKOU, "2026-12")).doesNotContain(elderly, working);
    JsonNode schedule = call(CASEWORKER, "GET", "/households/" + working + "/reviews", null, 200).path("schedule");
    assertThat(schedule.path("cycle").asString()).isEqualTo("HALF_YEARLY");
    assertThat(schedule.path("dueMonth").asString()).isEqualTo("2026-12");

    call(CASEWORKER, "POST", "/households/" + elderly + "/reviews",
        "{\"reviewedOn\":\"2026-09-14\",\"monthlyIncome\":\"300.00\",\"findings\":\"无变化\"}", 201);
    JsonNode after = call(CASEWORKER, "GET", "/households/" + elderly + "/reviews", null, 200);
    assertThat(after.path("schedule").path("cycle").asString()).isEqualTo("YEARLY");
    assertThat(after.path("schedule").path("dueMonth").asString()).isEqualTo("2027-09");
    assertThat(after.path("changes").get(0).path("outcome").asString()).isEqualTo("UNCHANGED");
    assertThat(dueIds(CASEWORKER, "2026-12")).doesNotContain(elderly);
  }

  @Test
  void aReviewRaisesReducesOrStopsFromNextMonth() throws Exception {
    long raised = registerHousehold(household("2026-01", "300.00", member(idNumber("33068119500202201"), "HEAD")));
    long reduced = registerHousehold(household("2026-01", "300.00", member(idNumber("33068119500202202"), "HEAD")));
    long stopped = registerHousehold(household("2026-01", "300.00", member(idNumber("33068119500202203"), "HEAD")));
    generateRoll("2026-10");

    JsonNode raise = call(CASEWORKER, "POST", "/households/" + raised + "/reviews",
        "{\"reviewedOn\":\"2026-09-15\",\"monthlyIncome\":\"100.00\",\"findings\":\"零工收入减少\"}", 201);
    assertThat(raise.path("outcome").asString()).isEqualTo("RAISE");
    assertThat(raise.path("fromMonth").asString()).isEqualTo("2026-10");
    assertThat(raise.path("amountBefore").decimalValue()).isEqualByComparingTo("940.00");
    assertThat(raise.path("amountAfter").decimalValue()).isEqualByComparingTo("1140.00");
    assertThat(amount(raised, "2026-09")).isEqualByComparingTo("940.00");
    assertThat(amount(raised, "2026-10")).isEqualByComparingTo("1140.00");
    assertThat(monthlyLine("2026-10", raised)).as("the unsent October roll is corrected").isEqualByComparingTo("1140.00");
    assertThat(list(get("/payment-rolls/2026-10/lines?size=1000")).stream()
        .filter(l -> l.path("beneficiaryId").longValue() == raised).map(l -> l.path("decision").path("kind").asString() + " "
            + l.path("decision").path("id").longValue()).toList())
        .as("the corrected line names the review").containsExactly("HOUSEHOLD_CHANGE " + raise.path("id").longValue());

    JsonNode reduce = call(CASEWORKER, "POST", "/households/" + reduced + "/reviews",
        "{\"reviewedOn\":\"2026-09-15\",\"monthlyIncome\":\"500.00\"}", 201);
    assertThat(reduce.path("outcome").asString()).isEqualTo("REDUCE");
    assertThat(amount(reduced, "2026-10")).isEqualByComparingTo("740.00");

    JsonNode noReason = call(CASEWORKER, "POST", "/households/" + stopped + "/reviews",
        "{\"reviewedOn\":\"2026-09-15\",\"monthlyIncome\":\"300.00\",\"stop\":true}", 422);
    assertThat(noReason.path("code").asString()).isEqualTo("findings-required");
    JsonNode future = call(CASEWORKER, "POST", "/households/" + stopped + "/reviews",
        "{\"reviewedOn\":\"2026-09-16\",\"monthlyIncome\":\"300.00\"}", 422);
    assertThat(future.path("code").asString()).isEqualTo("date-in-future");
    call(DIANKOU, "POST", "/households/" + stopped + "/reviews",
        "{\"reviewedOn\":\"2026-09-15\",\"monthlyIncome\":\"1300.00\"}", 404);

    JsonNode stop = call(CASEWORKER, "POST", "/households/" + stopped + "/reviews",
        "{\"reviewedOn\":\"2026-09-15\",\"monthlyIncome\":\"1300.00\",\"findings\":\"子女就业，收入超过标准\"}", 201);
    assertThat(stop.path("outcome").asString()).isEqualTo("STOP");
    JsonNode allowance = get("/households/" + stopped).path("allowance");
    assertThat(allowance.path("status").asString()).isEqualTo("TERMINATED");
    assertThat(allowance.path("endMonth").asString()).isEqualTo("2026-09");
    assertThat(monthlyLine("2026-10", stopped)).as("dropped from the unsent October roll").isNull();
    JsonNode again = call(CASEWORKER, "POST", "/households/" + stopped + "/reviews",
        "{\"reviewedOn\":\"2026-09-15\",\"monthlyIncome\":\"100.00\"}", 409);
    assertThat(again.path("code").asString()).isEqualTo("allowance-not-active");
  }

  @Test
  void birthsMarriagesAndMovesRecomputeFromNextMonth() throws Exception {
    String head = idNumber("33068119500303301");
    long household = registerHousehold(household("2026-01", "300.00", member(head, "HEAD")));

    String baby = idNumber("33068120260901302");
    JsonNode mismatch = call(CASEWORKER, "POST", "/households/" + household + "/member-changes",
        change("BIRTH", baby, "陈小雨", "2026-09-02", null), 422);
    assertThat(mismatch.path("code").asString()).isEqualTo("birth-date-mismatch");
    String stillborn = idNumber("33068120260901310");
    registryAnswers(stillborn, "DECEASED");
    assertThat(call(CASEWORKER, "POST", "/households/" + household + "/member-changes",
        change("BIRTH", stillborn, "无名", "2026-09-01", null), 422).path("code").asString()).isEqualTo("person-not-enrollable");

    JsonNode birth = call(CASEWORKER, "POST", "/households/" + household + "/member-changes",
        change("BIRTH", baby, "陈小雨", "2026-09-01", null), 201);
    assertThat(birth.path("outcome").asString()).isEqualTo("RAISE");
    assertThat(birth.path("membersAfter").intValue()).isEqualTo(2);
    assertThat(amount(household, "2026-10")).isEqualByComparingTo("2180.00"); // 2 x 1240.00 - 300.00
    assertThat(amount(household, "2026-09")).isEqualByComparingTo("940.00");

    String spouse = idNumber("33068119550404303");
    call(CASEWORKER, "POST", "/households/" + household + "/member-changes",
        change("MARRIAGE_IN", spouse, "李秀梅", "2026-09-10", "500.00"), 201);
    assertThat(amount(household, "2026-10")).isEqualByComparingTo("3220.00"); // 3 x 1240.00 - 500.00

    JsonNode headLeaves = call(CASEWORKER, "POST", "/households/" + household + "/member-changes",
        change("MOVED_OUT", head, null, "2026-09-12", null), 422);
    assertThat(headLeaves.path("code").asString()).isEqualTo("head-cannot-leave");
    JsonNode moved = call(CASEWORKER, "POST", "/households/" + household + "/member-changes",
        change("MOVED_OUT", spouse, null, "2026-09-12", "300.00"), 201);
    assertThat(moved.path("outcome").asString()).isEqualTo("REDUCE");
    assertThat(amount(household, "2026-10")).isEqualByComparingTo("2180.00");
    assertThat(list(get("/households/" + household).path("members"))).hasSize(2);

    // the spouse who left may join another household; a member of one may not join a second
    long other = registerHousehold(household("2026-01", "300.00", member(idNumber("33068119500505304"), "HEAD")));
    call(CASEWORKER, "POST", "/households/" + other + "/member-changes",
        change("MARRIAGE_IN", spouse, "李秀梅", "2026-09-14", null), 201);
    JsonNode twice = call(CASEWORKER, "POST", "/households/" + other + "/member-changes",
        change("MARRIAGE_IN", head, "陈建国", "2026-09-14", null), 409);
    assertThat(twice.path("code").asString()).isEqualTo("already-in-household");
    List<JsonNode> history = list(call(CASEWORKER, "GET", "/households/" + household + "/reviews", null, 200).path("changes"));
    assertThat(history).extracting(c -> c.path("kind").asString()).containsExactly("BIRTH", "MARRIAGE_IN", "MOVED_OUT");
    assertThat(count("SELECT COUNT(*) FROM household_member_departure WHERE household_id = ?", household)).isEqualTo(1);
  }

  private List<Long> dueIds(String token, String month) throws Exception {
    return list(call(token, "GET", "/periodic-reviews/due?month=" + month, null, 200)).stream()
        .map(s -> s.path("householdId").longValue()).toList();
  }

  private java.math.BigDecimal amount(long household, String month) throws Exception {
    return get("/households/" + household + "?asOf=" + month).path("allowance").path("currentAmount").decimalValue();
  }

  private java.math.BigDecimal monthlyLine(String month, long household) throws Exception {
    return list(get("/payment-rolls/" + month + "/lines?size=1000")).stream()
        .filter(l -> l.path("beneficiaryId").longValue() == household && l.path("kind").asString().equals("MONTHLY"))
        .map(l -> l.path("amount").decimalValue()).findFirst().orElse(null);
  }

  private JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String member(String number, String relation) {
    return "{\"nationalIdNumber\":\"%s\",\"name\":\"成员\",\"relation\":\"%s\"}".formatted(number, relation);
  }

  private static String household(String startMonth, String income, String... members) {
    return """
        {"regionCode":"330681001001","area":"URBAN","monthlyIncome":"%s","startMonth":"%s","members":[%s]}"""
        .formatted(income, startMonth, String.join(",", members));
  }

  private static String change(String kind, String number, String name, String changedOn, String income) {
    return "{\"kind\":\"%s\",\"nationalIdNumber\":\"%s\",%s\"changedOn\":\"%s\"%s}".formatted(kind, number,
        name == null ? "" : "\"name\":\"" + name + "\",", changedOn,
        income == null ? "" : ",\"monthlyIncome\":\"" + income + "\"");
  }
}
