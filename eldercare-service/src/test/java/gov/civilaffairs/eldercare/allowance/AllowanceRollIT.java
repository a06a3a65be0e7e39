package gov.civilaffairs.eldercare.allowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.eldercare.EldercareTestSupport;
import gov.civilaffairs.eldercare.FixedClockConfiguration;
import gov.civilaffairs.eldercare.ScheduledJobs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The old-age allowance starts by itself in the month a person reaches the lowest band and is paid by monthly
 * rolls at each month's band amount (default bands 80: 50.00, 90: 150.00, 100: 500.00; band from the month of
 * the birthday). The bureau's clock is fixed at 2026-11-15 10:00 Asia/Shanghai.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(FixedClockConfiguration.class)
class AllowanceRollIT extends EldercareTestSupport {

  @Autowired ScheduledJobs jobs;

  @Test
  void aPersonTurning80InNovemberIsPaidThe80BandFromNovemberAndA90thBirthdayRaisesTheAmountThatMonth() throws Exception {
    String turns80 = registerPerson("19461120", JIANGDONG);     // 80 on 20 November 2026
    String turns90 = registerPerson("19361103", JINHU);         // 90 on 3 November 2026
    String turns80InDecember = registerPerson("19461205", JIANGDONG);
    String seventySix = registerPerson("19500101", JINJISHAN);
    call("POST", "/elderly-persons/" + turns90 + "/old-age-allowance", "{\"startMonth\":\"2026-09\"}", 201);
    assertThat(send("GET", "/elderly-persons/" + turns80 + "/old-age-allowance", null).statusCode())
        .as("nothing starts before the roll of the month").isEqualTo(404);

    call("POST", "/old-age-allowance-rolls", "{\"month\":\"2026-10\"}", 201);
    assertThat(amounts("2026-10")).containsEntry(id(turns90), new BigDecimal("50.00"))
        .doesNotContainKeys(id(turns80), id(turns80InDecember), id(seventySix));

    JsonNode november = call("POST", "/old-age-allowance-rolls", "{\"month\":\"2026-11\"}", 201);
    assertThat(november.path("status").asString()).isEqualTo("GENERATED");
    Map<Long, BigDecimal> paid = amounts("2026-11");
    assertThat(paid).containsEntry(id(turns80), new BigDecimal("50.00"))
        .containsEntry(id(turns90), new BigDecimal("150.00"))
        .doesNotContainKeys(id(turns80InDecember), id(seventySix));
    assertThat(november.path("lineCount").asInt()).as("control totals").isEqualTo(paid.size());
    assertThat(november.path("totalAmount").decimalValue())
        .isEqualByComparingTo(paid.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    JsonNode started = call("GET", "/elderly-persons/" + turns80 + "/old-age-allowance", null, 200);
    assertThat(started.path("startMonth").asString()).isEqualTo("2026-11");
    assertThat(started.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(send("GET", "/elderly-persons/" + turns80InDecember + "/old-age-allowance", null).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/elderly-persons/" + seventySix + "/old-age-allowance", null).statusCode())
        .isEqualTo(404);

    assertThat(jobs.allowanceRoll().id()).as("the monthly job finds the roll of the month").isEqualTo(november.path("id").asLong());
    JsonNode again = call("POST", "/old-age-allowance-rolls", "{\"month\":\"2026-11\"}", 201);
    assertThat(again.path("id").asLong()).as("idempotent").isEqualTo(november.path("id").asLong());
    assertThat(amounts("2026-11")).isEqualTo(paid);

    assertThat(call(JIYANG_CASEWORKER, "GET", "/old-age-allowance-rolls/2026-11/lines?size=1000", null, 200)
        .findValuesAsString("regionCode")).isNotEmpty().allMatch(region -> region.startsWith("330681001"));
    assertThat(call(JIYANG_CASEWORKER, "GET", "/old-age-allowance-rolls/2026-11/lines?size=1000", null, 200)
        .valueStream().map(line -> line.path("personId").asLong())).contains(id(turns80)).doesNotContain(id(turns90));

    JsonNode sent = call("POST", "/old-age-allowance-rolls/2026-11/sent", null, 200);
    assertThat(sent.path("status").asString()).isEqualTo("SENT");
    assertThat(call("POST", "/old-age-allowance-rolls/2026-11/sent", null, 200).path("sentAt").asString())
        .isEqualTo(sent.path("sentAt").asString());
  }

  @Test
  void unhappyPathsAnswerProblemJsonAndChangeNothing() throws Exception {
    assertThat(problem(CITY_ADMINISTRATOR, "POST", "/old-age-allowance-rolls", "{\"month\":\"2026-12\"}", 422))
        .isEqualTo("future-month");
    assertThat(send("GET", "/old-age-allowance-rolls/2026-12", null).statusCode()).isEqualTo(404);
    assertThat(problem(CITY_ADMINISTRATOR, "POST", "/old-age-allowance-rolls", "{}", 400)).isNotBlank();
    assertThat(problem(ZHUJI_OFFICER, "POST", "/old-age-allowance-rolls", "{\"month\":\"2026-08\"}", 403))
        .isEqualTo("forbidden");
    assertThat(send("GET", "/old-age-allowance-rolls/2026-08", null).statusCode()).isEqualTo(404);
    assertThat(problem(CITY_ADMINISTRATOR, "POST", "/old-age-allowance-rolls/2020-01/sent", null, 404))
        .isEqualTo("not-found");

    String seventyNine = registerPerson("19470101", JIANGDONG);
    assertThat(problem(CITY_ADMINISTRATOR, "POST", "/elderly-persons/" + seventyNine + "/old-age-allowance",
        "{\"startMonth\":\"2026-11\"}", 422)).isEqualTo("under-allowance-age");
    String eightyOne = registerPerson("19450101", JIANGDONG);
    call("POST", "/elderly-persons/" + eightyOne + "/old-age-allowance", "{\"startMonth\":\"2026-11\"}", 201);
    assertThat(problem(CITY_ADMINISTRATOR, "POST", "/elderly-persons/" + eightyOne + "/old-age-allowance",
        "{\"startMonth\":\"2026-10\"}", 409)).isEqualTo("allowance-exists");
  }

  private long id(String idNumber) throws Exception {
    return call("GET", "/elderly-persons/" + idNumber, null, 200).path("id").asLong();
  }

  /** Person id to amount of the roll's MONTHLY lines. */
  private Map<Long, BigDecimal> amounts(String month) throws Exception {
    List<JsonNode> lines = call("GET", "/old-age-allowance-rolls/" + month + "/lines?size=1000", null, 200)
        .valueStream().toList();
    assertThat(lines).allSatisfy(line -> assertThat(line.path("kind").asString()).isEqualTo("MONTHLY"));
    return lines.stream().collect(Collectors.toMap(line -> line.path("personId").asLong(),
        line -> line.path("amount").decimalValue()));
  }
}
