package gov.civilaffairs.veterans.death;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.veterans.RegistryEvents;
import gov.civilaffairs.veterans.RestClientSupport;
import gov.civilaffairs.veterans.TestIdNumbers;
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
 * The survivor of a severely disabled veteran who may now qualify for a periodic pension is flagged for the
 * caseworker of the area, who completes the review with the survivor registered (or the reason none
 * qualifies); if the death record is revoked afterwards, a withdrawal review is opened. Over REST with real
 * tokens and the registry's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka
@Import(TestTokenConfiguration.class)
class SurvivorReviewIT {

  private static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  private static final String OTHER_TOWNSHIP = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");

  @LocalServerPort
  int port;
  @Autowired
  CloudEventPublisher cloudEvents;
  @Autowired
  KafkaAdmin kafkaAdmin;

  RestClientSupport api;
  RegistryEvents registry;

  @BeforeEach
  void client() {
    api = new RestClientSupport(port);
    registry = new RegistryEvents(cloudEvents, kafkaAdmin);
  }

  @Test
  void theCaseworkerRegistersTheSurvivorAndARevocationAfterwardsOpensAWithdrawalReview() throws Exception {
    String veteran = api.register("DISABLED_VETERAN", 3, "WAR", "4200.00", "2020-01", "330681001001");
    long veteranId = api.get("/entitled-persons/" + veteran).path("id").asLong();
    long personId = RegistryEvents.nextId();
    long deathRecordId = RegistryEvents.nextId();
    registry.deceased(personId, deathRecordId, veteran, "2026-04-03");

    JsonNode task = taskOf(veteranId, CASEWORKER, "SURVIVOR_PENSION_REVIEW");
    assertThat(task.path("status").asString()).isEqualTo("OPEN");
    long taskId = task.path("id").asLong();
    assertThat(tasksOf(veteranId, OTHER_TOWNSHIP)).isEmpty();
    assertThat(complete(taskId, "NOT_ELIGIBLE", null, "无遗属", OTHER_TOWNSHIP).statusCode()).isEqualTo(404);

    assertThat(code(complete(taskId, "NOT_ELIGIBLE", null, null, CASEWORKER))).isEqualTo("note-required");
    assertThat(code(complete(taskId, "SURVIVOR_PENSION_WITHDRAWN", null, null, CASEWORKER))).isEqualTo("task-outcome");
    String spouse = TestIdNumbers.valid(LocalDate.of(1956, 8, 1));
    assertThat(code(complete(taskId, "SURVIVOR_REGISTERED", spouse, null, CASEWORKER)))
        .isEqualTo("survivor-not-registered");
    String notSurvivor = api.register("DEMOBILISED_VETERAN", null, null, "800.00", "2020-01", "330681001001");
    assertThat(code(complete(taskId, "SURVIVOR_REGISTERED", notSurvivor, null, CASEWORKER)))
        .isEqualTo("survivor-category");
    assertThat(taskOf(veteranId, CASEWORKER, "SURVIVOR_PENSION_REVIEW").path("status").asString())
        .as("nothing changed").isEqualTo("OPEN");

    Map<String, Object> survivor = new HashMap<>(Map.of("nationalIdNumber", spouse, "name", "陈䶮芳",
        "category", "ILLNESS_DEATH_SURVIVOR", "regionCode", "330681001001", "monthlyAmount", "1750.00",
        "startMonth", "2026-05"));
    assertThat(api.send("POST", "/entitled-persons", survivor, CASEWORKER).statusCode()).isEqualTo(201);
    HttpResponse<String> completed = complete(taskId, "SURVIVOR_REGISTERED", spouse, "配偶按病故军人遗属享受定期抚恤金",
        CASEWORKER);
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
    JsonNode done = RestClientSupport.json(completed);
    assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(done.path("outcome").asString()).isEqualTo("SURVIVOR_REGISTERED");
    assertThat(done.path("survivorPersonId").asLong()).isEqualTo(api.get("/entitled-persons/" + spouse).path("id").asLong());
    assertThat(done.path("closedBy").asString()).isEqualTo("jiyang-caseworker");
    assertThat(complete(taskId, "SURVIVOR_REGISTERED", spouse, null, CASEWORKER).statusCode()).as("retried")
        .isEqualTo(200);
    assertThat(code(complete(taskId, "NOT_ELIGIBLE", null, "改判", CASEWORKER))).isEqualTo("task-not-open");

    registry.revoked(personId, deathRecordId);
    assertThat(taskOf(veteranId, CASEWORKER, "SURVIVOR_PENSION_REVIEW").path("status").asString())
        .isEqualTo("COMPLETED");
    JsonNode withdrawal = taskOf(veteranId, CASEWORKER, "SURVIVOR_PENSION_WITHDRAWAL_REVIEW");
    assertThat(withdrawal.path("status").asString()).isEqualTo("OPEN");
    HttpResponse<String> withdrawn = complete(withdrawal.path("id").asLong(), "SURVIVOR_PENSION_WITHDRAWN", null,
        "死亡记录撤销，遗属定期抚恤金已停发", CASEWORKER);
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
  }

  @Test
  void aReviewClosedByARevocationCannotBeCompleted() throws Exception {
    String veteran = api.register("DISABLED_VETERAN", 1, "DUTY", "6800.00", "2020-01", "330681001001");
    long veteranId = api.get("/entitled-persons/" + veteran).path("id").asLong();
    long personId = RegistryEvents.nextId();
    long deathRecordId = RegistryEvents.nextId();
    registry.deceased(personId, deathRecordId, veteran, "2026-02-27");
    long taskId = taskOf(veteranId, CASEWORKER, "SURVIVOR_PENSION_REVIEW").path("id").asLong();
    registry.revoked(personId, deathRecordId);

    assertThat(taskOf(veteranId, CASEWORKER, "SURVIVOR_PENSION_REVIEW").path("status").asString()).isEqualTo("CLOSED");
    assertThat(code(complete(taskId, "NOT_ELIGIBLE", null, "无遗属", CASEWORKER))).isEqualTo("task-not-open");
    assertThat(tasksOf(veteranId, CASEWORKER)).hasSize(1);
  }

  private HttpResponse<String> complete(long taskId, String outcome, String survivor, String note, String token) {
    Map<String, Object> body = new HashMap<>(Map.of("outcome", outcome));
    if (survivor != null) {
      body.put("survivorNationalIdNumber", survivor);
    }
    if (note != null) {
      body.put("note", note);
    }
    return api.send("POST", "/caseworker-tasks/" + taskId + "/completion", body, token);
  }

  private List<JsonNode> tasksOf(long personId, String token) {
    HttpResponse<String> response = api.send("GET", "/caseworker-tasks?limit=500", null, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return RestClientSupport.json(response).valueStream()
        .filter(task -> task.path("entitledPersonId").asLong() == personId).toList();
  }

  private JsonNode taskOf(long personId, String token, String kind) {
    return tasksOf(personId, token).stream().filter(task -> task.path("kind").asString().equals(kind))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " task for person " + personId));
  }

  private static String code(HttpResponse<String> response) {
    return RestClientSupport.json(response).path("code").asString();
  }
}
