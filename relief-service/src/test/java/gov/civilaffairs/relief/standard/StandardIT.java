package gov.civilaffairs.relief.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
 * A new allowance standard through REST: every allowance of its area recomputed from its effective month,
 * unsent rolls corrected, sent rolls that paid less turned into arrears paid in the next roll; the other
 * area untouched; bad standards refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "relief.allowance.floor-per-person=50.00")
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class StandardIT extends ReliefTestSupport {

  static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");

  @Test
  void aRetroactiveStandardRecomputesFromItsMonthCorrectsUnsentRollsAndOwesArrearsForSentOnes() throws Exception {
    long urban = registerHousehold(household("URBAN", idNumber("33068119560101001"), "2025-01", "300.00"));
    long rural = registerHousehold(household("RURAL", idNumber("33068119560101002"), "2025-01", "300.00"));
    // configured standard 1240.00: 1240.00 - 300.00
    generateRoll("2025-03");
    sendRoll("2025-03");
    generateRoll("2025-04");
    sendRoll("2025-04");
    JsonNode mayBefore = generateRoll("2025-05");
    assertThat(monthly("2025-05", urban)).isEqualByComparingTo("940.00");

    JsonNode standard = post("/allowance-standards", """
        {"area":"URBAN","year":2025,"effectiveMonth":"2025-04","amount":"1300.00","documentReference":"诸政办发〔2025〕8号",
         "recomputedAllowances":0,"arrearsEntries":99}""", 201);
    assertThat(standard.path("recomputedAllowances").intValue()).isEqualTo(1);
    assertThat(standard.path("arrearsEntries").intValue()).isEqualTo(1);

    JsonNode allowance = get("/households/" + urban + "?asOf=2025-04").path("allowance");
    assertThat(allowance.path("currentAmount").decimalValue()).isEqualByComparingTo("1000.00");
    JsonNode entry = list(allowance.path("amounts")).get(1);
    assertThat(entry.path("fromMonth").asString()).isEqualTo("2025-04");
    assertThat(entry.path("allowanceStandardId").longValue()).isEqualTo(standard.path("id").longValue());
    assertThat(get("/households/" + urban + "?asOf=2025-03").path("allowance").path("currentAmount").decimalValue())
        .as("months before the effective month keep their standard").isEqualByComparingTo("940.00");
    assertThat(get("/households/" + rural + "?asOf=2025-05").path("allowance").path("currentAmount").decimalValue())
        .as("the rural standard did not change").isEqualByComparingTo("940.00");

    // May was not sent: corrected in place, control totals with it
    assertThat(monthly("2025-05", urban)).isEqualByComparingTo("1000.00");
    assertThat(list(get("/payment-rolls/2025-05/lines?size=1000")).stream()
        .filter(l -> l.path("beneficiaryId").longValue() == urban).map(l -> l.path("decision").path("kind").asString() + " "
            + l.path("decision").path("id").longValue()).toList())
        .as("the corrected line names the standard").containsExactly("ALLOWANCE_STANDARD " + standard.path("id").longValue());
    assertThat(count("SELECT events FROM benefit_event_outbox WHERE allowance_standard_id = ?", standard.path("id").longValue()))
        .as("one benefit-changed for the one new amount entry").isEqualTo(1);
    assertThat(get("/payment-rolls/2025-05").path("totalAmount").decimalValue())
        .isEqualByComparingTo(mayBefore.path("totalAmount").decimalValue().add(new BigDecimal("60.00")));
    // April was sent at 940.00: 60.00 owed, paid with the next roll
    JsonNode arrears = get("/households/" + urban + "/arrears").get(0);
    assertThat(arrears.path("forMonth").asString()).isEqualTo("2025-04");
    assertThat(arrears.path("amount").decimalValue()).isEqualByComparingTo("60.00");
    assertThat(arrears.path("allowanceStandardId").longValue()).isEqualTo(standard.path("id").longValue());
    assertThat(arrears.path("deathRecordId").isNull()).isTrue();
    generateRoll("2025-06");
    assertThat(list(get("/payment-rolls/2025-06/lines?size=1000"))).filteredOn(l -> l.path("beneficiaryId").longValue() == urban)
        .extracting(l -> l.path("kind").asString() + " " + l.path("forMonth").asString() + " " + l.path("amount").decimalValue().toPlainString())
        .containsExactlyInAnyOrder("MONTHLY 2025-06 1000.00", "ARREARS 2025-04 60.00");
    assertThat(count("SELECT COUNT(*) FROM arrears WHERE household_id = ?", urban)).isEqualTo(1);

    // a household registered after the standard is assessed with it
    long later = registerHousehold(household("URBAN", idNumber("33068119560101003"), "2025-07", "300.00"));
    assertThat(get("/households/" + later + "?asOf=2025-07").path("allowance").path("currentAmount").decimalValue())
        .isEqualByComparingTo("1000.00");
    assertThat(list(get("/allowance-standards"))).extracting(s -> s.path("documentReference").asString())
        .containsExactly("诸政办发〔2025〕8号");
  }

  @Test
  void badStandardsAreRefusedAndChangeNothing() throws Exception {
    String valid = """
        {"area":"RURAL","year":2026,"effectiveMonth":"2026-01","amount":"1250.00","documentReference":"诸政办发〔2026〕1号"}""";
    HttpResponse<String> caseworker = send(CASEWORKER, "POST", "/allowance-standards", valid);
    assertThat(caseworker.statusCode()).isEqualTo(403);
    assertThat(post("/allowance-standards", valid.replace("\"2026-01\"", "\"2027-01\""), 422).path("code").asString())
        .isEqualTo("effective-month-outside-year");
    assertThat(post("/allowance-standards", valid.replace("1250.00", "1250.005"), 400).toString()).contains("amount");
    assertThat(post("/allowance-standards", valid.replace("1250.00", "0.00"), 400).toString()).contains("amount");
    post("/allowance-standards", valid, 201);
    assertThat(post("/allowance-standards", valid.replace("1250.00", "1260.00"), 409).path("code").asString())
        .isEqualTo("standard-not-latest");
    assertThat(count("SELECT COUNT(*) FROM allowance_standard WHERE area = 'RURAL'")).isEqualTo(1);
    assertThat(send(CASEWORKER, "GET", "/allowance-standards", null).statusCode()).isEqualTo(200);
  }

  private BigDecimal monthly(String month, long household) throws Exception {
    return list(get("/payment-rolls/" + month + "/lines?size=1000")).stream()
        .filter(l -> l.path("beneficiaryId").longValue() == household && l.path("kind").asString().equals("MONTHLY"))
        .map(l -> l.path("amount").decimalValue()).findFirst().orElse(null);
  }

  private static String household(String area, String number, String startMonth, String income) {
    return """
        {"regionCode":"330681001001","area":"%s","monthlyIncome":"%s","startMonth":"%s",
         "members":[{"nationalIdNumber":"%s","name":"吴桂芳","relation":"HEAD"}]}""".formatted(area, income, startMonth, number);
  }
}
