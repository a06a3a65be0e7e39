package gov.civilaffairs.veterans.death;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.veterans.RegistryEvents;
import gov.civilaffairs.veterans.RestClientSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The funeral subsidy is the configured months of the pension at the standard in force in the month of death,
 * not the amount registered with the person nor a later standard (DOMAIN.md, "The death rule", point 6); a
 * revocation after it was paid turns it into a recovery claim and the pension resumes with arrears at the
 * standards in force in the missed months. Months are relative to the real current month (Asia/Shanghai), so
 * the backdating limit of a standard (12 months) always holds. Scales used only here: disabled veterans of grade
 * 3 disabled on duty and of grade 5 disabled in war. A standard published after the death and backdated to its
 * month tops the subsidy up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka
@Import(TestTokenConfiguration.class)
class FuneralSubsidyStandardIT {

  @LocalServerPort
  int port;
  @Autowired
  CloudEventPublisher cloudEvents;
  @Autowired
  KafkaAdmin kafkaAdmin;

  RestClientSupport api;

  @BeforeEach
  void client() {
    api = new RestClientSupport(port);
  }

  @Test
  void funeralSubsidyIsTwelveMonthsAtTheStandardInForceAtDeathAndBecomesAClaimWhenTheDeathIsRevoked()
      throws Exception {
    YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    YearMonth deathMonth = now.minusMonths(6);
    YearMonth laterStandard = now.minusMonths(2);
    publish(now.minusMonths(10), "2500.00", "300.00");
    publish(laterStandard, "2700.00", "300.00");
    String person = api.register("DISABLED_VETERAN", 3, "DUTY", "2000.00", now.minusMonths(11).toString(),
        "330681001001");

    long personId = RegistryEvents.nextId();
    long deathRecordId = RegistryEvents.nextId();
    RegistryEvents registry = new RegistryEvents(cloudEvents, kafkaAdmin);
    registry.deceased(personId, deathRecordId, person, deathMonth.atDay(15).toString());

    JsonNode grants = api.get("/entitled-persons/" + person + "/grants");
    assertThat(grants.size()).isEqualTo(1);
    JsonNode funeral = grants.get(0);
    assertThat(funeral.path("kind").asString()).isEqualTo("FUNERAL_SUBSIDY");
    assertThat(funeral.path("amount").decimalValue()).as("12 x (2500.00 + 300.00), not 12 x 2000.00 or 12 x 3000.00")
        .isEqualByComparingTo("33600.00");
    assertThat(funeral.path("basis").asString()).contains("12 x 2800.00", "退役军人部发〔2026〕12号",
        "诸暨市退役军人事务局〔2026〕5号");

    HttpResponse<String> paid = api.post("/grants/" + funeral.path("id").asLong() + "/payment", null);
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
    registry.revoked(personId, deathRecordId);

    JsonNode restored = api.get("/entitled-persons/" + person);
    assertThat(restored.path("status").asString()).isEqualTo("LIVING");
    assertThat(restored.path("pensions").get(0).path("status").asString()).isEqualTo("ACTIVE");
    Map<String, JsonNode> byKind = new HashMap<>();
    api.get("/entitled-persons/" + person + "/grants").forEach(grant -> byKind.put(grant.path("kind").asString(), grant));
    assertThat(byKind.get("FUNERAL_SUBSIDY").path("status").asString()).isEqualTo("RECOVERY_CLAIM");
    // Missed: the 6 months after the month of death up to this month; 3 at 2800.00, then 3 at 3000.00 from
    // the later standard's effective month (the 4th missed month) on.
    BigDecimal expected = new BigDecimal("2800.00").multiply(BigDecimal.valueOf(3))
        .add(new BigDecimal("3000.00").multiply(BigDecimal.valueOf(3)));
    assertThat(byKind.get("PENSION_ARREARS").path("amount").decimalValue()).isEqualByComparingTo(expected);
    assertThat(byKind.get("PENSION_ARREARS").path("status").asString()).isEqualTo("DUE");
  }

  @Test
  void aStandardPublishedLaterAndBackdatedToTheDeathTopsUpTheFuneralSubsidyOnce() throws Exception {
    YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    String person = api.register("DISABLED_VETERAN", 5, "WAR", "2000.00", now.minusMonths(11).toString(),
        "330681001001");
    long personId = RegistryEvents.nextId();
    long deathRecordId = RegistryEvents.nextId();
    RegistryEvents registry = new RegistryEvents(cloudEvents, kafkaAdmin);
    registry.deceased(personId, deathRecordId, person, now.minusMonths(3).atDay(20).toString());
    assertThat(funeralSubsidies(person)).as("no standard yet: the registered amount").containsExactly("24000.00 DUE");

    publish(5, now.minusMonths(5), "2300.00", "200.00");
    assertThat(funeralSubsidies(person)).as("12 x 500.00 more").containsExactly("24000.00 DUE", "6000.00 DUE");
    publish(5, now.minusMonths(4), "2250.00", "150.00");
    assertThat(funeralSubsidies(person)).as("a lower standard takes nothing back")
        .containsExactly("24000.00 DUE", "6000.00 DUE");
    publish(5, now.minusMonths(2), "2700.00", "300.00");
    assertThat(funeralSubsidies(person)).as("effective after the month of death: no change")
        .containsExactly("24000.00 DUE", "6000.00 DUE");

    registry.revoked(personId, deathRecordId);
    assertThat(funeralSubsidies(person)).containsExactly("24000.00 WITHDRAWN", "6000.00 WITHDRAWN");
  }

  private java.util.List<String> funeralSubsidies(String person) {
    return api.get("/entitled-persons/" + person + "/grants").valueStream()
        .filter(grant -> grant.path("kind").asString().equals("FUNERAL_SUBSIDY"))
        .map(grant -> grant.path("amount").decimalValue().setScale(2) + " " + grant.path("status").asString())
        .toList();
  }

  private void publish(YearMonth effectiveFrom, String national, String local) {
    publish(3, effectiveFrom, national, local);
  }

  private void publish(int grade, YearMonth effectiveFrom, String national, String local) {
    Map<String, Object> body = new HashMap<>(Map.of("category", "DISABLED_VETERAN", "disabilityGrade", grade,
        "disabilityCause", grade == 3 ? "DUTY" : "WAR", "effectiveFrom", effectiveFrom.toString(), "nationalAmount", national,
        "localSupplement", local, "nationalSource", "退役军人部发〔2026〕12号",
        "localSource", "诸暨市退役军人事务局〔2026〕5号"));
    HttpResponse<String> response = api.post("/pension-standards", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }
}
