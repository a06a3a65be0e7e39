package gov.civilaffairs.veterans.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.veterans.RegistryEvents;
import gov.civilaffairs.veterans.RestClientSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * One-stop medical settlements over REST with real tokens: the veterans' medical subsidy is half of what remains
 * after insurance and medical assistance within a yearly cap of 20000.00, all of it for a disabled veteran of
 * grades 1 to 6 (MedicalPolicy defaults); a settlement reported twice is recorded once; the subsidies appear in
 * the payment statistics; bad input and another township change nothing. Persons live in 浣纱社区
 * (330681001005), used by no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka
@Import(TestTokenConfiguration.class)
class MedicalSettlementIT {

  private static final String VILLAGE = "330681001005";
  private static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  private static final String OTHER_TOWNSHIP = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  private static final String AUDITOR = TestTokens.staff("auditor", Role.AUDITOR, null);

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;

  RestClientSupport api;

  @BeforeEach
  void client() {
    api = new RestClientSupport(port);
  }

  @Test
  void theSubsidyIsHalfTheRemainingCostWithinTheYearlyCapAndASettlementReportedTwiceIsRecordedOnce() {
    String person = api.register("DEMOBILISED_VETERAN", null, null, "900.00", "2020-01", VILLAGE);
    String reference = "ZY" + RegistryEvents.nextId();

    HttpResponse<String> first = settle(person, reference, "INPATIENT", "2026-06-02", "2026-06-12", "18600.00",
        "11200.00", "1400.00", "0.00", CASEWORKER);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    JsonNode settlement = RestClientSupport.json(first);
    assertThat(settlement.path("selfPaidBefore").decimalValue()).isEqualByComparingTo("6000.00");
    assertThat(settlement.path("veteransSubsidy").decimalValue()).isEqualByComparingTo("3000.00");
    assertThat(settlement.path("selfPaid").decimalValue()).isEqualByComparingTo("3000.00");
    assertThat(settlement.path("basis").asString()).contains("0.5 x 6000.00", "优抚对象医疗保障办法");

    HttpResponse<String> again = settle(person, reference, "INPATIENT", "2026-06-02", "2026-06-12", "18600.00",
        "11200.00", "1400.00", "0.00", CASEWORKER);
    assertThat(again.statusCode()).as("reported again").isEqualTo(200);
    assertThat(RestClientSupport.json(again).path("id").asLong()).isEqualTo(settlement.path("id").asLong());

    JsonNode capped = RestClientSupport.json(settle(person, reference + "B", "OUTPATIENT", "2026-08-03", null,
        "40000.00", "2000.00", "0.00", "0.00", CASEWORKER));
    assertThat(capped.path("veteransSubsidy").decimalValue()).as("19000.00 due, 17000.00 left of the cap")
        .isEqualByComparingTo("17000.00");
    assertThat(capped.path("selfPaid").decimalValue()).isEqualByComparingTo("21000.00");
    JsonNode exhausted = RestClientSupport.json(settle(person, reference + "C", "OUTPATIENT", "2026-09-01", null,
        "300.00", "100.00", "0.00", "0.00", CASEWORKER));
    assertThat(exhausted.path("veteransSubsidy").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(settlementRows(person)).isEqualTo(3);

    List<String> rows = rows(api.send("GET", "/statistics/payments?from=2026-06&to=2026-08&region=" + VILLAGE, null,
        AUDITOR));
    assertThat(rows).contains("MEDICAL_SETTLEMENT INPATIENT 1 1 3000.00", "MEDICAL_SETTLEMENT OUTPATIENT 1 1 17000.00");
  }

  @Test
  void aSeverelyDisabledVeteranHasTheWholeRemainingCostCoveredWithoutCapAndTheCallerCannotSetTheSubsidy() {
    String veteran = api.register("DISABLED_VETERAN", 2, "WAR", "5200.00", "2020-01", VILLAGE);
    JsonNode settlement = RestClientSupport.json(settle(veteran, "ZY" + RegistryEvents.nextId(), "INPATIENT",
        "2026-03-01", "2026-03-20", "90000.00", "35000.00", "5000.00", "0.00", CASEWORKER));
    assertThat(settlement.path("veteransSubsidy").decimalValue()).isEqualByComparingTo("50000.00");
    assertThat(settlement.path("selfPaid").decimalValue()).isEqualByComparingTo("0.00");

    String other = api.register("MARTYR_SURVIVOR", null, null, "1600.00", "2020-01", VILLAGE);
    Map<String, Object> body = new HashMap<>(Map.of("hospitalCode", "12330681470000123X", "hospitalName", "诸暨市人民医院",
        "settlementReference", "MZ" + RegistryEvents.nextId(), "careType", "OUTPATIENT", "admittedOn", "2026-03-02",
        "settledOn", "2026-03-02", "totalCost", "1000.00", "insurancePaid", "600.00", "criticalIllnessPaid", "0.00",
        "medicalAssistancePaid", "0.00"));
    body.put("veteransSubsidy", "400.00");
    body.put("selfPaid", "0.00");
    HttpResponse<String> created = api.send("POST", "/entitled-persons/" + other + "/medical-settlements", body,
        CASEWORKER);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(RestClientSupport.json(created).path("veteransSubsidy").decimalValue()).as("computed, not taken")
        .isEqualByComparingTo("200.00");
  }

  @Test
  void badSettlementsAndAnotherTownshipChangeNothing() {
    String person = api.register("WAR_PARTICIPANT", null, null, "700.00", "2020-01", VILLAGE);
    String other = api.register("WAR_PARTICIPANT", null, null, "700.00", "2020-01", VILLAGE);
    String reference = "MZ" + RegistryEvents.nextId();
    assertThat(code(settle(person, reference, "INPATIENT", "2026-05-01", "2026-05-09", "1000.00", "800.00", "150.00",
        "100.00", CASEWORKER))).isEqualTo("settlement-amounts");
    assertThat(code(settle(person, reference, "INPATIENT", "2026-05-01", null, "1000.00", "800.00", "0.00", "0.00",
        CASEWORKER))).isEqualTo("settlement-dates");
    assertThat(code(settle(person, reference, "INPATIENT", "2026-05-09", "2026-05-01", "1000.00", "800.00", "0.00",
        "0.00", CASEWORKER))).isEqualTo("settlement-dates");
    assertThat(code(settle(person, reference, "OUTPATIENT", "2099-05-01", null, "1000.00", "800.00", "0.00", "0.00",
        CASEWORKER))).isEqualTo("settlement-dates");
    HttpResponse<String> negative = settle(person, reference, "OUTPATIENT", "2026-05-01", null, "-1.00", "0.00", "0.00",
        "0.00", CASEWORKER);
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(negative.body()).contains("totalCost");
    assertThat(settle(person, reference, "OUTPATIENT", "2026-05-01", null, "1000.00", "800.00", "0.00", "0.00",
        OTHER_TOWNSHIP).statusCode()).isEqualTo(404);
    assertThat(api.send("GET", "/entitled-persons/" + person + "/medical-settlements", null, OTHER_TOWNSHIP)
        .statusCode()).isEqualTo(404);
    assertThat(settlementRows(person)).isZero();

    assertThat(settle(person, reference, "OUTPATIENT", "2026-05-01", null, "1000.00", "800.00", "0.00", "0.00",
        CASEWORKER).statusCode()).isEqualTo(201);
    HttpResponse<String> taken = settle(other, reference, "OUTPATIENT", "2026-05-01", null, "1000.00", "800.00", "0.00",
        "0.00", CASEWORKER);
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(code(taken)).isEqualTo("settlement-exists");
    assertThat(settlementRows(other)).isZero();
    assertThat(api.send("GET", "/entitled-persons/" + person + "/medical-settlements", null, AUDITOR).statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<String> settle(String person, String reference, String careType, String admittedOn,
      String dischargedOn, String total, String insurance, String criticalIllness, String assistance, String token) {
    Map<String, Object> body = new HashMap<>(Map.of("hospitalCode", "12330681470000123X", "hospitalName", "诸暨市人民医院",
        "settlementReference", reference, "careType", careType, "admittedOn", admittedOn,
        "settledOn", dischargedOn == null ? admittedOn : dischargedOn, "totalCost", total, "insurancePaid", insurance,
        "criticalIllnessPaid", criticalIllness, "medicalAssistancePaid", assistance));
    if (dischargedOn != null) {
      body.put("dischargedOn", dischargedOn);
    }
    return api.send("POST", "/entitled-persons/" + person + "/medical-settlements", body, token);
  }

  private static String code(HttpResponse<String> response) {
    return RestClientSupport.json(response).path("code").asString();
  }

  private int settlementRows(String idNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM medical_settlement m JOIN entitled_person p ON p.id = m.entitled_person_id "
        + "WHERE p.national_id_number = ?").param(idNumber).query(Integer.class).single();
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
