package gov.civilaffairs.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * Issue 4, "Done when", first bullet, across the deployables: a death registered in registry-service takes
 * effect in relief-service, eldercare-service and veterans-service, exactly once, citing the death record,
 * and a revocation undoes it with arrears (DOMAIN.md, "The death rule"). Every call goes through the gateway
 * with tokens of the auth-server; every death comes from a machine client (police, hospital), as in
 * production.
 */
@ExtendWith(RunningSystem.class)
class DeathFlowIT {

  /** Bound for an effect to travel registry -> outbox -> Kafka -> consumer -> REST. */
  private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);
  private static final String PERSON_DECEASED = "gov.civilaffairs.registry.person-deceased.v1";

  private static final AtomicInteger REFERENCES = new AtomicInteger();

  private static Api api;
  private static Tokens tokens;
  private static PersonTopic topic;

  @BeforeAll
  static void connect(SystemUnderTest system) {
    api = system.api();
    tokens = system.tokens();
    topic = system.personTopic();
  }

  @Test
  void aDeathReportedByThePoliceStopsEveryBenefitOnceEvenWhenItsEventIsDeliveredTwice() {
    Beneficiary person = enrol();

    long deathRecordId = reportDeath(person, "police", "HUKOU_CANCELLATION", Map.of("dateOfDeath", "2026-05-15"))
        .path("deathRecord").path("id").asLong();

    awaitDeathApplied(person, deathRecordId, "2026-05");
    String applied = benefitChangesAndGrants(person);
    topic.redeliverEventsOf(person.personId());
    topic.awaitConsumedByAll();
    assertThat(benefitChangesAndGrants(person)).as("after a duplicate delivery").isEqualTo(applied);
    assertDeathApplied(person, deathRecordId, "2026-05");
  }

  @Test
  void aSecondSourceForTheSameDeathIsAttachedToItsRecordAndChangesNothing() {
    Beneficiary person = enrol();
    long deathRecordId = reportDeath(person, "police", "HUKOU_CANCELLATION", Map.of("dateOfDeath", "2026-05-20"))
        .path("deathRecord").path("id").asLong();
    awaitDeathApplied(person, deathRecordId, "2026-05");
    String applied = benefitChangesAndGrants(person);

    JsonNode second = reportDeath(person, "hospital", "MEDICAL_CERTIFICATE", Map.of("dateOfDeath", "2026-05-20"));

    assertThat(second.path("outcome").asString()).isEqualTo("ACCEPTED");
    assertThat(second.path("deathRecord").path("id").asLong()).isEqualTo(deathRecordId);
    assertThat(second.path("deathRecord").path("sources").size()).isEqualTo(2);
    topic.awaitConsumedByAll();
    assertThat(topic.eventTypesOf(person.personId())).as("published once").containsExactly(PERSON_DECEASED);
    assertThat(benefitChangesAndGrants(person)).isEqualTo(applied);
  }

  @Test
  void aDeathWhoseNameDisagreesWithThePersonIndexIsHeldForReviewAndStopsNothing() {
    Beneficiary person = enrol();

    JsonNode held = reportDeath(person, "police", "HUKOU_CANCELLATION", person.name() + "某",
        Map.of("dateOfDeath", "2026-05-10"));

    assertThat(held.path("outcome").asString()).isEqualTo("HELD_FOR_REVIEW");
    assertThat(held.path("deathRecord").path("status").asString()).isEqualTo("HELD_FOR_REVIEW");
    topic.awaitConsumedByAll();
    assertThat(topic.eventTypesOf(person.personId())).as("nothing published").isEmpty();
    assertThat(ok("/api/registry/persons/" + person.personId()).path("status").asString()).isEqualTo("LIVING");
    assertLiving(person);
    assertThat(ok(person.veterans() + "/grants")).isEmpty();
  }

  @Test
  void aRevokedDeathRestoresEveryBenefitWithArrearsAndWithdrawsTheFuneralSubsidy() {
    Beneficiary person = enrol();
    long deathRecordId = reportDeath(person, "police", "HUKOU_CANCELLATION", Map.of("dateOfDeath", "2026-05-15"))
        .path("deathRecord").path("id").asLong();
    awaitDeathApplied(person, deathRecordId, "2026-05");

    Api.Response revoked = api.post("/api/registry/deaths/" + deathRecordId + "/revocation",
        tokens.staff("city-admin"), Map.of("supervisor", "supervisor-0427",
            "reason", "The police cancelled the household registration of another person."));

    assertThat(revoked.status()).as("%s", revoked).isEqualTo(200);
    assertThat(revoked.json().path("status").asString()).isEqualTo("REVOKED");
    await("revocation applied").atMost(EFFECT_TIMEOUT).untilAsserted(() -> {
      assertLiving(person);
      JsonNode arrears = ok(person.eldercare() + "/old-age-allowance").path("arrears");
      assertThat(arrears).isNotEmpty();
      for (int i = 0; i < arrears.size(); i++) {
        assertThat(arrears.get(i).path("month").asString()).isEqualTo(YearMonth.of(2026, 6).plusMonths(i).toString());
        assertThat(arrears.get(i).path("amount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(arrears.get(i).path("deathRecordId").asLong()).isEqualTo(deathRecordId);
      }
      Map<String, JsonNode> grants = grantsByKind(person);
      assertThat(grants.get("FUNERAL_SUBSIDY").path("status").asString()).isEqualTo("WITHDRAWN");
      assertThat(grants.get("PENSION_ARREARS").path("deathRecordId").asLong()).isEqualTo(deathRecordId);
      assertThat(grants.get("PENSION_ARREARS").path("amount").decimalValue().remainder(
          new BigDecimal(Beneficiary.MONTHLY_PENSION))).as("whole months of the pension").isZero();
      assertThat(grants.get("PENSION_ARREARS").path("amount").decimalValue()).isPositive();
    });
  }

  @Test
  void aDeathAtHalfPastElevenAtNightOnTheLastDayOfAMonthCountsInThatMonth() {
    Beneficiary person = enrol();

    JsonNode registered = reportDeath(person, "police", "HUKOU_CANCELLATION",
        Map.of("timeOfDeath", "2026-06-30T23:30:00+08:00"));

    assertThat(registered.path("deathRecord").path("dateOfDeath").asString()).isEqualTo("2026-06-30");
    awaitDeathApplied(person, registered.path("deathRecord").path("id").asLong(), "2026-06");
  }

  @Test
  void aPoisonMessageGoesToTheDeadLetterTopicWhileALaterDeathStillAppliesEverywhere() {
    Beneficiary person = enrol();
    // Same key as the person's own events: same partition, which must keep flowing.
    UUID poison = topic.sendPoison(person.personId());

    long deathRecordId = reportDeath(person, "police", "HUKOU_CANCELLATION", Map.of("dateOfDeath", "2026-05-12"))
        .path("deathRecord").path("id").asLong();

    awaitDeathApplied(person, deathRecordId, "2026-05");
    await("poison dead-lettered by every consumer").atMost(EFFECT_TIMEOUT).untilAsserted(() ->
        assertThat(topic.deadLetters()).filteredOn(letter -> poison.toString().equals(letter.eventId()))
            .extracting(PersonTopic.DeadLetter::consumerGroup)
            .containsExactlyInAnyOrderElementsOf(SystemUnderTest.PERSON_TOPIC_CONSUMERS));
  }

  // --- steps -------------------------------------------------------------------------------------

  private static Beneficiary enrol() {
    return Beneficiary.enrol(api, tokens.staff("city-admin"));
  }

  /** Reports the person's death under their indexed name; answers the registry's 201 body. */
  private static JsonNode reportDeath(Beneficiary person, String client, String source, Map<String, String> when) {
    return reportDeath(person, client, source, person.name(), when);
  }

  private static JsonNode reportDeath(Beneficiary person, String client, String source, String name,
      Map<String, String> when) {
    Map<String, Object> report = new LinkedHashMap<>(when);
    report.put("nationalIdNumber", person.nationalIdNumber());
    report.put("name", name);
    report.put("source", source);
    report.put("sourceReference", client.toUpperCase() + "-" + person.personId() + "-" + REFERENCES.incrementAndGet());
    Api.Response response = api.post("/api/registry/deaths", tokens.client(client), report);
    assertThat(response.status()).as("report of a death: %s", response).isEqualTo(201);
    return response.json();
  }

  private static void awaitDeathApplied(Beneficiary person, long deathRecordId, String lastPaidMonth) {
    await("death record " + deathRecordId + " applied everywhere").atMost(EFFECT_TIMEOUT)
        .untilAsserted(() -> assertDeathApplied(person, deathRecordId, lastPaidMonth));
  }

  /** Cards revoked, allowance and pension stopped after {@code lastPaidMonth}, funeral subsidy due, each citing the record. */
  private static void assertDeathApplied(Beneficiary person, long deathRecordId, String lastPaidMonth) {
    JsonNode household = ok(person.household());
    assertThat(household.path("members").get(0).path("living").asBoolean()).isFalse();
    assertThat(household.path("members").get(0).path("deceasedByDeathRecordId").asLong()).isEqualTo(deathRecordId);
    JsonNode reliefAllowance = household.path("allowance");
    assertThat(reliefAllowance.path("status").asString()).isEqualTo("TERMINATED");
    assertThat(reliefAllowance.path("endMonth").asString()).isEqualTo(lastPaidMonth);
    assertThat(reliefAllowance.path("terminatedByDeathRecordId").asLong()).isEqualTo(deathRecordId);

    assertThat(ok(person.eldercare()).path("status").asString()).isEqualTo("DECEASED");
    JsonNode cards = ok(person.eldercare() + "/cards");
    assertThat(cards).hasSize(2).allSatisfy(card -> {
      assertThat(card.path("status").asString()).isEqualTo("REVOKED");
      assertThat(card.path("revokedByDeathRecordId").asLong()).isEqualTo(deathRecordId);
    });
    JsonNode allowance = ok(person.eldercare() + "/old-age-allowance");
    assertThat(allowance.path("status").asString()).isEqualTo("STOPPED");
    assertThat(allowance.path("endMonth").asString()).isEqualTo(lastPaidMonth);
    assertThat(allowance.path("stoppedByDeathRecordId").asLong()).isEqualTo(deathRecordId);

    JsonNode entitled = ok(person.veterans());
    assertThat(entitled.path("status").asString()).isEqualTo("DECEASED");
    JsonNode pension = entitled.path("pensions").get(0);
    assertThat(pension.path("status").asString()).isEqualTo("STOPPED");
    assertThat(pension.path("paidThroughMonth").asString()).isEqualTo(lastPaidMonth);
    assertThat(pension.path("stoppedByDeathRecordId").asLong()).isEqualTo(deathRecordId);
    JsonNode grants = ok(person.veterans() + "/grants");
    assertThat(grants).as("granted once").hasSize(1);
    assertThat(grants.get(0).path("kind").asString()).isEqualTo("FUNERAL_SUBSIDY");
    assertThat(grants.get(0).path("amount").decimalValue()).as("6 months of the pension").isEqualByComparingTo("9000.00");
    assertThat(grants.get(0).path("status").asString()).isEqualTo("DUE");
    assertThat(grants.get(0).path("deathRecordId").asLong()).isEqualTo(deathRecordId);
  }

  /** Cards issued, allowance and pension active. */
  private static void assertLiving(Beneficiary person) {
    JsonNode household = ok(person.household());
    assertThat(household.path("members").get(0).path("living").asBoolean()).isTrue();
    assertThat(household.path("allowance").path("status").asString()).isEqualTo("ACTIVE");
    assertThat(ok(person.eldercare()).path("status").asString()).isEqualTo("LIVING");
    assertThat(ok(person.eldercare() + "/cards")).hasSize(2)
        .allSatisfy(card -> assertThat(card.path("status").asString()).isEqualTo("ISSUED"));
    assertThat(ok(person.eldercare() + "/old-age-allowance").path("status").asString()).isEqualTo("ACTIVE");
    JsonNode entitled = ok(person.veterans());
    assertThat(entitled.path("status").asString()).isEqualTo("LIVING");
    assertThat(entitled.path("pensions").get(0).path("status").asString()).isEqualTo("ACTIVE");
  }

  /** What a caseworker reads to see "why was this benefit stopped?", as one comparable text. */
  private static String benefitChangesAndGrants(Beneficiary person) {
    return List.of(ok("/api/relief/persons/" + person.nationalIdNumber() + "/benefit-changes"),
        ok(person.eldercare() + "/benefit-changes"), ok(person.veterans() + "/benefit-changes"),
        ok(person.veterans() + "/grants")).toString();
  }

  private static Map<String, JsonNode> grantsByKind(Beneficiary person) {
    Map<String, JsonNode> byKind = new LinkedHashMap<>();
    ok(person.veterans() + "/grants").forEach(grant -> byKind.put(grant.path("kind").asString(), grant));
    return byKind;
  }

  /** GET as the city administrator; fails unless 200. */
  private static JsonNode ok(String path) {
    Api.Response response = api.get(path, tokens.staff("city-admin"));
    assertThat(response.status()).as("GET %s: %s", path, response).isEqualTo(200);
    return response.json();
  }
}
