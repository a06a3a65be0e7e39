package gov.civilaffairs.veterans.roll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.veterans.RestClientSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Pension standards and the monthly pension roll, end to end over REST with real tokens: a standard
 * published in July and backdated to January leaves six months of arrears per person, paid by the July
 * roll; a death stops the roll lines after the month of death. The bureau's clock is fixed at
 * 15 July 2026 (Asia/Shanghai). Rolls are city-wide, so each test works in its own months.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka
@Import(TestTokenConfiguration.class)
class PensionStandardRollIT {

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2026-07-15T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  CloudEventPublisher cloudEvents;

  RestClientSupport api;

  @BeforeEach
  void client() {
    api = new RestClientSupport(port);
  }

  @Test
  void aStandardPublishedInJulyEffectiveFromJanuaryGivesSixMonthsOfArrearsPaidByTheJulyRoll() {
    String first = api.register("MARTYR_SURVIVOR", "1500.00", "2020-01");
    String second = api.register("MARTYR_SURVIVOR", "1500.00", "2020-01");
    String other = api.register("DEMOBILISED_VETERAN", "800.00", "2020-01");
    for (int month = 1; month <= 6; month++) {
      generateAndSend(YearMonth.of(2026, month));
    }
    JsonNode januaryBefore = api.get("/pension-rolls/2026-01");

    HttpResponse<String> published = api.post("/pension-standards", standard("MARTYR_SURVIVOR", "2026-01"));
    assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
    assertThat(RestClientSupport.json(published).path("localSupplement").decimalValue()).isEqualByComparingTo("100.00");

    for (String person : List.of(first, second)) {
      JsonNode arrears = api.get("/entitled-persons/" + person + "/pension-arrears");
      assertThat(arrears.size()).as("January to June").isEqualTo(6);
      for (int i = 0; i < 6; i++) {
        assertThat(arrears.get(i).path("forMonth").asString()).isEqualTo(YearMonth.of(2026, i + 1).toString());
        assertThat(arrears.get(i).path("amount").decimalValue()).as("1700.00 due - 1500.00 paid")
            .isEqualByComparingTo("200.00");
        assertThat(arrears.get(i).path("rollId").isNull()).isTrue();
      }
    }
    assertThat(api.get("/entitled-persons/" + other + "/pension-arrears").size()).isZero();
    assertThat(api.get("/pension-rolls/2026-01")).as("a sent roll never changes").isEqualTo(januaryBefore);

    JsonNode july = generate(YearMonth.of(2026, 7));
    List<JsonNode> lines = lines("2026-07");
    List<JsonNode> firstLines = linesOf(lines, personId(first));
    assertThat(firstLines).extracting(line -> line.path("kind").asString() + " " + line.path("forMonth").asString()
            + " " + line.path("amount").decimalValue().setScale(2))
        .containsExactlyInAnyOrder("MONTHLY 2026-07 1700.00", "ARREARS 2026-01 200.00", "ARREARS 2026-02 200.00",
            "ARREARS 2026-03 200.00", "ARREARS 2026-04 200.00", "ARREARS 2026-05 200.00", "ARREARS 2026-06 200.00");
    assertThat(linesOf(lines, personId(other))).extracting(line -> line.path("amount").decimalValue().setScale(2))
        .containsExactly(new BigDecimal("800.00"));
    assertThat(july.path("lineCount").asInt()).isEqualTo(lines.size());
    assertThat(july.path("totalAmount").decimalValue()).isEqualByComparingTo(
        lines.stream().map(line -> line.path("amount").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add));
    assertThat(api.get("/entitled-persons/" + first + "/pension-arrears").get(0).path("rollId").asLong())
        .isEqualTo(july.path("id").asLong());

    HttpResponse<String> again = api.post("/pension-rolls", Map.of("month", "2026-07"));
    assertThat(RestClientSupport.json(again).path("id").asLong()).as("idempotent").isEqualTo(july.path("id").asLong());
    assertThat(api.post("/pension-standards", standard("MARTYR_SURVIVOR", "2026-01")).statusCode()).isEqualTo(409);
  }

  @Test
  void aStandardPublishedWhileTheRollIsADraftCorrectsTheDraftInsteadOfLeavingArrears() {
    String person = api.register("WAR_PARTICIPANT", "700.00", "2025-01");
    generate(YearMonth.of(2025, 6));
    Map<String, Object> standard = with(standard("WAR_PARTICIPANT", "2025-06"), "publishedOn", "2025-06-10");
    assertThat(api.post("/pension-standards", standard).statusCode()).isEqualTo(201);

    assertThat(linesOf(lines("2025-06"), personId(person)))
        .extracting(line -> line.path("kind").asString() + " " + line.path("amount").decimalValue().setScale(2))
        .containsExactly("MONTHLY 1700.00");
    JsonNode roll = api.get("/pension-rolls/2025-06");
    assertThat(roll.path("status").asString()).isEqualTo("DRAFT");
    assertThat(roll.path("totalAmount").decimalValue()).isEqualByComparingTo(lines("2025-06").stream()
        .map(line -> line.path("amount").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add));
    assertThat(api.get("/entitled-persons/" + person + "/pension-arrears").size()).isZero();
  }

