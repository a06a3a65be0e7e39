package gov.civilaffairs.eldercare.homecare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.eldercare.EldercareTestSupport;
import gov.civilaffairs.eldercare.FixedClockConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** Home-care stations and their service orders over REST, with the area rule. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(FixedClockConfiguration.class)
class HomeCareIT extends EldercareTestSupport {

  @Test
  void anOrderHasAServiceAPaymentKindAProviderATimeAndAnOutcome() throws Exception {
    long station = station(JIYANG_CASEWORKER, JIANGDONG);
    String person = registerPerson("19400505", JIANGDONG);

    JsonNode order = call(JIYANG_CASEWORKER, "POST", "/home-care-stations/" + station + "/orders", order(person,
        "DAILY_CARE", "LOW_COST", "10", "2026-11-16T09:00:00+08:00"), 201);
    assertThat(order.path("status").asString()).isEqualTo("OPEN");
    assertThat(order.path("fee").decimalValue()).isEqualByComparingTo("10.00");
    assertThat(order.path("scheduledAt").asString()).isEqualTo("2026-11-16T01:00:00Z");
    long id = order.path("id").asLong();

    JsonNode done = call(JIYANG_CASEWORKER, "POST", "/home-care-stations/" + station + "/orders/" + id + "/completion",
        "{\"text\":\"送餐上门, 老人状态良好\"}", 200);
    assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(done.path("outcome").asString()).isEqualTo("送餐上门, 老人状态良好");
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/home-care-stations/" + station + "/orders/" + id + "/cancellation",
        "{\"text\":\"重复\"}", 409)).isEqualTo("order-not-open");

    long volunteer = call(JIYANG_CASEWORKER, "POST", "/home-care-stations/" + station + "/orders", order(person,
        "COMPANIONSHIP", "VOLUNTEER", null, "2026-11-17T15:00:00+08:00"), 201).path("id").asLong();
    assertThat(call(JIYANG_CASEWORKER, "GET", "/home-care-stations/" + station + "/orders?status=OPEN", null, 200)
        .valueStream().map(o -> o.path("id").asLong()).toList()).containsExactly(volunteer);
    assertThat(call(JIYANG_CASEWORKER, "POST", "/home-care-stations/" + station + "/orders/" + volunteer
        + "/cancellation", "{\"text\":\"老人外出探亲\"}", 200).path("status").asString()).isEqualTo("CANCELLED");
  }

  @Test
  void badOrdersAndCallersOutsideTheAreaAreRefusedAndChangeNothing() throws Exception {
    long station = station(JIYANG_CASEWORKER, JIANGDONG);
    String person = registerPerson("19410606", JIANGDONG);
    String orders = "/home-care-stations/" + station + "/orders";

    assertThat(problem(JIYANG_CASEWORKER, "POST", orders, order(person, "MEDICAL", "LOW_COST", null,
        "2026-11-16T09:00:00+08:00"), 422)).isEqualTo("fee-required");
    assertThat(problem(JIYANG_CASEWORKER, "POST", orders, order(person, "MEDICAL", "GOVERNMENT_PAID", "5",
        "2026-11-16T09:00:00+08:00"), 422)).isEqualTo("fee-not-allowed");
    assertThat(problem(JIYANG_CASEWORKER, "POST", orders, order(person, "MASSAGE", "VOLUNTEER", null,
        "2026-11-16T09:00:00+08:00"), 400)).isNotBlank();
    assertThat(problem(DIANKOU_CASEWORKER, "POST", orders, order(person, "LEGAL", "VOLUNTEER", null,
        "2026-11-16T09:00:00+08:00"), 404)).isEqualTo("not-found");
    assertThat(problem(DIANKOU_CASEWORKER, "GET", "/home-care-stations/" + station, null, 404)).isEqualTo("not-found");
    assertThat(call(DIANKOU_CASEWORKER, "GET", "/home-care-stations?size=500", null, 200).valueStream()
        .map(s -> s.path("id").asLong()).toList()).doesNotContain(station);
    assertThat(call(ZHUJI_OFFICER, "GET", "/home-care-stations?size=500", null, 200).valueStream()
        .map(s -> s.path("id").asLong()).toList()).contains(station);
    assertThat(call(JIYANG_CASEWORKER, "GET", orders, null, 200)).as("nothing was ordered").isEmpty();

    assertThat(problem(DIANKOU_CASEWORKER, "POST", "/home-care-stations", stationRequest(JIANGDONG), 403))
        .isEqualTo("region-outside-area");
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/home-care-stations", stationRequest("330681001"), 400)).isNotBlank();
  }

  private long station(String token, String community) throws Exception {
    return call(token, "POST", "/home-care-stations", stationRequest(community), 201).path("id").asLong();
  }

  private static String stationRequest(String community) {
    return """
        {"name":"江东社区居家养老服务站","regionCode":"%s","operator":"诸暨市乐龄养老服务中心","openedOn":"2020-05-01"}"""
        .formatted(community);
  }

  private static String order(String person, String type, String payment, String fee, String at) {
    return """
        {"nationalIdNumber":"%s","serviceType":"%s","paymentKind":"%s",%s"provider":"王阿姨","scheduledAt":"%s",
         "status":"COMPLETED","outcome":"forged"}""".formatted(person, type, payment,
        fee == null ? "" : "\"fee\":" + fee + ",", at);
  }
}
