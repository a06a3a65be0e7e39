package gov.civilaffairs.relief.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.MutableClock;
import gov.civilaffairs.relief.ReliefTestSupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Social-assistance statistics through REST for 2026, by region and role, over households, a stop, a
 * temporary-assistance case and a subsidy batch made through REST, on 15 November 2026 in Shanghai (the stop
 * ends the allowance with November, the emergency is paid that day). Its own context: the schema holds only its data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "test.context=StatisticsIT")
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(StatisticsIT.Clocks.class)
class StatisticsIT extends ReliefTestSupport {

  @TestConfiguration
  static class Clocks {
    @Bean
    MutableClock clock() {
      return new MutableClock(Instant.parse("2026-11-15T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    }
  }

  static final String JIYANG = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");

  @Test
  void figuresForAPeriodAndARegion() throws Exception {
    registerHousehold(household("330681001001", "URBAN", "2026-01", member(idNumber("33068119500101601"), "HEAD"),
        member(idNumber("33068119520101602"), "SPOUSE")));
    registerHousehold(household("330681001001", "RURAL", "2026-03", member(idNumber("33068119500101603"), "HEAD")));
    registerHousehold(household("330681104003", "URBAN", "2026-02", member(idNumber("33068119500101604"), "HEAD")));
    long stopped = registerHousehold(household("330681001001", "URBAN", "2026-01", member(idNumber("33068119500101605"), "HEAD")));
    String today = "2026-11-15";
    post("/households/" + stopped + "/reviews", """
        {"reviewedOn":"%s","monthlyIncome":"5000.00","findings":"子女就业"}""".formatted(today), 201);
    post("/temporary-assistance", """
        {"regionCode":"330681001001","nationalIdNumber":"%s","name":"陈建国","kind":"EMERGENCY","cause":"FIRE",
         "circumstances":"失火","amount":"3000.00"}""".formatted(idNumber("33068119800101606")), 201);
    post("/subsidy-batches", """
        {"kind":"WINTER_VISIT","title":"送温暖","documentReference":"诸民〔2026〕50号","referenceMonth":"2026-12",
         "area":"URBAN","amountPerHousehold":"200.00","amountPerPerson":"0.00"}""", 201);

    post("/medical-assistance/settlements", """
        {"nationalIdNumber":"%s","name":"成员","category":"ALLOWANCE","kind":"OUTPATIENT","hospital":"诸暨市人民医院",
         "settlementReference":"S-601","settledOn":"2026-11-10","totalCost":"1000.00","insurancePaid":"500.00",
         "eligibleOutOfPocket":"500.00"}""".formatted(idNumber("33068119500101601")), 201);
    String year = today.substring(0, 4);
    JsonNode jiyang = statistics(JIYANG, "from=" + year + "-01&to=" + year + "-12&region=330681001", 200);
    JsonNode allowance = jiyang.path("allowance");
    assertThat(allowance.path("households").intValue()).isEqualTo(2);
    assertThat(allowance.path("persons").intValue()).isEqualTo(3);
    assertThat(allowance.path("urbanHouseholds").intValue()).isEqualTo(1);
    assertThat(allowance.path("urbanPersons").intValue()).isEqualTo(2);
    assertThat(allowance.path("ruralPersons").intValue()).isEqualTo(1);
    assertThat(allowance.path("additions").intValue()).isEqualTo(3);
    assertThat(allowance.path("cancellations").intValue()).isEqualTo(1);
    assertThat(allowance.path("monthlyAmount").decimalValue()).isEqualByComparingTo("3120.00"); // 2180.00 + 940.00
    JsonNode temporary = jiyang.path("temporaryAssistance").get(0);
    assertThat(temporary.path("kind").asString()).isEqualTo("EMERGENCY");
    assertThat(temporary.path("persons").intValue()).isEqualTo(1);
    assertThat(temporary.path("amount").decimalValue()).isEqualByComparingTo("3000.00");
    JsonNode batch = jiyang.path("subsidyBatches").get(0);
    assertThat(batch.path("households").intValue()).as("the diankou household is not counted in jiyang").isEqualTo(1);
    assertThat(batch.path("amount").decimalValue()).isEqualByComparingTo("200.00");

    JsonNode medical = jiyang.path("medicalAssistance").get(0);
    assertThat(medical.path("kind").asString()).isEqualTo("OUTPATIENT");
    assertThat(medical.path("personTimes").intValue()).isEqualTo(1);
    assertThat(medical.path("amount").decimalValue()).isEqualByComparingTo("350.00"); // 70 % of 500.00
    JsonNode city = statistics(CITY_ADMINISTRATOR, "from=" + year + "-01&to=" + year + "-12", 200);
    assertThat(city.path("allowance").path("households").intValue()).isEqualTo(3);
    assertThat(city.path("allowance").path("additions").intValue()).isEqualTo(4);
    assertThat(city.path("subsidyBatches").get(0).path("amount").decimalValue()).isEqualByComparingTo("400.00");

    JsonNode diankou = statistics(DIANKOU, "from=" + year + "-01&to=" + year + "-12", 200);
    assertThat(diankou.path("allowance").path("households").intValue()).isEqualTo(1);
    assertThat(diankou.path("temporaryAssistance")).isEmpty();
    assertThat(statistics(DIANKOU, "from=" + year + "-01&to=" + year + "-12&region=330681001", 403).path("code").asString())
        .isEqualTo("region-outside-area");
    assertThat(statistics(JIYANG, "from=" + year + "-12&to=" + year + "-01", 400).path("code").asString())
        .isEqualTo("invalid-period");
    statistics(JIYANG, "from=" + year + "-01&to=" + year + "-12&region=33068", 400);
  }

  private JsonNode statistics(String token, String query, int status) throws Exception {
    HttpResponse<String> response = send(token, "GET", "/statistics/social-assistance?" + query, null);
    assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String member(String number, String relation) {
    return "{\"nationalIdNumber\":\"%s\",\"name\":\"成员\",\"relation\":\"%s\"}".formatted(number, relation);
  }

  private static String household(String village, String area, String startMonth, String... members) {
    return """
        {"regionCode":"%s","area":"%s","monthlyIncome":"300.00","startMonth":"%s","members":[%s]}"""
        .formatted(village, area, startMonth, String.join(",", members));
  }
}
