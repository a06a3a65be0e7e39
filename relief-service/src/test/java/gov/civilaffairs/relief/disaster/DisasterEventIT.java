package gov.civilaffairs.relief.disaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.ReliefTestSupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Disaster events through REST with the configured deadlines (initial report 2 h after the event, follow-up 7 days
 * after the previous report, final report 5 days after the disaster stabilised): reports on time and late, the final
 * report closing the event, relief given once per recipient and item, the area rule and the unhappy paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class DisasterEventIT extends ReliefTestSupport {

  static final String JIYANG = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  static final String ASSISTANT = TestTokens.staff("jiangdong-assistant", Role.VILLAGE_ASSISTANT, "330681001001");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void reportsOnTimeThenTheFinalReportClosesTheEvent() throws Exception {
    JsonNode event = call(JIYANG, "POST", "/disaster-events", event("330681001", Instant.now().minus(Duration.ofHours(1))), 201);
    long id = event.path("id").longValue();
    assertThat(event.path("status").asString()).isEqualTo("OPEN");
    assertThat(event.path("overdue").booleanValue()).isFalse();

    JsonNode initial = call(JIYANG, "POST", "/disaster-events/" + id + "/reports",
        report("INITIAL", 1200, 300, 0, 15, "3500000.00", null), 200);
    JsonNode first = initial.path("reports").get(0);
    assertThat(first.path("late").booleanValue()).as("within 2 h of the event").isFalse();
    assertThat(Instant.parse(first.path("dueAt").asString()))
        .isEqualTo(Instant.parse(event.path("occurredAt").asString()).plus(Duration.ofHours(2)));
    assertThat(Instant.parse(initial.path("nextReportDueAt").asString()))
        .as("a follow-up 7 days after the last report")
        .isEqualTo(Instant.parse(first.path("reportedAt").asString()).plus(Duration.ofDays(7)));

    JsonNode followUp = call(JIYANG, "POST", "/disaster-events/" + id + "/reports",
        report("FOLLOW_UP", 1500, 320, 1, 18, "4200000.50", null), 200);
    assertThat(followUp.path("reports").get(1).path("late").booleanValue()).isFalse();
    assertThat(followUp.path("reports").get(1).path("directEconomicLoss").decimalValue()).isEqualByComparingTo("4200000.50");

    String today = LocalDate.now(SHANGHAI).toString();
    JsonNode closed = call(JIYANG, "POST", "/disaster-events/" + id + "/reports",
        report("FINAL", 1520, 320, 1, 19, "4300000.00", today), 200);
    assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
    assertThat(closed.path("nextReportDueAt").isNull()).isTrue();
    assertThat(closed.path("reports").get(2).path("late").booleanValue()).isFalse();
    assertThat(closed.path("reports").get(2).path("stabilisedOn").asString()).isEqualTo(today);

    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/reports",
        report("FOLLOW_UP", 1600, 320, 1, 19, "4300000.00", null), 409).path("code").asString()).isEqualTo("event-closed");
    assertThat(count("SELECT COUNT(*) FROM disaster_report WHERE event_id = ?", id)).isEqualTo(3);
    assertThat(ids(call(JIYANG, "GET", "/disaster-events?status=CLOSED&size=200", null, 200))).contains(id);
    assertThat(ids(call(JIYANG, "GET", "/disaster-events?status=OPEN&size=200", null, 200))).doesNotContain(id);
    assertThat(call(ASSISTANT, "GET", "/disaster-events/" + id, null, 200).path("reports")).hasSize(3);
  }

  @Test
  void lateReportsAreTakenAndFlagged() throws Exception {
    Instant occurred = Instant.now().minus(Duration.ofDays(20));
    JsonNode event = call(JIYANG, "POST", "/disaster-events", event("330681001001", occurred), 201);
    long id = event.path("id").longValue();
    assertThat(event.path("overdue").booleanValue()).as("no initial report 20 days after the event").isTrue();
    assertThat(ids(call(JIYANG, "GET", "/disaster-events?status=OPEN&size=200", null, 200))).contains(id);

    JsonNode initial = call(JIYANG, "POST", "/disaster-events/" + id + "/reports",
        report("INITIAL", 80, 10, 0, 2, "50000.00", null), 200);
    assertThat(initial.path("reports").get(0).path("late").booleanValue()).isTrue();
    assertThat(initial.path("overdue").booleanValue()).isFalse();

    String stabilised = LocalDate.now(SHANGHAI).minusDays(10).toString();
    JsonNode closed = call(JIYANG, "POST", "/disaster-events/" + id + "/reports",
        report("FINAL", 90, 10, 0, 3, "60000.00", stabilised), 200);
    JsonNode fin = closed.path("reports").get(1);
    assertThat(fin.path("late").booleanValue()).as("more than 5 days after it stabilised").isTrue();
    assertThat(Instant.parse(fin.path("dueAt").asString())).isEqualTo(
        LocalDate.parse(stabilised).plusDays(6).atStartOfDay(SHANGHAI).toInstant());
    assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
  }

  @Test
  void badReportsAndEventsAreRefusedAndChangeNothing() throws Exception {
    long id = call(JIYANG, "POST", "/disaster-events", event("330681001", Instant.now().minus(Duration.ofHours(3))), 201)
        .path("id").longValue();
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/reports", report("FOLLOW_UP", 10, 1, 0, 0, "1.00", null),
        409).path("code").asString()).isEqualTo("initial-report-required");
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/reports", report("FINAL", 10, 1, 0, 0, "1.00",
        LocalDate.now(SHANGHAI).toString()), 409).path("code").asString()).isEqualTo("initial-report-required");
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/reports", report("INITIAL", 10, 11, 0, 0, "1.00", null),
        422).path("code").asString()).isEqualTo("figures-inconsistent");
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/reports", report("INITIAL", 10, 1, 0, 0, "1.00",
        LocalDate.now(SHANGHAI).toString()), 422).path("code").asString()).isEqualTo("stabilised-on-final-only");
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/reports", report("INITIAL", -1, 0, 0, 0, "1.00", null),
        400).toString()).contains("affectedPersons");
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/reports", report("INITIAL", 10, 1, 0, 0, "1.001", null),
        400).toString()).contains("directEconomicLoss");
    call(DIANKOU, "POST", "/disaster-events/" + id + "/reports", report("INITIAL", 10, 1, 0, 0, "1.00", null), 404);
    call(DIANKOU, "GET", "/disaster-events/" + id, null, 404);
    assertThat(ids(call(DIANKOU, "GET", "/disaster-events?size=200", null, 200))).doesNotContain(id);
    assertThat(count("SELECT COUNT(*) FROM disaster_report WHERE event_id = ?", id)).isZero();

    JsonNode initial = call(JIYANG, "POST", "/disaster-events/" + id + "/reports",
        report("INITIAL", 10, 1, 0, 0, "1.00", null), 200);
    assertThat(initial.path("reports").get(0).path("late").booleanValue()).as("3 h after the event").isTrue();
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/reports", report("INITIAL", 10, 1, 0, 0, "1.00", null),
        409).path("code").asString()).isEqualTo("initial-already-reported");
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/reports", report("FINAL", 10, 1, 0, 0, "1.00", null),
        422).path("code").asString()).isEqualTo("stabilised-on-required");
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/reports", report("FINAL", 10, 1, 0, 0, "1.00",
        LocalDate.now(SHANGHAI).minusDays(30).toString()), 422).path("code").asString()).isEqualTo("stabilised-before-event");
    assertThat(count("SELECT COUNT(*) FROM disaster_report WHERE event_id = ?", id)).isEqualTo(1);
    assertThat(call(JIYANG, "GET", "/disaster-events/" + id, null, 200).path("status").asString()).isEqualTo("OPEN");

    assertThat(call(JIYANG, "POST", "/disaster-events", event("330681104", Instant.now()), 403).path("code").asString())
        .isEqualTo("region-outside-area");
    assertThat(call(JIYANG, "POST", "/disaster-events", event("330681001999", Instant.now()), 422).path("code").asString())
        .isEqualTo("unknown-region");
    assertThat(call(JIYANG, "POST", "/disaster-events", event("330681001", Instant.now().plus(Duration.ofDays(1))), 422)
        .path("code").asString()).isEqualTo("date-in-future");
    assertThat(call(JIYANG, "POST", "/disaster-events", event("330681001", Instant.now()).replace("TYPHOON", "ALIENS"),
        400).path("status").intValue()).isEqualTo(400);
    assertThat(call(ASSISTANT, "POST", "/disaster-events", event("330681001001", Instant.now()), 403).path("code")
        .asString()).isEqualTo("forbidden");
  }

  @Test
  void reliefIsGivenOncePerRecipientAndItem() throws Exception {
    long id = call(JIYANG, "POST", "/disaster-events", event("330681001", Instant.now().minus(Duration.ofDays(2))), 201)
        .path("id").longValue();
    String head = idNumber("33068119700101901");
    String person = idNumber("33068119900101902");
    String today = LocalDate.now(SHANGHAI).toString();

    JsonNode money = call(JIYANG, "POST", "/disaster-events/" + id + "/distributions",
        distribution("330681001001", "HOUSEHOLD", head, "应急生活救助金", "MONEY", "\"amount\":\"1000.00\",", today), 201);
    assertThat(money.path("amount").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(money.path("nationalIdNumber").asString()).isEqualTo(head);
    JsonNode quilts = call(JIYANG, "POST", "/disaster-events/" + id + "/distributions",
        distribution("330681001001", "HOUSEHOLD", head, "棉被", "GOODS", "\"quantity\":2,\"unit\":\"床\",", today), 201);
    assertThat(quilts.path("quantity").intValue()).isEqualTo(2);
    call(JIYANG, "POST", "/disaster-events/" + id + "/distributions",
        distribution("330681001004", "PERSON", person, "应急生活救助金", "MONEY", "\"amount\":\"500.00\",", today), 201);

    JsonNode twice = call(JIYANG, "POST", "/disaster-events/" + id + "/distributions",
        distribution("330681001001", "HOUSEHOLD", head, "应急生活救助金", "MONEY", "\"amount\":\"800.00\",", today), 409);
    assertThat(twice.path("code").asString()).isEqualTo("already-distributed");
    assertThat(twice.path("distributionId").longValue()).isEqualTo(money.path("id").longValue());

    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/distributions",
        distribution("330681001001", "HOUSEHOLD", head, "大米", "MONEY", "", today), 422).path("code").asString())
        .isEqualTo("amount-required");
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/distributions",
        distribution("330681001001", "HOUSEHOLD", head, "大米", "GOODS", "\"amount\":\"10.00\",", today), 422)
        .path("code").asString()).isEqualTo("quantity-required");
    assertThat(call(CITY_ADMINISTRATOR, "POST", "/disaster-events/" + id + "/distributions",
        distribution("330681104003", "PERSON", person, "大米", "GOODS", "\"quantity\":1,\"unit\":\"袋\",", today), 422)
        .path("code").asString()).isEqualTo("recipient-outside-event-region");
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/distributions",
        distribution("330681104003", "PERSON", person, "大米", "GOODS", "\"quantity\":1,\"unit\":\"袋\",", today), 403)
        .path("code").asString()).isEqualTo("region-outside-area");
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/distributions",
        distribution("330681001001", "PERSON", person, "大米", "GOODS", "\"quantity\":1,\"unit\":\"袋\",",
            LocalDate.now(SHANGHAI).minusDays(10).toString()), 422).path("code").asString())
        .isEqualTo("distributed-before-event");
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/distributions",
        distribution("330681001001", "PERSON", person, "大米", "MONEY", "\"amount\":\"-5.00\",", today), 400)
        .toString()).contains("amount");
    assertThat(call(JIYANG, "POST", "/disaster-events/" + id + "/distributions",
        distribution("330681001001", "PERSON", "330681199001019021", "大米", "MONEY", "\"amount\":\"5.00\",", today), 400)
        .toString()).contains("nationalIdNumber");
    call(DIANKOU, "POST", "/disaster-events/" + id + "/distributions",
        distribution("330681104003", "PERSON", person, "大米", "GOODS", "\"quantity\":1,\"unit\":\"袋\",", today), 404);
    assertThat(count("SELECT COUNT(*) FROM disaster_relief_distribution WHERE event_id = ?", id)).isEqualTo(3);

    assertThat(list(call(JIYANG, "GET", "/disaster-events/" + id + "/distributions", null, 200))).hasSize(3);
    JsonNode seenByAssistant = call(ASSISTANT, "GET", "/disaster-events/" + id + "/distributions", null, 200);
    assertThat(list(seenByAssistant)).as("only the assistant's own village").hasSize(2)
        .allMatch(d -> d.path("regionCode").asString().equals("330681001001"))
        .allMatch(d -> !d.path("nationalIdNumber").asString().equals(head));
    call(DIANKOU, "GET", "/disaster-events/" + id + "/distributions", null, 404);

    // a county-wide event: each township sees it and gives relief in its villages; the county reports it
    long county = call(CITY_ADMINISTRATOR, "POST", "/disaster-events", event("330681", Instant.now().minus(Duration.ofHours(1))),
        201).path("id").longValue();
    assertThat(ids(call(DIANKOU, "GET", "/disaster-events?size=200", null, 200))).contains(county).doesNotContain(id);
    assertThat(call(JIYANG, "POST", "/disaster-events/" + county + "/reports", report("INITIAL", 10, 1, 0, 0, "1.00", null),
        403).path("code").asString()).isEqualTo("region-outside-area");
    call(JIYANG, "POST", "/disaster-events/" + county + "/distributions",
        distribution("330681001001", "HOUSEHOLD", head, "应急生活救助金", "MONEY", "\"amount\":\"1000.00\",", today), 201);
    assertThat(list(call(DIANKOU, "GET", "/disaster-events/" + county + "/distributions", null, 200))).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM disaster_report WHERE event_id = ?", county)).isZero();
    assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE object_type = 'disaster-relief-distribution' "
        + "AND action = 'CREATE' AND outcome = 'SUCCESS' AND object_id = ?", String.valueOf(money.path("id").longValue())))
        .isEqualTo(1);
  }

  private static java.util.List<Long> ids(JsonNode array) {
    return list(array).stream().map(n -> n.path("id").longValue()).toList();
  }

  private JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String event(String region, Instant occurredAt) {
    return """
        {"regionCode":"%s","kind":"TYPHOON","title":"台风梅花受灾","occurredAt":"%s","status":"CLOSED"}"""
        .formatted(region, occurredAt.truncatedTo(ChronoUnit.SECONDS).atZone(SHANGHAI).toOffsetDateTime());
  }

  private static String report(String type, int affected, int relocated, int deaths, int houses, String loss,
      String stabilisedOn) {
    return """
        {"type":"%s","affectedPersons":%d,"relocatedPersons":%d,"deaths":%d,"damagedHouses":%d,
         "directEconomicLoss":"%s"%s,"late":false}""".formatted(type, affected, relocated, deaths, houses, loss,
        stabilisedOn == null ? "" : ",\"stabilisedOn\":\"" + stabilisedOn + "\"");
  }

  private static String distribution(String village, String recipientKind, String number, String item, String kind,
      String what, String on) {
    return """
        {"regionCode":"%s","recipientKind":"%s","nationalIdNumber":"%s","name":"陈建国","item":"%s","kind":"%s",%s
         "distributedOn":"%s"}""".formatted(village, recipientKind, number, item, kind, what, on);
  }
}
