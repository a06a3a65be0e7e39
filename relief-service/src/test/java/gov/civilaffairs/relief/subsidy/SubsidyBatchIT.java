package gov.civilaffairs.relief.subsidy;

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
 * A one-off subsidy batch through REST: targets by rule, amounts per household and person, one list per
 * document, paid once, lines filtered by area. Its own context, so the schema holds only its households.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "test.context=SubsidyBatchIT") // a context of its own: the schema holds only its households
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class SubsidyBatchIT extends ReliefTestSupport {

  static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");

  @Test
  void aBatchPaysEachTargetOnceAndIsPaidOnce() throws Exception {
    long pair = registerHousehold(household("URBAN", "2026-01", member(idNumber("33068119500101501"), "HEAD"),
        member(idNumber("33068119520101502"), "SPOUSE")));
    long single = registerHousehold(household("URBAN", "2026-06", member(idNumber("33068119500101503"), "HEAD")));
    registerHousehold(household("RURAL", "2026-01", member(idNumber("33068119500101504"), "HEAD")));
    registerHousehold(household("URBAN", "2027-02", member(idNumber("33068119500101505"), "HEAD")));

    String request = """
        {"kind":"FESTIVAL_SUBSIDY","title":"2027年春节一次性生活补贴","documentReference":"诸民〔2027〕3号",
         "referenceMonth":"2027-01","area":"URBAN","amountPerHousehold":"200.00","amountPerPerson":"100.00",
         "status":"PAID","totalAmount":1}""";
    HttpResponse<String> forbidden = send(CASEWORKER, "POST", "/subsidy-batches", request);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    JsonNode batch = post("/subsidy-batches", request, 201);
    long id = batch.path("id").longValue();
    assertThat(batch.path("status").asString()).isEqualTo("DRAFT");
    assertThat(batch.path("lineCount").intValue()).as("urban households paid for January 2027").isEqualTo(2);
    assertThat(batch.path("personCount").intValue()).isEqualTo(3);
    assertThat(batch.path("totalAmount").decimalValue()).isEqualByComparingTo("700.00"); // 200+2x100 + 200+100
    JsonNode lines = get("/subsidy-batches/" + id + "/lines");
    assertThat(list(lines)).extracting(l -> l.path("householdId").longValue() + ":" + l.path("amount").decimalValue().toPlainString())
        .containsExactly(pair + ":400.00", single + ":300.00");

    // the same request again (a retry): the same batch, no second list
    HttpResponse<String> retried = send("POST", "/subsidy-batches", request);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(retried.body()).path("id").longValue()).isEqualTo(id);
    assertThat(count("SELECT COUNT(*) FROM subsidy_batch_line WHERE batch_id = ?", id)).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM subsidy_batch_person WHERE batch_id = ?", id)).isEqualTo(3);

    assertThat(list(JSON.readTree(send(DIANKOU, "GET", "/subsidy-batches/" + id + "/lines", null).body()))).isEmpty();
    assertThat(list(JSON.readTree(send(CASEWORKER, "GET", "/subsidy-batches/" + id + "/lines", null).body()))).hasSize(2);

    JsonNode paid = post("/subsidy-batches/" + id + "/payment", null, 200);
    assertThat(paid.path("status").asString()).isEqualTo("PAID");
    assertThat(post("/subsidy-batches/" + id + "/payment", null, 409).path("code").asString()).isEqualTo("batch-already-paid");
  }

  @Test
  void badBatchesAreRefused() throws Exception {
    String template = """
        {"kind":"WINTER_VISIT","title":"送温暖","documentReference":"诸民〔2026〕99号","referenceMonth":"2026-12",
         "amountPerHousehold":"%s","amountPerPerson":"%s"}""";
    assertThat(post("/subsidy-batches", template.formatted("0.00", "0.00"), 422).path("code").asString())
        .isEqualTo("amount-required");
    assertThat(post("/subsidy-batches", template.formatted("-1.00", "0.00"), 400).toString()).contains("amountPerHousehold");
    assertThat(post("/subsidy-batches", template.formatted("1.001", "0.00"), 400).toString()).contains("amountPerHousehold");
    assertThat(post("/subsidy-batches", template.replace("WINTER_VISIT", "BONUS").formatted("1.00", "0.00"), 400)
        .toString()).contains("kind");
    assertThat(count("SELECT COUNT(*) FROM subsidy_batch WHERE document_reference = '诸民〔2026〕99号'")).isZero();
    post("/subsidy-batches/999999/payment", null, 404);
  }

  private static String member(String number, String relation) {
    return "{\"nationalIdNumber\":\"%s\",\"name\":\"成员\",\"relation\":\"%s\"}".formatted(number, relation);
  }

  private static String household(String area, String startMonth, String... members) {
    return """
        {"regionCode":"330681001001","area":"%s","monthlyIncome":"300.00","startMonth":"%s","members":[%s]}"""
        .formatted(area, startMonth, String.join(",", members));
  }
}
