package gov.civilaffairs.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.registry.RegistryIntegrationTest;

/**
 * The region rule on death records (issue 3; docs/security.md): a death record lies in the region of
 * its person in the index; outside the caller's area it answers 404 (read and supervisor actions) and
 * is missing from the review queue; a record of a person not in the index is seen only by city-wide
 * roles. Staff index persons only within their own area.
 */
class DeathRecordAreaIT extends RegistryIntegrationTest {

  private static final String DIANKOU_CASEWORKER =
      TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  /** A county officer of 嵊州市, another county of the city. */
  private static final String OTHER_COUNTY_OFFICER = TestTokens.staff("shengzhou-officer", Role.COUNTY_OFFICER, "330683");
  private static final String CITY_ADMIN = TestTokens.staff("city-admin", Role.CITY_ADMINISTRATOR, null);
  private static final String AUDITOR = TestTokens.staff("auditor", Role.AUDITOR, null);

  @Test
  void aDeathRecordIsReadOnlyWithinTheDeceasedPersonsArea() throws Exception {
    long recordId = heldRecordOfNewPerson("330681001001");

    assertProblem(get(DIANKOU_CASEWORKER, "/deaths/" + recordId), 404, "not-found");
    assertProblem(get(OTHER_COUNTY_OFFICER, "/deaths/" + recordId), 404, "not-found");
    assertThat(get(CASEWORKER, "/deaths/" + recordId).statusCode()).isEqualTo(200);
    assertThat(get(SUPERVISOR, "/deaths/" + recordId).statusCode()).isEqualTo(200);
    assertThat(get(AUDITOR, "/deaths/" + recordId).statusCode()).isEqualTo(200);
  }

  @Test
  void theReviewQueueHoldsOnlyTheCallersArea() throws Exception {
    long jiyang = heldRecordOfNewPerson("330681001001");
    long diankou = heldRecordOfNewPerson("330681104003");

    List<Long> diankouQueue = queue(DIANKOU_CASEWORKER);
    List<Long> jiyangQueue = queue(CASEWORKER);

    assertThat(diankouQueue).contains(diankou).doesNotContain(jiyang);
    assertThat(jiyangQueue).contains(jiyang).doesNotContain(diankou);
    assertThat(queue(SUPERVISOR)).contains(jiyang, diankou);
    assertThat(queue(OTHER_COUNTY_OFFICER)).doesNotContain(jiyang, diankou);
    assertThat(json(get(DIANKOU_CASEWORKER, "/deaths/review-queue?size=1")).path("total").asLong())
        .isEqualTo(diankouQueue.size());
  }

  @Test
  void aSupervisorOfAnotherCountyGets404AndChangesNothing() throws Exception {
    long recordId = heldRecordOfNewPerson("330681001001");

    assertProblem(post(OTHER_COUNTY_OFFICER, "/deaths/" + recordId + "/confirmation", Map.of()), 404, "not-found");
    assertProblem(post(OTHER_COUNTY_OFFICER, "/deaths/" + recordId + "/rejection", Map.of("reason", "wrong person")),
        404, "not-found");
    assertThat(json(get(SUPERVISOR, "/deaths/" + recordId)).path("status").asString()).isEqualTo("HELD_FOR_REVIEW");

    HttpResponse<String> confirmed = post(SUPERVISOR, "/deaths/" + recordId + "/confirmation", Map.of());
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    assertProblem(post(OTHER_COUNTY_OFFICER, "/deaths/" + recordId + "/revocation", Map.of("reason", "wrong person")),
        404, "not-found");
    assertThat(json(get(SUPERVISOR, "/deaths/" + recordId)).path("status").asString()).isEqualTo("CONFIRMED");
  }

