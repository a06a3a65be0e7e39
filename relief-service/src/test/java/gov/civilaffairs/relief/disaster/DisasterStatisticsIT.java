package gov.civilaffairs.relief.disaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.ReliefTestSupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Disaster-relief statistics through REST for one village (袁家村, used by no other test) and the first half of 2026:
 * every figure from records made over REST, records outside the period left out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class DisasterStatisticsIT extends ReliefTestSupport {

  static final String VILLAGE = "330681001218";
  static final String JIYANG = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");

  @Test
  void figuresOfAPeriodAndRegion() throws Exception {
    long a = officer("33068119800101951", "2026-01-10");
    long b = officer("33068119800101952", "2026-02-01");
    officer("33068119800101953", "2026-08-01");
    training(a, "业务培训", "2026-03-01", "80");
    training(a, "演练", "2026-04-01", null);
    training(b, "业务培训", "2026-05-01", "50");
    training(b, "秋季培训", "2026-08-05", "90");

    shelter("袁家村老年活动中心", "2025-12-01", 100);
    shelter("袁家村文化礼堂", "2026-04-01", 150);
    shelter("袁家村小学", "2026-09-01", 300);

    long may = post("/disaster-events", event("2026-05-10T10:00:00+08:00"), 201).path("id").longValue();
    post("/disaster-events/" + may + "/reports", report("INITIAL", 100, 20, 0, 3, "1000.00", null), 200);
    post("/disaster-events/" + may + "/reports", report("FINAL", 120, 25, 1, 4, "1500.50", "2026-05-15"), 200);
    long july = post("/disaster-events", event("2026-07-01T10:00:00+08:00"), 201).path("id").longValue();
    post("/disaster-events/" + july + "/reports", report("INITIAL", 999, 0, 0, 0, "99.00", null), 200);

    String x = idNumber("33068119800101954");
    String y = idNumber("33068119800101955");
    distribute(may, x, "应急生活救助金", "\"kind\":\"MONEY\",\"amount\":\"500.00\"", "2026-05-20");
    distribute(may, x, "棉被", "\"kind\":\"GOODS\",\"quantity\":2,\"unit\":\"床\"", "2026-05-20");
    distribute(may, y, "应急生活救助金", "\"kind\":\"MONEY\",\"amount\":\"300.00\"", "2026-06-01");
    distribute(july, idNumber("33068119800101956"), "应急生活救助金", "\"kind\":\"MONEY\",\"amount\":\"700.00\"",
        "2026-07-02");

    JsonNode figures = call(JIYANG, "/statistics/disaster-relief?from=2026-01&to=2026-06&region=" + VILLAGE, 200);
    assertThat(figures.path("region").asString()).isEqualTo(VILLAGE);
    JsonNode officers = figures.path("officers");
    assertThat(officers.path("registered").intValue()).isEqualTo(2);
    assertThat(officers.path("trained").intValue()).isEqualTo(2);
    assertThat(officers.path("trainings").intValue()).isEqualTo(3);
    assertThat(officers.path("examined").intValue()).isEqualTo(2);
    assertThat(officers.path("passed").intValue()).isEqualTo(1);
    JsonNode shelters = figures.path("shelters");
    assertThat(shelters.path("added").intValue()).isEqualTo(1);
    assertThat(shelters.path("addedCapacity").longValue()).isEqualTo(150);
    assertThat(shelters.path("total").intValue()).isEqualTo(2);
    assertThat(shelters.path("totalCapacity").longValue()).isEqualTo(250);
    JsonNode events = figures.path("events");
    assertThat(events.path("occurred").intValue()).isEqualTo(1);
    assertThat(events.path("closed").intValue()).isEqualTo(1);
    assertThat(events.path("lateReports").intValue()).isEqualTo(2);
    assertThat(events.path("affectedPersons").longValue()).as("the latest report's figure").isEqualTo(120);
    assertThat(events.path("relocatedPersons").longValue()).isEqualTo(25);
    assertThat(events.path("deaths").longValue()).isEqualTo(1);
    assertThat(events.path("damagedHouses").longValue()).isEqualTo(4);
    assertThat(events.path("directEconomicLoss").decimalValue()).isEqualByComparingTo("1500.50");
    JsonNode relief = figures.path("relief");
    assertThat(relief.path("recipients").intValue()).isEqualTo(2);
    assertThat(relief.path("money").decimalValue()).isEqualByComparingTo("800.00");
    assertThat(relief.path("goodsItems").intValue()).isEqualTo(1);

    JsonNode wholeYear = call(JIYANG, "/statistics/disaster-relief?from=2026-01&to=2026-12&region=" + VILLAGE, 200);
    assertThat(wholeYear.path("officers").path("registered").intValue()).isEqualTo(3);
    assertThat(wholeYear.path("events").path("occurred").intValue()).isEqualTo(2);
    assertThat(wholeYear.path("relief").path("money").decimalValue()).isEqualByComparingTo("1500.00");

    assertThat(call(DIANKOU, "/statistics/disaster-relief?from=2026-01&to=2026-06&region=" + VILLAGE, 403)
        .path("code").asString()).isEqualTo("region-outside-area");
    assertThat(call(JIYANG, "/statistics/disaster-relief?from=2026-07&to=2026-06", 400).path("code").asString())
        .isEqualTo("invalid-period");
    assertThat(call(JIYANG, "/statistics/disaster-relief?from=2026-01&to=2026-06&region=3306", 400).path("code")
        .asString()).isEqualTo("invalid-region");
  }

  private long officer(String first17, String appointedOn) throws Exception {
    return post("/disaster-officers", """
        {"regionCode":"%s","nationalIdNumber":"%s","name":"王丽","appointedOn":"%s"}"""
        .formatted(VILLAGE, idNumber(first17), appointedOn), 201).path("id").longValue();
  }

  private void training(long officer, String course, String on, String score) throws Exception {
    post("/disaster-officers/" + officer + "/trainings", "{\"course\":\"" + course + "\",\"trainedOn\":\"" + on + "\""
        + (score == null ? "" : ",\"examScore\":" + score) + "}", 200);
  }

  private void shelter(String name, String establishedOn, int capacity) throws Exception {
    post("/shelters", """
        {"regionCode":"%s","name":"%s","address":"袁家村","capacity":%d,"level":"VILLAGE","establishedOn":"%s"}"""
        .formatted(VILLAGE, name, capacity, establishedOn), 201);
  }

  private static String event(String occurredAt) {
    return """
        {"regionCode":"%s","kind":"FLOOD","title":"袁家村洪涝","occurredAt":"%s"}""".formatted(VILLAGE, occurredAt);
  }

  private static String report(String type, int affected, int relocated, int deaths, int houses, String loss,
      String stabilisedOn) {
    return """
        {"type":"%s","affectedPersons":%d,"relocatedPersons":%d,"deaths":%d,"damagedHouses":%d,
         "directEconomicLoss":"%s"%s}""".formatted(type, affected, relocated, deaths, houses, loss,
        stabilisedOn == null ? "" : ",\"stabilisedOn\":\"" + stabilisedOn + "\"");
  }

  private void distribute(long event, String person, String item, String what, String on) throws Exception {
    post("/disaster-events/" + event + "/distributions", """
        {"regionCode":"%s","recipientKind":"PERSON","nationalIdNumber":"%s","name":"陈建国","item":"%s",%s,
         "distributedOn":"%s"}""".formatted(VILLAGE, person, item, what, on), 201);
  }

  private JsonNode call(String token, String path, int status) throws Exception {
    HttpResponse<String> response = send(token, "GET", path, null);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
