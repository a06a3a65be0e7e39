package gov.civilaffairs.eldercare.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.eldercare.EldercareTestSupport;
import gov.civilaffairs.eldercare.FixedClockConfiguration;
import gov.civilaffairs.eldercare.ScheduledJobs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** The daily file for the transit-card system, with the bureau's clock fixed at 2026-11-15 (Asia/Shanghai). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(FixedClockConfiguration.class)
class TransitCardFileIT extends EldercareTestSupport {

  @Autowired ScheduledJobs jobs;

  @Test
  void theDailyFileListsEveryTransitCardWithItsStateAndDeliversThePendingNotifications() throws Exception {
    String valid = registerPerson("19500101", JIANGDONG);
    String revoked = registerPerson("19480101", JINHU);
    call("POST", "/elderly-persons/" + valid + "/transit-card", "{\"cardNumber\":\"TFV000000001\"}", 201);
    call("POST", "/elderly-persons/" + revoked + "/transit-card", "{\"cardNumber\":\"TFR000000001\"}", 201);
    // The card's holder died (the death flow's effect, set up here directly; DeathFlowIT covers the flow).
    long cardId = jdbc.queryForObject("SELECT id FROM card WHERE card_number = 'TFR000000001'", Long.class);
    jdbc.update("UPDATE card SET status = 'REVOKED', revoked_by_death_record_id = 515151 WHERE id = ?", cardId);
    jdbc.update("INSERT INTO transit_card_notification (card_id, kind, death_record_id, created_at) "
        + "VALUES (?, 'REVOCATION', 515151, NOW(3))", cardId);
    assertThat(pendingDeathRecords()).contains(515151L);

    JsonNode file = call("POST", "/transit-card-files", "{\"date\":\"2026-11-13\"}", 201);
    assertThat(file.path("fileDate").asString()).isEqualTo("2026-11-13");
    assertThat(file.path("notifications").asInt()).isGreaterThanOrEqualTo(1);

    HttpResponse<String> content = send("GET", "/transit-card-files/2026-11-13/content", null);
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    List<CSVRecord> lines = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(content.body())).getRecords();
    assertThat(lines).hasSize(file.path("lineCount").asInt());
    Map<String, String> status = lines.stream().collect(Collectors.toMap(r -> r.get("card_number"), r -> r.get("status")));
    assertThat(status).containsEntry("TFV000000001", "VALID").containsEntry("TFR000000001", "BLOCKED");
    assertThat(content.body()).doesNotContain(valid).doesNotContain("𠮷祥");
    assertThat(pendingDeathRecords()).as("delivered by the file").doesNotContain(515151L);

    JsonNode again = call("POST", "/transit-card-files", "{\"date\":\"2026-11-13\"}", 201);
    assertThat(again.path("generatedAt").asString()).as("idempotent").isEqualTo(file.path("generatedAt").asString());

