package gov.civilaffairs.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * income-verification-service asks the running registry-service whether household members are
 * deceased, as machine client {@code income-verification} with a client-credentials token of the
 * running auth-server (issue 3, issue 6): the registry answers (no 401), a confirmed death counts, and
 * the registry's audit trail names the client.
 */
@ExtendWith(RunningSystem.class)
class IncomeVerificationRegistryIT {

  private static SystemUnderTest system;
  private static Api income;

  @BeforeAll
  static void startIncomeVerification(SystemUnderTest running) {
    system = running;
    income = new Api(running.startIncomeVerification());
  }

  @AfterAll
  static void stopIncomeVerification() {
    system.stopIncomeVerification();
  }

  @Test
  void theRegistryAnswersIncomeVerificationsTokenAndADeathCounts() {
    Api api = system.api();
    Tokens tokens = system.tokens();
    String deceased = NationalIdNumbers.next();
    String living = NationalIdNumbers.next();
    Api.Response person = api.post("/api/registry/persons", tokens.staff("city-admin"),
        Map.of("nationalIdNumber", deceased, "name", "沈德明", "regionCode", Beneficiary.REGION_CODE));
    assertThat(person.status()).as("person: %s", person).isEqualTo(201);
    Api.Response death = api.post("/api/registry/deaths", tokens.client("police"), Map.of(
        "nationalIdNumber", deceased, "name", "沈德明", "dateOfDeath", "2026-05-01",
        "source", "HUKOU_CANCELLATION", "sourceReference", "PSB-IV-" + deceased));
    assertThat(death.json().at("/deathRecord/status").asString()).as("death: %s", death).isEqualTo("CONFIRMED");

    Api.Response verified = income.post("/verification-requests", tokens.staff("jiyang-caseworker"), Map.of(
        "householdId", "H-E2E-" + deceased, "residence", "URBAN", "purpose", "ALLOWANCE_APPLICATION",
        "members", List.of(deceased, living),
        "consent", Map.of("documentReference", "SQ-E2E-1", "signedOn", LocalDate.now().toString())));

    assertThat(verified.status()).as("verification: %s", verified).isEqualTo(201);
    JsonNode registry = queryOf(verified.json(), "REGISTRY");
    assertThat(registry.path("status").asString()).as("registry query: %s", registry).isEqualTo("ANSWERED");
    assertThat(verified.json().at("/report/members/0/deceased").asBoolean()).isTrue();
    assertThat(verified.json().at("/report/members/1/deceased").asBoolean()).isFalse();
    assertThat(verified.json().at("/report/livingMembers").asInt()).isEqualTo(1);

    Api.Response audit = api.get("/api/registry/audit-entries?actor=income-verification&size=50",
        tokens.staff("auditor"));
    assertThat(audit.status()).as("audit: %s", audit).isEqualTo(200);
    assertThat(audit.json().path("entries").valueStream().toList()).as("registry audit of the client")
        .anySatisfy(entry -> {
          assertThat(entry.path("actorKind").asString()).isEqualTo("CLIENT");
          assertThat(entry.path("objectType").asString()).isEqualTo("person");
          assertThat(entry.path("actorScopes").toString()).contains("persons:read");
        });
  }

  private static JsonNode queryOf(JsonNode verification, String source) {
    for (JsonNode query : verification.path("departmentQueries")) {
      if (query.path("source").asString().equals(source)) {
        return query;
      }
    }
    throw new AssertionError("no query of " + source + " in " + verification);
  }
}
