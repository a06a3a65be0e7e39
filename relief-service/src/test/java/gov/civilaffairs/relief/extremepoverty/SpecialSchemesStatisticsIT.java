package gov.civilaffairs.relief.extremepoverty;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Statistics of 特困 support and of children for a period and region through REST (DOMAIN.md "Reports"), all in
 * township 330681104 (店口镇), cases made over REST in March and May 2026.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(SpecialSchemesStatisticsIT.Clocks.class)
class SpecialSchemesStatisticsIT extends ReliefTestSupport {

  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  static final String JIYANG = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String OFFICER = TestTokens.staff("zhuji-officer", Role.COUNTY_OFFICER, "330681");

  @TestConfiguration
  static class Clocks {
    @Bean
    MutableClock clock() {
      return new MutableClock(Instant.parse("2026-03-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    }
  }

  @Autowired
  MutableClock clock;

  @Test
  void figuresForAPeriodAndRegion() throws Exception {
    resetServices();
    long institution = call(OFFICER, "POST", "/support-institutions",
        "{\"regionCode\":\"330681104\",\"name\":\"店口镇敬老院\",\"beds\":4}", 201).path("id").longValue();
    long a = determined("33068119400101801", "330681104003", "URBAN", "NO_SELF_CARE");
    long b = determined("33068119400101802", "330681104004", "RURAL", "FULL_SELF_CARE");
    long refused = call(DIANKOU, "POST", "/extreme-poverty-cases",
        ExtremePovertyIT.application(idNumber("33068119400101803"), "URBAN").replace("330681001001", "330681104003"), 201)
        .path("id").longValue();
    call(DIANKOU, "POST", "/extreme-poverty-cases/" + refused + "/refusal", "{\"reason\":\"有赡养人。\"}", 200);
    call(DIANKOU, "POST", "/support-institutions/" + institution + "/residents",
        "{\"caseId\":" + a + ",\"admittedOn\":\"2026-03-10\"}", 201);
    call(DIANKOU, "POST", "/extreme-poverty-cases/" + b + "/institution-link",
        "{\"institutionId\":" + institution + ",\"reason\":\"INFECTIOUS_DISEASE\",\"linkedOn\":\"2026-03-10\"}", 201);
    child("33068120150301802", "SCATTERED_ORPHAN", "BOTH_PARENTS_DECEASED");
    long adopted = child("33068120190909802", "DE_FACTO_UNSUPPORTED", "BOTH_PARENTS_UNABLE");
    child("33068120080515802", "SCATTERED_ORPHAN", "PARENTS_NOT_FOUND"); // 18 in May 2026
    clock.set(Instant.parse("2026-05-21T02:00:00Z"));
    call(DIANKOU, "POST", "/child-registrations/" + adopted + "/adoption",
        "{\"adoptedOn\":\"2026-05-20\",\"reference\":\"浙诸收字2026-0050\"}", 200);

    JsonNode half = call(DIANKOU, "GET", "/statistics/extreme-poverty?from=2026-01&to=2026-06", null, 200);
    assertThat(half.path("supported").longValue()).isEqualTo(2);
    assertThat(half.path("institutional").longValue()).isEqualTo(1);
    assertThat(half.path("home").longValue()).isEqualTo(1);
    assertThat(half.path("institutionLinked").longValue()).isEqualTo(1);
    assertThat(half.path("institutionalSupportRate").decimalValue()).isEqualByComparingTo("0.5000");
    assertThat(half.path("beds").longValue()).isEqualTo(4);
    assertThat(half.path("occupiedBeds").longValue()).isEqualTo(1);
    assertThat(half.path("admissionRate").decimalValue()).isEqualByComparingTo("0.2500");
    assertThat(half.path("determined").longValue()).isEqualTo(2);
    assertThat(half.path("refused").longValue()).isEqualTo(1);
    assertThat(half.path("ended").longValue()).isZero();
    assertThat(half.path("admissions").longValue()).isEqualTo(1);
    assertThat(half.path("discharges").longValue()).isZero();
    // urban 1240.00 x 1.3 + 1200.00 (no self-care) = 2812.00; rural 1612.00 + 200.00 = 1812.00
    assertThat(half.path("monthlyAmount").decimalValue()).isEqualByComparingTo("4624.00");

    JsonNode february = call(DIANKOU, "GET", "/statistics/extreme-poverty?from=2026-02&to=2026-02", null, 200);
    assertThat(february.path("supported").longValue()).as("support starts in April").isZero();
    assertThat(february.path("determined").longValue()).isZero();
    assertThat(february.path("occupiedBeds").longValue()).isZero();
    assertThat(call(OFFICER, "GET", "/statistics/extreme-poverty?from=2026-01&to=2026-06&region=330681104004", null,
        200).path("supported").longValue()).isEqualTo(1);
    assertThat(call(JIYANG, "GET", "/statistics/extreme-poverty?from=2026-01&to=2026-06", null, 200)
        .path("supported").longValue()).isZero();

    JsonNode children = call(DIANKOU, "GET", "/statistics/orphans?from=2026-01&to=2026-06&region=330681104", null, 200);
    assertThat(children.path("regionCode").asString()).isEqualTo("330681104");
    assertThat(children.path("scatteredOrphans").longValue()).isEqualTo(1);
    assertThat(children.path("deFactoUnsupported").longValue()).isZero();
    assertThat(children.path("registered").longValue()).isEqualTo(3);
    assertThat(children.path("endedAdopted").longValue()).isEqualTo(1);
    assertThat(children.path("endedDeath").longValue()).isZero();
    assertThat(children.path("endedAge").longValue()).isEqualTo(1);
    // April to June 3 months + April and May twice: 7 x 2000.00
    assertThat(children.path("amountPaid").decimalValue()).isEqualByComparingTo("14000.00");
    assertThat(children.path("monthlyAmount").decimalValue()).isEqualByComparingTo("2000.00");
    JsonNode april = call(DIANKOU, "GET", "/statistics/orphans?from=2026-04&to=2026-04", null, 200);
    assertThat(april.path("scatteredOrphans").longValue()).isEqualTo(2);
    assertThat(april.path("deFactoUnsupported").longValue()).isEqualTo(1);
    assertThat(april.path("amountPaid").decimalValue()).isEqualByComparingTo("6000.00");

    assertThat(call(DIANKOU, "GET", "/statistics/orphans?from=2026-01&to=2026-06&region=330681001", null, 403)
        .path("code").asString()).isEqualTo("region-outside-area");
    assertThat(call(DIANKOU, "GET", "/statistics/extreme-poverty?from=2026-06&to=2026-01", null, 400)
        .path("code").asString()).isEqualTo("invalid-period");
    assertThat(call(DIANKOU, "GET", "/statistics/extreme-poverty?from=2026-01&to=2026-06&region=3306", null, 400)
        .path("code").asString()).isEqualTo("invalid-region");
    call(TestTokens.staff("ops", Role.OPERATIONS, null), "GET", "/statistics/orphans?from=2026-01&to=2026-06", null, 403);
  }

  private long determined(String first17, String village, String area, String careLevel) throws Exception {
    long id = call(DIANKOU, "POST", "/extreme-poverty-cases",
        ExtremePovertyIT.application(idNumber(first17), area).replace("330681001001", village), 201).path("id").longValue();
    call(DIANKOU, "POST", "/extreme-poverty-cases/" + id + "/township-review", ExtremePovertyIT.review(true, true, true),
        200);
    call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/determination",
        "{\"supportMode\":\"HOME\",\"careLevel\":\"" + careLevel + "\"}", 200);
    return id;
  }

  private long child(String first17, String kind, String cause) throws Exception {
    return call(DIANKOU, "POST", "/child-registrations", """
        {"regionCode":"330681104003","nationalIdNumber":"%s","name":"李小雨","kind":"%s","cause":"%s",
         "causeDetails":"见调查报告。","guardianName":"李国华","guardianNationalIdNumber":"%s",
         "guardianRelation":"GRANDPARENT"}""".formatted(idNumber(first17), kind, cause, idNumber("33068119560203001")),
        201).path("id").longValue();
  }

  private JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