    String transitCardSystem = TestTokens.client("transit-card-system", "transit-cards:read");
    HttpResponse<String> fetched = send(transitCardSystem, "GET", "/transit-card-files/2026-11-13/content", null);
    assertThat(fetched.statusCode()).as("the transit-card system fetches its file itself").isEqualTo(200);
    assertThat(fetched.body()).isEqualTo(content.body());
    assertThat(send(transitCardSystem, "POST", "/transit-card-files", "{\"date\":\"2026-11-12\"}").statusCode())
        .as("but generates nothing").isEqualTo(403);
    assertThat(send(TestTokens.client("police", "deaths:write"), "GET", "/transit-card-files/2026-11-13/content", null)
        .statusCode()).isEqualTo(403);
  }

  @Test
  void unhappyPathsAnswerProblemJson() throws Exception {
    assertThat(problem(CITY_ADMINISTRATOR, "POST", "/transit-card-files", "{\"date\":\"2026-11-16\"}", 422))
        .isEqualTo("future-date");
    assertThat(problem(CITY_ADMINISTRATOR, "GET", "/transit-card-files/2026-11-16", null, 404)).isEqualTo("not-found");
    assertThat(problem(CITY_ADMINISTRATOR, "GET", "/transit-card-files/2026-11-16/content", null, 404))
        .isEqualTo("not-found");
    assertThat(problem(ZHUJI_OFFICER, "POST", "/transit-card-files", "{\"date\":\"2026-11-12\"}", 403))
        .isEqualTo("forbidden");
    assertThat(problem(CITY_ADMINISTRATOR, "GET", "/transit-card-files/2026-11-12", null, 404)).isEqualTo("not-found");
  }

  @Test
  void aLostCardIsReplacedByANewNumberAndTheOldTransitNumberIsBlockedInTheNextFile() throws Exception {
    String person = registerPerson("19490101", JIANGDONG);
    call(JIYANG_CASEWORKER, "POST", "/elderly-persons/" + person + "/elderly-card", "{\"cardNumber\":\"RPE000000001\"}", 201);
    call(JIYANG_CASEWORKER, "POST", "/elderly-persons/" + person + "/transit-card", "{\"cardNumber\":\"RPT000000001\"}", 201);
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/elderly-persons/" + person + "/elderly-card",
        "{\"cardNumber\":\"RPE000000002\"}", 409)).as("a duplicate card").isEqualTo("card-already-issued");

    JsonNode replaced = call(JIYANG_CASEWORKER, "POST", "/elderly-persons/" + person + "/transit-card/replacement",
        "{\"cardNumber\":\"RPT000000002\",\"reason\":\"LOST\"}", 200);
    assertThat(replaced.path("cardNumber").asString()).isEqualTo("RPT000000002");
    assertThat(replaced.path("status").asString()).isEqualTo("ISSUED");
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/elderly-persons/" + person + "/elderly-card/replacement",
        "{\"cardNumber\":\"RPE000000001\",\"reason\":\"DAMAGED\"}", 422)).isEqualTo("same-number");
    String other = registerPerson("19490103", JIANGDONG);
    call(JIYANG_CASEWORKER, "POST", "/elderly-persons/" + other + "/elderly-card", "{\"cardNumber\":\"RPE000000005\"}", 201);
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/elderly-persons/" + person + "/elderly-card/replacement",
        "{\"cardNumber\":\"RPE000000005\",\"reason\":\"DAMAGED\"}", 409)).as("number in use").isEqualTo("duplicate");
    assertThat(problem(DIANKOU_CASEWORKER, "POST", "/elderly-persons/" + person + "/elderly-card/replacement",
        "{\"cardNumber\":\"RPE000000009\",\"reason\":\"LOST\"}", 404)).isEqualTo("not-found");
    String noCards = registerPerson("19490102", JIANGDONG);
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/elderly-persons/" + noCards + "/elderly-card/replacement",
        "{\"cardNumber\":\"RPE000000003\",\"reason\":\"LOST\"}", 404)).isEqualTo("no-card");
    assertThat(call(JIYANG_CASEWORKER, "GET", "/elderly-persons/" + person + "/cards", null, 200)
        .findValuesAsString("cardNumber")).containsExactlyInAnyOrder("RPE000000001", "RPT000000002");

    call("POST", "/transit-card-files", "{\"date\":\"2026-11-14\"}", 201);
    List<CSVRecord> lines = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(send("GET", "/transit-card-files/2026-11-14/content", null).body())).getRecords();
    assertThat(lines).filteredOn(r -> r.get("card_number").equals("RPT000000002")).singleElement()
        .satisfies(r -> assertThat(r.get("status")).isEqualTo("VALID"));
    assertThat(lines).filteredOn(r -> r.get("card_number").equals("RPT000000001")).singleElement()
        .satisfies(r -> assertThat(r.get("status")).isEqualTo("BLOCKED"));
  }

  @Test
  void theDailyJobGeneratesTodaysFileOnce() throws Exception {
    TransitCardFile first = jobs.transitCardFile();
    assertThat(first.fileDate()).isEqualTo(java.time.LocalDate.of(2026, 11, 15));
    assertThat(call("GET", "/transit-card-files/2026-11-15", null, 200).path("lineCount").asInt())
        .isEqualTo(first.lineCount());
    assertThat(jobs.transitCardFile().generatedAt()).as("idempotent").isEqualTo(first.generatedAt());
  }

  private List<Long> pendingDeathRecords() throws Exception {
    return call("GET", "/transit-card-notifications?size=1000", null, 200).valueStream()
        .map(n -> n.path("deathRecordId").asLong()).toList();
  }
}
