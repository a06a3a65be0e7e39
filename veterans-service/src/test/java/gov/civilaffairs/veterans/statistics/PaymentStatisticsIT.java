package gov.civilaffairs.veterans.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.veterans.RestClientSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Pensions and subsidies paid by type for a period and region, over REST with real tokens. The persons
 * counted live in township 330681003 (诸暨市暨阳街道), a person elsewhere must not count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka
@Import(TestTokenConfiguration.class)
class PaymentStatisticsIT {

  private static final String AUDITOR = TestTokens.staff("auditor", Role.AUDITOR, null);
  private static final String TOWNSHIP = TestTokens.staff("jiyang", Role.TOWNSHIP_CASEWORKER, "330681003");
  private static final String OTHER_TOWNSHIP = TestTokens.staff("other", Role.TOWNSHIP_CASEWORKER, "330681001");

  @LocalServerPort
  int port;

  @Test
  void pensionsAndSubsidiesPaidAreCountedByTypeForThePeriodAndRegion() {
    RestClientSupport api = new RestClientSupport(port);
    String martyrSurvivor = api.register("MARTYR_SURVIVOR", null, null, "1500.00", "2024-01", "330681003002");
    api.register("DEMOBILISED_VETERAN", null, null, "800.00", "2024-01", "330681003003");
    api.register("DEMOBILISED_VETERAN", null, null, "700.00", "2024-01", "330681001001");
    for (String month : List.of("2024-01", "2024-02")) {
      assertThat(api.post("/pension-rolls", Map.of("month", month)).statusCode()).isEqualTo(201);
      assertThat(api.post("/pension-rolls/" + month + "/sent", null).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> subsidy = api.send("POST", "/entitled-persons/" + martyrSurvivor + "/subsidies",
        Map.of("type", "OUTPATIENT_MEDICAL", "causeDate", "2024-02-10", "amount", "500.00", "reason", "门诊自付"),
        TOWNSHIP);
    api.send("POST", "/subsidies/" + RestClientSupport.json(subsidy).path("id").asLong() + "/payment", null, TOWNSHIP);

    assertThat(rows(api.send("GET", "/statistics/payments?from=2024-01&to=2024-02&region=330681003", null, AUDITOR)))
        .containsExactly("PENSION PERIODIC_LIVING_SUBSIDY 2 1 1600.00", "PENSION PERIODIC_PENSION 2 1 3000.00");
    assertThat(rows(api.send("GET", "/statistics/payments?from=2024-01&to=2024-01", null, TOWNSHIP)))
        .as("the caller's area by default")
        .containsExactly("PENSION PERIODIC_LIVING_SUBSIDY 1 1 800.00", "PENSION PERIODIC_PENSION 1 1 1500.00");
    String thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    assertThat(rows(api.send("GET", "/statistics/payments?from=" + thisMonth + "&to=" + thisMonth
        + "&region=330681003002", null, AUDITOR))).as("counted in the month it was paid")
        .containsExactly("SUBSIDY OUTPATIENT_MEDICAL 1 1 500.00");

    HttpResponse<String> outside = api.send("GET", "/statistics/payments?from=2024-01&to=2024-02&region=330681003",
        null, OTHER_TOWNSHIP);
    assertThat(outside.statusCode()).isEqualTo(403);
    assertThat(RestClientSupport.json(outside).path("code").asString()).isEqualTo("region-outside-area");
    HttpResponse<String> backwards = api.send("GET", "/statistics/payments?from=2024-02&to=2024-01", null, AUDITOR);
    assertThat(backwards.statusCode()).isEqualTo(422);
    assertThat(RestClientSupport.json(backwards).path("code").asString()).isEqualTo("period");
  }

  private static List<String> rows(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> rows = new ArrayList<>();
    for (JsonNode row : RestClientSupport.json(response)) {
      rows.add(row.path("group").asString() + " " + row.path("type").asString() + " " + row.path("payments").asLong()
          + " " + row.path("persons").asLong() + " " + row.path("amount").decimalValue().setScale(2));
    }
    return rows;
  }
}