  @Test
  void aDeceasedPersonHasNoLineAfterTheMonthOfDeath() throws Exception {
    String person = api.register("NUCLEAR_TEST_PARTICIPANT", "900.00", "2025-01");
    generateAndSend(YearMonth.of(2025, 1));
    generate(YearMonth.of(2025, 4));
    String payload = RestClientSupport.JSON.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(),
        "personId", 7001, "deathRecordId", 9001, "nationalIdNumber", person, "name", "李𠮷英",
        "dateOfDeath", "2025-03-10", "source", "HUKOU_CANCELLATION", "confirmedAt", "2025-03-12T02:00:00Z"));
    cloudEvents.publish("registry.person.v1", new EventEnvelope(UUID.randomUUID(),
        "gov.civilaffairs.registry.person-deceased.v1", "7001", Instant.parse("2025-03-12T02:00:00Z"), payload)).get();
    await().atMost(Duration.ofSeconds(30)).until(
        () -> api.get("/entitled-persons/" + person).path("status").asString().equals("DECEASED"));

    generate(YearMonth.of(2025, 3));
    generate(YearMonth.of(2025, 5));
    long id = personId(person);
    assertThat(linesOf(lines("2025-01"), id)).hasSize(1);
    assertThat(linesOf(lines("2025-03"), id)).as("paid through the month of death").hasSize(1);
    assertThat(linesOf(lines("2025-05"), id)).as("after the month of death").isEmpty();
    assertThat(linesOf(lines("2025-04"), id)).as("a draft generated before the death is corrected").isEmpty();
  }

  @Test
  void badOrUnauthorisedRequestsAreAnsweredWithProblemJsonAndChangeNothing() {
    HttpResponse<String> withGrade = api.post("/pension-standards",
        with(standard("MARTYR_SURVIVOR", "2026-03"), "disabilityGrade", 3));
    assertThat(withGrade.statusCode()).isEqualTo(422);
    assertThat(RestClientSupport.json(withGrade).path("code").asString()).isEqualTo("disability-details");
    HttpResponse<String> backdated = api.post("/pension-standards", standard("MARTYR_SURVIVOR", "2024-01"));
    assertThat(backdated.statusCode()).isEqualTo(422);
    assertThat(RestClientSupport.json(backdated).path("code").asString()).isEqualTo("effective-from");
    HttpResponse<String> noAmount = api.post("/pension-standards",
        with(standard("MARTYR_SURVIVOR", "2026-03"), "nationalAmount", null));
    assertThat(noAmount.statusCode()).isEqualTo(400);
    assertThat(noAmount.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    HttpResponse<String> future = api.post("/pension-rolls", Map.of("month", "2026-08"));
    assertThat(future.statusCode()).isEqualTo(422);
    assertThat(RestClientSupport.json(future).path("code").asString()).isEqualTo("roll-month");

    String caseworker = TestTokens.staff("caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
    assertThat(api.send("POST", "/pension-standards", standard("DEMOBILISED_VETERAN", "2026-02"), caseworker)
        .statusCode()).isEqualTo(403);
    assertThat(api.send("POST", "/pension-rolls", Map.of("month", "2026-02"), null).statusCode()).isEqualTo(401);
    assertThat(api.get("/pension-standards?category=DEMOBILISED_VETERAN").size()).isZero();
  }

  // --- fixtures -------------------------------------------------------------------------------------

  private static Map<String, Object> standard(String category, String effectiveFrom) {
    return new HashMap<>(Map.of("category", category, "effectiveFrom", effectiveFrom, "nationalAmount", "1600.00",
        "localSupplement", "100.00", "nationalSource", "退役军人部发〔2026〕12号",
        "localSource", "诸暨市退役军人事务局〔2026〕5号", "publishedOn", "2026-07-10"));
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    body.put(field, value);
    return body;
  }

  private JsonNode generate(YearMonth month) {
    HttpResponse<String> response = api.post("/pension-rolls", Map.of("month", month.toString()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return RestClientSupport.json(response);
  }

  private void generateAndSend(YearMonth month) {
    generate(month);
    HttpResponse<String> sent = api.post("/pension-rolls/" + month + "/sent", null);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(RestClientSupport.json(sent).path("status").asString()).isEqualTo("SENT");
  }

  private List<JsonNode> lines(String month) {
    List<JsonNode> lines = new ArrayList<>();
    api.get("/pension-rolls/" + month + "/lines?limit=1000").forEach(lines::add);
    return lines;
  }

  private static List<JsonNode> linesOf(List<JsonNode> lines, long personId) {
    return lines.stream().filter(line -> line.path("entitledPersonId").asLong() == personId).toList();
  }

  private long personId(String idNumber) {
    return api.get("/entitled-persons/" + idNumber).path("id").asLong();
  }
}
