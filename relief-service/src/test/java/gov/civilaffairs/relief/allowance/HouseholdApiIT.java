package gov.civilaffairs.relief.allowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import gov.civilaffairs.relief.ReliefTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** Households and payment rolls over REST: what a caseworker sees, and bad input refused with nothing changed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class HouseholdApiIT extends ReliefTestSupport {

  private static String household(String region, String income, String members) {
    return """
        {"regionCode":"%s","area":"URBAN","monthlyIncome":%s,"startMonth":"2020-01","members":[%s]}"""
        .formatted(region, income, members);
  }

  private static String member(String number, String relation) {
    return "{\"nationalIdNumber\":\"%s\",\"name\":\"李䶮\",\"relation\":\"%s\"}".formatted(number, relation);
  }

  @Test
  void registersAHouseholdWithItsAmountAndMembersDerivedFromTheIdNumber() throws Exception {
    String number = idNumber("33068119551111238"); // check character X, sequence even: a woman
    String lowerCase = number.replace('X', 'x');
    assertThat(lowerCase).endsWith("x");
    JsonNode created = post("/households", household("330681102001", "480.00", member(lowerCase, "HEAD")), 201);

    JsonNode read = get("/households/" + created.path("id").longValue() + "?asOf=2020-01");
    JsonNode head = read.path("members").get(0);
    assertThat(head.path("nationalIdNumber").asString()).as("in full for a city administrator (platform.security.unmasked-roles)").isEqualTo(number);
    assertThat(head.path("name").asString()).isEqualTo("李䶮");
    assertThat(head.path("sex").asString()).isEqualTo("FEMALE");
    assertThat(head.path("birthDate").asString()).isEqualTo("1955-11-11");
    assertThat(head.path("head").booleanValue()).isTrue();
    assertThat(read.path("allowance").path("currentAmount").decimalValue()).isEqualByComparingTo("760.00");
    assertThat(count("SELECT COUNT(*) FROM household_member WHERE national_id_number = ?", number)).isEqualTo(1);

    HttpResponse<String> again = send("POST", "/households", household("330681102001", "0.00", member(number, "HEAD")));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).path("code").asString()).isEqualTo("already-in-household");
    assertThat(again.body()).doesNotContain(number);
  }

  @Test
  void badInputIsRefusedWithAProblemAndChangesNothing() throws Exception {
    int before = count("SELECT COUNT(*) FROM household");
    String good = idNumber("33068119700101301");
    String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');

    JsonNode invalid = problem(household("330681102001", "0.00", member(badCheck, "HEAD")), 400);
    assertThat(invalid.path("code").asString()).isEqualTo("validation-failed");
    assertThat(invalid.path("errors").get(0).path("field").asString()).contains("nationalIdNumber");
    assertThat(invalid.path("errors").get(0).path("message").asString()).startsWith("check character should be");
    assertThat(problem(household("330681999999", "0.00", member(good, "HEAD")), 422).path("code").asString())
        .isEqualTo("unknown-village");
    assertThat(problem(household("330681102001", "0.00", member(good, "SPOUSE")), 422).path("code").asString())
        .isEqualTo("head-required");
    assertThat(problem(household("330681102001", "1240.00", member(good, "HEAD")), 422).path("code").asString())
        .isEqualTo("not-eligible");
    assertThat(count("SELECT COUNT(*) FROM household")).isEqualTo(before);

    HttpResponse<String> missing = send("GET", "/households/999999", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(send("GET", "/payment-rolls/2020-13", null).statusCode()).isEqualTo(400);
  }

  @Test
  void generatingARollTwiceReturnsTheSameRollAndASentRollNeverChanges() throws Exception {
    registerHousehold(household("330681102002", "0.00", member(idNumber("33068119480808401"), "HEAD")));
    JsonNode first = generateRoll("2020-02");
    JsonNode second = generateRoll("2020-02");
    assertThat(second.path("rolls").get(0).path("id").longValue()).isEqualTo(first.path("rolls").get(0).path("id").longValue());
    assertThat(first.path("status").asString()).isEqualTo("DRAFT");
    assertThat(first.path("lineCount").intValue()).isEqualTo(list(get("/payment-rolls/2020-02/lines?size=1000")).size());
    assertThat(count("SELECT COUNT(*) FROM payment_roll WHERE month = '2020-02-01' AND township_code = '330681102'")).isEqualTo(1);

    JsonNode sent = sendRoll("2020-02");
    assertThat(sent.path("status").asString()).isEqualTo("SENT");
    assertThat(sendRoll("2020-02").path("sentAt").asString()).isEqualTo(sent.path("sentAt").asString());
  }

  private JsonNode problem(String body, int status) throws Exception {
    HttpResponse<String> response = send("POST", "/households", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    return JSON.readTree(response.body());
  }
}