  @Test
  void aRecordOfAPersonNotInTheIndexIsSeenOnlyByCityWideRoles() throws Exception {
    String idNumber = newIdNumber();
    HttpResponse<String> reported = reportDeath(idNumber, "无名", "CASEWORKER", "CW-" + idNumber, "2025-06-01");
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    long recordId = json(reported).at("/deathRecord/id").asLong();
    assertThat(json(reported).at("/deathRecord/personId").isNull()).isTrue();

    assertProblem(get(SUPERVISOR, "/deaths/" + recordId), 404, "not-found");
    assertProblem(get(CASEWORKER, "/deaths/" + recordId), 404, "not-found");
    assertThat(get(CITY_ADMIN, "/deaths/" + recordId).statusCode()).isEqualTo(200);
    assertThat(get(AUDITOR, "/deaths/" + recordId).statusCode()).isEqualTo(200);
    assertThat(queue(SUPERVISOR)).doesNotContain(recordId);
    assertThat(queue(CITY_ADMIN)).contains(recordId);
  }

  @Test
  void staffIndexPersonsOnlyWithinTheirArea() throws Exception {
    String idNumber = newIdNumber();
    Map<String, Object> diankouPerson = Map.of("nationalIdNumber", idNumber, "name", "郑七",
        "regionCode", "330681104003");

    HttpResponse<String> refused = post(CASEWORKER, "/persons", diankouPerson);

    assertProblem(refused, 403, "region-outside-area");
    assertThat(json(refused).at("/errors/0/field").asString()).isEqualTo("regionCode");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE national_id_number = ?", Long.class, idNumber))
        .isZero();
    assertThat(post(DIANKOU_CASEWORKER, "/persons", diankouPerson).statusCode()).isEqualTo(201);
  }

  @Test
  void aCaseworkerReportsDeathsOnlyOfPersonsRegisteredInTheirArea() throws Exception {
    String idNumber = newIdNumber();
    assertThat(post(SUPERVISOR, "/persons", Map.of("nationalIdNumber", idNumber, "name", "冯八",
        "regionCode", "330681104003")).statusCode()).isEqualTo(201);
    Map<String, Object> report = Map.of("nationalIdNumber", idNumber.toLowerCase(), "name", "冯八",
        "dateOfDeath", "2025-06-01", "source", "CASEWORKER", "sourceReference", "CW-" + idNumber);

    HttpResponse<String> refused = post(CASEWORKER, "/deaths", report);

    assertProblem(refused, 403, "region-outside-area");
    assertThat(json(refused).at("/errors/0/field").asString()).isEqualTo("nationalIdNumber");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM death_record WHERE national_id_number = ?", Long.class,
        idNumber)).isZero();
    assertThat(post(DIANKOU_CASEWORKER, "/deaths", report).statusCode()).isEqualTo(201);
  }

  /** A new person of the village, with a death reported by a caseworker of its township only (held for review). */
  private long heldRecordOfNewPerson(String villageCode) throws Exception {
    String idNumber = newIdNumber();
    HttpResponse<String> created = post(SUPERVISOR, "/persons", Map.of("nationalIdNumber", idNumber, "name", "某人",
        "regionCode", villageCode));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String townshipCaseworker = TestTokens.staff("caseworker-" + villageCode.substring(0, 9), Role.TOWNSHIP_CASEWORKER,
        villageCode.substring(0, 9));
    HttpResponse<String> reported = post(townshipCaseworker, "/deaths", Map.of("nationalIdNumber", idNumber,
        "name", "某人", "dateOfDeath", "2025-06-01", "source", "CASEWORKER", "sourceReference", "CW-" + idNumber));
    assertThat(json(reported).at("/deathRecord/status").asString()).as(reported.body()).isEqualTo("HELD_FOR_REVIEW");
    return json(reported).at("/deathRecord/id").asLong();
  }

  /** The ids of every page of the caller's review queue. */
  private List<Long> queue(String token) throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int page = 0; ; page++) {
      HttpResponse<String> response = get(token, "/deaths/review-queue?size=200&page=" + page);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode items = json(response).path("items");
      items.forEach(item -> ids.add(item.path("id").asLong()));
      if (items.size() < 200) {
        return ids;
      }
    }
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).path("code").asString()).isEqualTo(code);
  }
}
