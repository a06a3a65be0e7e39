package gov.civilaffairs.eldercare.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

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
 * The eldercare figures for a period and a region, built through REST in a county no other test uses (越城区
 * 330602), with the bureau's clock at 2026-11-15: each figure is asserted against what was entered. Also the
 * elderly university, welfare enterprises and lottery sales (entered and imported) that feed them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(FixedClockConfiguration.class)
class StatisticsIT extends EldercareTestSupport {

  private static final String OFFICER = TestTokens.staff("yuecheng-officer", Role.COUNTY_OFFICER, "330602");
  private static final String TASHAN_CASEWORKER = TestTokens.staff("tashan-caseworker", Role.TOWNSHIP_CASEWORKER, "330602001");
  private static final String AUDITOR = TestTokens.staff("auditor", Role.AUDITOR, null);
  /** 花园社区 and 沈园社区 of 塔山街道; 府山街道. */
  private static final String HUAYUAN = "330602001004";
  private static final String SHENYUAN = "330602001008";
  private static final String FUSHAN = "330602002";

  @Test
  void theFiguresOfAPeriodAndRegionCountWhatWasRecordedThere() throws Exception {
    String p1 = idNumber("19400101");
    String p2 = idNumber("19461120");
    String p3 = idNumber("19620101");
    for (String[] person : new String[][] {{p1, HUAYUAN}, {p2, SHENYUAN}, {p3, HUAYUAN}}) {
      call(OFFICER, "POST", "/elderly-persons", """
          {"nationalIdNumber":"%s","name":"陈䶮","regionCode":"%s"}""".formatted(person[0], person[1]), 201);
    }
    call(OFFICER, "POST", "/elderly-persons/" + p1 + "/elderly-card", "{\"cardNumber\":\"YCE0000001\"}", 201);
    call(OFFICER, "POST", "/elderly-persons/" + p3 + "/elderly-card", "{\"cardNumber\":\"YCE0000003\"}", 201);
    call(OFFICER, "POST", "/elderly-persons/" + p1 + "/transit-card", "{\"cardNumber\":\"YCT0000001\"}", 201);

    // Old-age allowance: June's roll sent, July's not; only money of sent rolls counts.
    call(OFFICER, "POST", "/elderly-persons/" + p1 + "/old-age-allowance", "{\"startMonth\":\"2026-06\"}", 201);
    call("POST", "/old-age-allowance-rolls", "{\"month\":\"2026-06\"}", 201);
    call("POST", "/old-age-allowance-rolls/2026-06/sent", null, 200);
    call("POST", "/old-age-allowance-rolls", "{\"month\":\"2026-07\"}", 201);

    long publicHome = call(OFFICER, "POST", "/care-institutions", institution("PUBLIC", HUAYUAN, "YC1", 10), 201)
        .path("institution").path("id").asLong();
    call(OFFICER, "POST", "/care-institutions", institution("PRIVATE", SHENYUAN, "YC2", 20), 201);
    call(OFFICER, "POST", "/care-institutions/" + publicHome + "/residents", admission(p1, "2026-09-01"), 201);
    long leaving = call(OFFICER, "POST", "/care-institutions/" + publicHome + "/residents", admission(p3, "2026-10-01"),
        201).path("residenceId").asLong();
    call(OFFICER, "POST", "/care-institutions/" + publicHome + "/residents/" + leaving + "/discharge",
        "{\"dischargedOn\":\"2026-11-10\",\"reason\":\"LEFT\"}", 200);
    call(OFFICER, "POST", "/care-institutions/" + publicHome + "/inspections", """
        {"inspectedOn":"2026-10-05","inspector":"越城区民政局","findings":[
          {"item":"消防安全","description":"灭火器过期","requirement":"更换灭火器","deadline":"2026-10-20"}]}""", 201);
    call(OFFICER, "POST", "/care-institutions/" + publicHome + "/inspections",
        "{\"inspectedOn\":\"2026-11-01\",\"inspector\":\"越城区民政局\",\"findings\":[]}", 201);

    long station = call(OFFICER, "POST", "/home-care-stations", """
        {"name":"花园社区服务站","regionCode":"%s","operator":"社区","openedOn":"2021-01-01"}""".formatted(HUAYUAN), 201)
        .path("id").asLong();
    long daily = order(station, p1, "DAILY_CARE", "GOVERNMENT_PAID", null);
    long medical = order(station, p1, "MEDICAL", "LOW_COST", "15.00");
    order(station, p3, "LEGAL", "VOLUNTEER", null);
    for (long order : new long[] {daily, medical}) {
      call(OFFICER, "POST", "/home-care-stations/" + station + "/orders/" + order + "/completion", "{\"text\":\"完成\"}", 200);
    }
    call(OFFICER, "POST", "/elderly-persons/" + p1 + "/care-assessments", """
        {"assessedOn":"2026-11-10","assessor":"评估中心","items":{"SELF_CARE":20,"BASIC_MOTOR":10,"MENTAL_STATE":20,
         "PERCEPTION_SOCIAL":8}}""", 201);

    for (String[] term : new String[][] {{"2026", "AUTUMN", "130"}, {"2025", "AUTUMN", "100"}, {"2026", "SPRING", "500"}}) {
      call(TASHAN_CASEWORKER, "POST", "/elderly-university/enrolments", """
          {"schoolName":"塔山街道老年电大教学点","regionCode":"330602001","termYear":%s,"season":"%s","enrolled":%s}"""
          .formatted(term[0], term[1], term[2]), 201);
    }

    long passing = enterprise("YCF-1");
    long failing = enterprise("YCF-2");
    long earlier = enterprise("YCF-3");
    JsonNode pass = call(OFFICER, "POST", "/welfare-enterprises/" + passing + "/annual-inspections", inspection(2026,
        "2026-07-10", 60, 18), 201);
    assertThat(pass.path("passed").asBoolean()).isTrue();
    JsonNode fail = call(OFFICER, "POST", "/welfare-enterprises/" + failing + "/annual-inspections", inspection(2026,
        "2026-08-01", 40, 8), 201);
    assertThat(fail.path("passed").asBoolean()).isFalse();
    assertThat(fail.path("reasons")).as("under 10 persons and under 25%").hasSize(2);
    call(OFFICER, "POST", "/welfare-enterprises/" + earlier + "/annual-inspections", inspection(2025, "2025-12-01", 50, 20), 201);

    call(OFFICER, "POST", "/welfare-lottery/sales",
        "{\"regionCode\":\"330602\",\"gameType\":\"COMPUTER_DRAW\",\"month\":\"2026-06\",\"amount\":1000000.00}", 201);
    HttpResponse<String> imported = sendCsv(OFFICER, """
        region_code,game_type,month,amount
        330602,INSTANT,2026-07,200000.50
        330602,VIDEO_LOTTERY,2026-07,300000
        330602,SPORTS,2026-07,1
        330602001,INSTANT,2026-07,1
        330602,COMPUTER_DRAW,2026-06,5
        330602,INSTANT,2026-12,1
        330602,INSTANT,2026-05,999
        """);
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    JsonNode result = JSON.readTree(imported.body());
    assertThat(result.path("accepted").asInt()).isEqualTo(3);
    assertThat(result.path("rejected").asInt()).isEqualTo(4);
    assertThat(result.path("rows").valueStream().filter(r -> !r.path("accepted").asBoolean())
        .map(r -> r.path("reason").asString().split("[: ]")[0]).toList())
        .containsExactly("unreadable", "not-a-county", "duplicate", "future-month");

    JsonNode figures = call(OFFICER, "GET", "/statistics/eldercare?from=2026-06&to=2026-11&region=330602", null, 200);
    assertThat(figures.path("elderlyPersonsRegistered").asLong()).isEqualTo(3);
    assertThat(figures.path("elderlyCardsIssued").asLong()).isEqualTo(2);
    assertThat(figures.path("transitCardsIssued").asLong()).isEqualTo(1);
    assertThat(figures.path("oldAgeAllowance").path("personsPaid").asLong()).isEqualTo(1);
    assertThat(figures.path("oldAgeAllowance").path("personMonthsPaid").asLong()).as("July's roll is not sent").isEqualTo(1);
    assertThat(figures.path("oldAgeAllowance").path("amountPaid").decimalValue()).isEqualByComparingTo("50.00");
    JsonNode institutions = figures.path("careInstitutions");
    assertThat(institutions.path("institutions").asLong()).isEqualTo(2);
    assertThat(institutions.path("publicInstitutions").asLong()).isEqualTo(1);
    assertThat(institutions.path("beds").asLong()).isEqualTo(30);
    assertThat(institutions.path("residents").asLong()).isEqualTo(1);
    assertThat(institutions.path("admissions").asLong()).isEqualTo(2);
    assertThat(institutions.path("discharges").asLong()).isEqualTo(1);
    assertThat(figures.path("inspections").path("inspections").asLong()).isEqualTo(2);
    assertThat(figures.path("inspections").path("withFindings").asLong()).isEqualTo(1);
    assertThat(figures.path("inspections").path("rectificationOrders").asLong()).isEqualTo(1);
    assertThat(figures.path("homeCareOrdersCompletedByType").path("DAILY_CARE").asLong()).isEqualTo(1);
    assertThat(figures.path("homeCareOrdersCompletedByType").path("MEDICAL").asLong()).isEqualTo(1);
    assertThat(figures.path("homeCareOrdersCompletedByType").has("LEGAL")).as("still open").isFalse();
    assertThat(figures.path("homeCareOrdersCompletedByPayment").path("LOW_COST").asLong()).isEqualTo(1);
    assertThat(figures.path("careAssessmentsByLevel").path("MODERATE").asLong()).isEqualTo(1);
    JsonNode university = figures.path("elderlyUniversity");
    assertThat(university.path("enrolled").asLong()).as("the autumn term; spring lies before June").isEqualTo(130);
    assertThat(university.path("enrolledSameTermsLastYear").asLong()).isEqualTo(100);
    assertThat(university.path("changeRate").decimalValue()).isEqualByComparingTo("0.3000");
    assertThat(figures.path("welfareEnterprises").path("inspected").asLong()).isEqualTo(2);
    assertThat(figures.path("welfareEnterprises").path("passRate").decimalValue()).isEqualByComparingTo("0.5000");
    JsonNode lottery = figures.path("lotterySales");
    assertThat(lottery.path("byGameType").path("COMPUTER_DRAW").decimalValue()).isEqualByComparingTo("1000000.00");
    assertThat(lottery.path("byGameType").path("INSTANT").decimalValue()).as("May is outside").isEqualByComparingTo("200000.50");
    assertThat(lottery.path("total").decimalValue()).isEqualByComparingTo("1500000.50");
    assertThat(call(OFFICER, "GET", "/welfare-lottery/sales/totals?from=2026-06&to=2026-11", null, 200)
        .path("total").decimalValue()).isEqualByComparingTo("1500000.50");

    // 塔山's caseworker sees her township only: the institutions, not 府山's enterprises nor the county's sales.
    JsonNode tashan = call(TASHAN_CASEWORKER, "GET", "/statistics/eldercare?from=2026-06&to=2026-11", null, 200);
    assertThat(tashan.path("careInstitutions").path("institutions").asLong()).isEqualTo(2);
    assertThat(tashan.path("welfareEnterprises").path("inspected").asLong()).isZero();
    assertThat(tashan.path("welfareEnterprises").path("passRate").isNull()).isTrue();
    assertThat(tashan.path("lotterySales").path("total").decimalValue()).isEqualByComparingTo("0");
    assertThat(call(AUDITOR, "GET", "/statistics/eldercare?from=2026-06&to=2026-11&region=330602", null, 200)
        .path("elderlyPersonsRegistered").asLong()).isEqualTo(3);
  }

