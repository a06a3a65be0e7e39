package gov.civilaffairs.relief.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.ReliefTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * One payment roll per scheme, township and month, through REST: control totals, lines traceable to their
 * decision, the area rule, idempotent generation per roll, bad requests. Months 2019-03 to 2019-05 are this
 * class's own (no other test has an allowance paid then).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class PaymentRollIT extends ReliefTestSupport {

  static final String SCHEME = "MINIMUM_LIVING_ALLOWANCE";
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");

  private static String household(String region, String income, String number) {
    return household(region, income, number, "2019-03");
  }

  private static String household(String region, String income, String number, String startMonth) {
    return """
        {"regionCode":"%s","area":"URBAN","monthlyIncome":%s,"startMonth":"%s","members":[
         {"nationalIdNumber":"%s","name":"周建国","relation":"HEAD"}]}""".formatted(region, income, startMonth, number);
  }

  @Test
  void aMonthGetsOneRollPerTownshipWithControlTotalsAndLinesNamingTheirDecision() throws Exception {
    long fengqiao = registerHousehold(household("330681102001", "240.00", idNumber("33068119500101501")));
    long fengqiao2 = registerHousehold(household("330681102002", "640.00", idNumber("33068119500101502")));
    long diankou = registerHousehold(household("330681104003", "40.00", idNumber("33068119500101503")));

    JsonNode march = generateRoll("2019-03");
    List<JsonNode> rolls = list(march.path("rolls"));
    assertThat(rolls).extracting(r -> r.path("townshipCode").asString() + " " + r.path("lineCount").intValue() + " "
        + r.path("totalAmount").decimalValue().setScale(2) + " " + r.path("scheme").asString() + " " + r.path("status").asString())
        .containsExactly("330681102 2 1600.00 MINIMUM_LIVING_ALLOWANCE DRAFT", "330681104 1 1200.00 MINIMUM_LIVING_ALLOWANCE DRAFT");
    assertThat(march.path("lineCount").intValue()).isEqualTo(3);
    assertThat(march.path("totalAmount").decimalValue()).isEqualByComparingTo("2800.00");

    long fengqiaoRoll = rolls.get(0).path("id").longValue();
    List<JsonNode> lines = list(get("/payment-rolls/" + fengqiaoRoll + "/lines"));
    assertThat(lines).extracting(l -> l.path("beneficiaryId").longValue() + " " + l.path("regionCode").asString() + " "
            + l.path("kind").asString() + " " + l.path("forMonth").asString() + " " + l.path("amount").decimalValue().setScale(2)
            + " " + l.path("decision").path("kind").asString() + " " + l.path("decision").path("id").longValue())
        .containsExactly(
            fengqiao + " 330681102001 MONTHLY 2019-03 1000.00 HOUSEHOLD_REGISTRATION " + fengqiao,
            fengqiao2 + " 330681102002 MONTHLY 2019-03 600.00 HOUSEHOLD_REGISTRATION " + fengqiao2);
    assertThat(rolls.get(0).path("totalAmount").decimalValue()).isEqualByComparingTo(
        lines.stream().map(l -> l.path("amount").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add));

    // Generating again changes nothing: the same rolls, no new lines.
    JsonNode again = generateRoll("2019-03");
    assertThat(list(again.path("rolls"))).extracting(r -> r.path("id").longValue())
        .containsExactly(fengqiaoRoll, rolls.get(1).path("id").longValue());
    assertThat(count("SELECT COUNT(*) FROM payment_roll_line l JOIN payment_roll r ON r.id = l.roll_id"
        + " WHERE r.month = '2019-03-01'")).isEqualTo(3);

    // A caseworker of 店口镇 sees only the roll of 店口镇; the other one does not exist for them.
    JsonNode seen = JSON.readTree(send(DIANKOU, "GET", "/payment-rolls/2019-03", null).body());
    assertThat(list(seen.path("rolls"))).extracting(r -> r.path("townshipCode").asString()).containsExactly("330681104");
    assertThat(seen.path("totalAmount").decimalValue()).isEqualByComparingTo("1200.00");
    HttpResponse<String> hidden = send(DIANKOU, "GET", "/payment-rolls/" + fengqiaoRoll, null);
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(hidden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(send(DIANKOU, "GET", "/payment-rolls/" + fengqiaoRoll + "/lines", null).statusCode()).isEqualTo(404);
    assertThat(send(DIANKOU, "POST", "/payment-rolls/" + fengqiaoRoll + "/sent", null).statusCode()).isEqualTo(404);
    assertThat(list(JSON.readTree(send(DIANKOU, "GET", "/payment-rolls/2019-03/lines", null).body())))
        .extracting(l -> l.path("beneficiaryId").longValue()).containsExactly(diankou);

    // Sending one roll leaves the other a draft; a sent roll answers unchanged when sent again.
    JsonNode sent = JSON.readTree(send(DIANKOU, "POST", "/payment-rolls/" + rolls.get(1).path("id").longValue() + "/sent", null).body());
    assertThat(sent.path("status").asString()).isEqualTo("SENT");
    assertThat(get("/payment-rolls/" + fengqiaoRoll).path("status").asString()).isEqualTo("DRAFT");
    assertThat(get("/payment-rolls/2019-03").path("status").asString()).isEqualTo("DRAFT");
  }

  @Test
  void aTownshipCaseworkerGeneratesTheRollOfTheirTownshipOnlyAndTheRestFollowsLater() throws Exception {
    registerHousehold(household("330681102001", "240.00", idNumber("33068119500101511"), "2019-05"));
    registerHousehold(household("330681104003", "40.00", idNumber("33068119500101512"), "2019-05"));

    HttpResponse<String> own = send(DIANKOU, "POST", "/payment-rolls", "{\"month\":\"2019-05\",\"scheme\":\"" + SCHEME + "\"}");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    assertThat(list(JSON.readTree(own.body()).path("rolls"))).extracting(r -> r.path("townshipCode").asString())
        .containsExactly("330681104");
    long diankouRoll = JSON.readTree(own.body()).path("rolls").get(0).path("id").longValue();

    JsonNode all = generateRoll("2019-05");
    assertThat(list(all.path("rolls"))).extracting(r -> r.path("townshipCode").asString())
        .containsExactly("330681102", "330681104");
    assertThat(all.path("rolls").get(1).path("id").longValue()).isEqualTo(diankouRoll);
  }

  @Test
  void anUnknownSchemeOrAMissingMonthIsRefusedAndMakesNoRoll() throws Exception {
    int before = count("SELECT COUNT(*) FROM payment_roll");
    HttpResponse<String> unknown = send("POST", "/payment-rolls", "{\"month\":\"2019-04\",\"scheme\":\"PENSION\"}");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(unknown.body()).path("code").asString()).isEqualTo("unknown-scheme");
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> noScheme = send("POST", "/payment-rolls", "{\"month\":\"2019-04\"}");
    assertThat(noScheme.statusCode()).isEqualTo(400);
    assertThat(noScheme.body()).contains("scheme");
    assertThat(send("POST", "/payment-rolls", "{\"month\":\"2019-13\",\"scheme\":\"" + SCHEME + "\"}").statusCode())
        .isEqualTo(400);
    assertThat(send("GET", "/payment-rolls/999999999", null).statusCode()).isEqualTo(404);
    assertThat(count("SELECT COUNT(*) FROM payment_roll")).isEqualTo(before);
    String auditor = TestTokens.staff("auditor", Role.AUDITOR, null);
    assertThat(send(auditor, "POST", "/payment-rolls", "{\"month\":\"2019-04\",\"scheme\":\"" + SCHEME + "\"}").statusCode())
        .isEqualTo(403);
  }
}
