package gov.civilaffairs.relief.medical;

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
 * Medical assistance settlements through REST with the configured values (ALLOWANCE: no deductible, 70 %, cap
 * 100000.00; NEAR_POVERTY: deductible 3000.00, 60 %, cap 60000.00): deductible, ratio and yearly cap, a
 * settlement sent twice, and the unhappy paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class MedicalAssistanceIT extends ReliefTestSupport {

  static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");

  @Test
  void anAllowanceBeneficiaryIsPaidTheRatioUpToTheYearlyCap() throws Exception {
    String person = idNumber("33068119500101701");
    registerHousehold("""
        {"regionCode":"330681001001","area":"URBAN","monthlyIncome":"300.00","startMonth":"2026-01",
         "members":[{"nationalIdNumber":"%s","name":"陈建国","relation":"HEAD"}]}""".formatted(person));

    JsonNode first = settle(CASEWORKER, settlement(person, "ALLOWANCE", "R-701-1", "2026-03-01", "20000.00", "14000.00", "5000.00"), 201);
    assertThat(first.path("assistancePaid").decimalValue()).isEqualByComparingTo("3500.00");
    assertThat(first.path("deductibleApplied").decimalValue()).isEqualByComparingTo("0.00");
    JsonNode again = settle(CASEWORKER, settlement(person, "ALLOWANCE", "R-701-1", "2026-03-01", "20000.00", "14000.00", "5000.00"), 200);
    assertThat(again.path("id").longValue()).as("the same settlement sent twice is one record").isEqualTo(first.path("id").longValue());
    JsonNode capped = settle(CASEWORKER, settlement(person, "ALLOWANCE", "R-701-2", "2026-06-01", "400000.00", "200000.00", "200000.00"), 201);
    assertThat(capped.path("assistancePaid").decimalValue()).as("100000.00 - 3500.00 left of the cap").isEqualByComparingTo("96500.00");
    assertThat(settle(CASEWORKER, settlement(person, "ALLOWANCE", "R-701-3", "2026-07-01", "1000.00", "500.00", "500.00"), 201)
        .path("assistancePaid").decimalValue()).isEqualByComparingTo("0.00");
    HttpResponse<String> history = send(CASEWORKER, "GET", "/medical-assistance/persons/" + person + "/settlements", null);
    assertThat(list(JSON.readTree(history.body()))).hasSize(3);
    assertThat(list(JSON.readTree(send(DIANKOU, "GET", "/medical-assistance/persons/" + person + "/settlements", null).body())))
        .isEmpty();
  }

  @Test
  void aNearPovertyMemberFirstFillsTheDeductible() throws Exception {
    String person = idNumber("33068119500101702");
    jdbc.update("""
        INSERT INTO near_poverty_household (region_code, area, application_id, verification_request_id, determined_on,
          household_monthly_income, living_members, rule) VALUES ('330681001001', 'URBAN', 70200, 1, '2026-01-10',
          1500.00, 1, 'per-capita-income-below-near-poverty-line')""");
    jdbc.update("INSERT INTO near_poverty_member (near_poverty_id, national_id_number, name, relation) "
        + "SELECT id, ?, '李秀梅', 'HEAD' FROM near_poverty_household WHERE application_id = 70200", person);

    JsonNode first = settle(CASEWORKER, settlement(person, "NEAR_POVERTY", "R-702-1", "2026-03-01", "8000.00", "3000.00", "5000.00"), 201);
    assertThat(first.path("deductibleApplied").decimalValue()).isEqualByComparingTo("3000.00");
    assertThat(first.path("assistancePaid").decimalValue()).isEqualByComparingTo("1200.00"); // 60 % of 2000.00
    JsonNode second = settle(CASEWORKER, settlement(person, "NEAR_POVERTY", "R-702-2", "2026-04-01", "2000.00", "1000.00", "1000.00"), 201);
    assertThat(second.path("deductibleApplied").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(second.path("assistancePaid").decimalValue()).isEqualByComparingTo("600.00");
    assertThat(settle(CASEWORKER, settlement(person, "ALLOWANCE", "R-702-3", "2026-04-01", "2000.00", "1000.00", "1000.00"), 422)
        .path("code").asString()).isEqualTo("not-a-beneficiary");
    assertThat(settle(DIANKOU, settlement(person, "NEAR_POVERTY", "R-702-4", "2026-04-01", "2000.00", "1000.00", "1000.00"), 422)
        .path("code").asString()).isEqualTo("not-a-beneficiary");
  }

  @Test
  void badSettlementsAreRefusedAndNothingIsRecorded() throws Exception {
    String person = idNumber("33068119500101703");
    registerHousehold("""
        {"regionCode":"330681001001","area":"URBAN","monthlyIncome":"300.00","startMonth":"2026-01",
         "members":[{"nationalIdNumber":"%s","name":"王芳","relation":"HEAD"}]}""".formatted(person));
    assertThat(settle(CASEWORKER, settlement(person, "ALLOWANCE", "R-703-1", "2099-01-01", "100.00", "0.00", "100.00"), 422)
        .path("code").asString()).isEqualTo("date-in-future");
    assertThat(settle(CASEWORKER, settlement(person, "ALLOWANCE", "R-703-2", "2026-03-01", "100.00", "80.00", "50.00"), 422)
        .path("code").asString()).isEqualTo("costs-inconsistent");
    assertThat(settle(CASEWORKER, settlement(person, "EXTREME_POVERTY", "R-703-3", "2026-03-01", "100.00", "0.00", "100.00"), 400)
        .toString()).contains("category");
    assertThat(settle(CASEWORKER, settlement(person, "ALLOWANCE", "R-703-4", "2026-03-01", "-1.00", "0.00", "0.00"), 400)
        .toString()).contains("totalCost");
    assertThat(count("SELECT COUNT(*) FROM medical_settlement WHERE national_id_number = ?", person)).isZero();
  }

  private JsonNode settle(String token, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, "POST", "/medical-assistance/settlements", json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String settlement(String person, String category, String reference, String settledOn, String total,
      String insurance, String eligible) {
    return """
        {"nationalIdNumber":"%s","name":"陈建国","category":"%s","kind":"INPATIENT","hospital":"诸暨市人民医院",
         "settlementReference":"%s","settledOn":"%s","totalCost":"%s","insurancePaid":"%s","eligibleOutOfPocket":"%s",
         "assistancePaid":"99999.00"}""".formatted(person, category, reference, settledOn, total, insurance, eligible);
  }
}