  @Test
  void unhappyPathsAnswerProblemJson() throws Exception {
    assertThat(problem(TASHAN_CASEWORKER, "GET", "/statistics/eldercare?from=2026-06&to=2026-11&region=330602", null,
        403)).isEqualTo("region-outside-area");
    assertThat(problem(OFFICER, "GET", "/statistics/eldercare?from=2026-06&to=2026-01", null, 422)).isEqualTo("period");
    assertThat(problem(OFFICER, "GET", "/statistics/eldercare?from=2026-13&to=2026-01", null, 400)).isNotBlank();
    assertThat(problem(TestTokens.staff("operations", Role.OPERATIONS, null), "GET",
        "/statistics/eldercare?from=2026-06&to=2026-11", null, 403)).isEqualTo("forbidden");

    assertThat(problem(TASHAN_CASEWORKER, "POST", "/welfare-lottery/sales",
        "{\"regionCode\":\"330602\",\"gameType\":\"INSTANT\",\"month\":\"2026-06\",\"amount\":1}", 403)).isEqualTo("forbidden");
    assertThat(problem(ZHUJI_OFFICER, "POST", "/welfare-lottery/sales",
        "{\"regionCode\":\"330602\",\"gameType\":\"INSTANT\",\"month\":\"2026-04\",\"amount\":1}", 403))
        .isEqualTo("region-outside-area");
    assertThat(problem(OFFICER, "POST", "/welfare-lottery/sales",
        "{\"regionCode\":\"330602\",\"gameType\":\"INSTANT\",\"month\":\"2026-04\",\"amount\":-1}", 422))
        .isEqualTo("invalid-amount");
    HttpResponse<String> noHeader = sendCsv(OFFICER, "county,type,month,yuan\n330602,INSTANT,2026-04,1\n");
    assertThat(noHeader.statusCode()).as(noHeader.body()).isEqualTo(400);
    assertThat(JSON.readTree(noHeader.body()).path("code").asString()).isEqualTo("unreadable-file");
    assertThat(call(OFFICER, "GET", "/welfare-lottery/sales/totals?from=2026-04&to=2026-04", null, 200)
        .path("total").decimalValue()).as("nothing imported").isEqualByComparingTo("0");

    long enterprise = enterprise("YCF-9");
    call(OFFICER, "POST", "/welfare-enterprises/" + enterprise + "/annual-inspections", inspection(2026, "2026-03-01", 50, 20), 201);
    assertThat(problem(OFFICER, "POST", "/welfare-enterprises/" + enterprise + "/annual-inspections",
        inspection(2026, "2026-04-01", 50, 20), 409)).isEqualTo("duplicate");
    assertThat(problem(OFFICER, "POST", "/welfare-enterprises/" + enterprise + "/annual-inspections",
        inspection(2025, "2026-04-01", 10, 20), 422)).isEqualTo("disabled-above-employees");
    assertThat(problem(ZHUJI_OFFICER, "GET", "/welfare-enterprises/" + enterprise + "/annual-inspections", null, 404))
        .isEqualTo("not-found");

    assertThat(problem(TASHAN_CASEWORKER, "POST", "/elderly-university/enrolments", """
        {"schoolName":"塔山","regionCode":"330602001","termYear":2027,"season":"SPRING","enrolled":1}""", 422))
        .isEqualTo("future-term");
    assertThat(problem(TASHAN_CASEWORKER, "POST", "/elderly-university/enrolments", """
        {"schoolName":"府山","regionCode":"330602002","termYear":2024,"season":"SPRING","enrolled":1}""", 403))
        .isEqualTo("region-outside-area");
  }

  private long order(long station, String person, String type, String payment, String fee) throws Exception {
    return call(OFFICER, "POST", "/home-care-stations/" + station + "/orders", """
        {"nationalIdNumber":"%s","serviceType":"%s","paymentKind":"%s",%s"provider":"社工",
         "scheduledAt":"2026-11-14T09:00:00+08:00"}""".formatted(person, type, payment,
        fee == null ? "" : "\"fee\":" + fee + ","), 201).path("id").asLong();
  }

  private long enterprise(String certificate) throws Exception {
    return call(OFFICER, "POST", "/welfare-enterprises", """
        {"name":"越城福利厂","regionCode":"%s","certificateNumber":"%s","taxOffice":"越城区税务局"}"""
        .formatted(FUSHAN, certificate), 201).path("id").asLong();
  }

  private static String inspection(int year, String on, int employees, int disabled) {
    return """
        {"year":%d,"inspectedOn":"%s","employees":%d,"disabledEmployees":%d,"findings":[]}"""
        .formatted(year, on, employees, disabled);
  }

  private static String institution(String ownership, String region, String filing, int beds) {
    return """
        {"name":"越城养老院","ownership":"%s","regionCode":"%s","filingNumber":"%s","beds":%d,"registeredOn":"2019-06-01"}"""
        .formatted(ownership, region, filing, beds);
  }

  private static String admission(String idNumber, String on) {
    return "{\"nationalIdNumber\":\"" + idNumber + "\",\"admittedOn\":\"" + on + "\"}";
  }

  private HttpResponse<String> sendCsv(String token, String csv) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
        + "/welfare-lottery/sales/imports")).header("Content-Type", "text/csv; charset=UTF-8")
        .header("Authorization", "Bearer " + token)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
