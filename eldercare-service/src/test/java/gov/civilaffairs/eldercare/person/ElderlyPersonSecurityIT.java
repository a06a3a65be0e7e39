package gov.civilaffairs.eldercare.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.eldercare.EldercareTestSupport;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may see which elderly person (issue 3; OWASP API1/API5 2023; docs/security.md): real tokens over HTTP.
 * A person outside the caller's township answers 404 on every read and change, is not listed and his or her
 * transit-card notifications are not listed; the county officer sees both townships.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class ElderlyPersonSecurityIT extends EldercareTestSupport {

  @Test
  void aJiyangCaseworkerGets404ForADiankouPersonAndTheCountyOfficerSeesBoth() throws Exception {
    String jiyang = registerPerson("19400101", JIANGDONG);
    String diankou = registerPerson("19400102", JINHU);
    call("POST", "/elderly-persons/" + diankou + "/old-age-allowance", "{\"startMonth\":\"2026-01\"}", 201);

    call(JIYANG_CASEWORKER, "GET", "/elderly-persons/" + jiyang, null, 200);
    for (String path : List.of("", "/cards", "/old-age-allowance", "/benefit-changes")) {
      assertThat(problem(JIYANG_CASEWORKER, "GET", "/elderly-persons/" + diankou + path, null, 404)).as(path)
          .isEqualTo("not-found");
    }
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/elderly-persons/" + diankou + "/elderly-card",
        "{\"cardNumber\":\"SECE000001\"}", 404)).isEqualTo("not-found");
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/elderly-persons/" + diankou + "/transit-card",
        "{\"cardNumber\":\"SECT000001\"}", 404)).isEqualTo("not-found");
    assertThat(problem(DIANKOU_CASEWORKER, "POST", "/elderly-persons/" + jiyang + "/old-age-allowance",
        "{\"startMonth\":\"2026-01\"}", 404)).isEqualTo("not-found");
    assertThat(call("GET", "/elderly-persons/" + diankou + "/cards", null, 200)).as("nothing was issued").isEmpty();
    assertThat(send("GET", "/elderly-persons/" + jiyang + "/old-age-allowance", null).statusCode())
        .as("nothing was granted").isEqualTo(404);

    assertThat(regions(JIYANG_CASEWORKER)).isNotEmpty().allMatch(region -> region.startsWith("330681001"));
    assertThat(ids(JIYANG_CASEWORKER)).contains(id(jiyang)).doesNotContain(id(diankou));
    assertThat(ids(DIANKOU_CASEWORKER)).contains(id(diankou)).doesNotContain(id(jiyang));

    call(ZHUJI_OFFICER, "GET", "/elderly-persons/" + diankou, null, 200);
    call(ZHUJI_OFFICER, "GET", "/elderly-persons/" + jiyang, null, 200);
    call(ZHUJI_OFFICER, "GET", "/elderly-persons/" + diankou + "/old-age-allowance", null, 200);
    assertThat(ids(ZHUJI_OFFICER)).contains(id(jiyang), id(diankou));
  }

  @Test
  void aCaseworkerCannotRegisterAPersonOutsideHerTownship() throws Exception {
    String idNumber = idNumber("19400103");
    assertThat(problem(DIANKOU_CASEWORKER, "POST", "/elderly-persons", """
        {"nationalIdNumber":"%s","name":"周九","regionCode":"%s"}""".formatted(idNumber, JIANGDONG), 403))
        .isEqualTo("region-outside-area");
    assertThat(send("GET", "/elderly-persons/" + idNumber, null).statusCode()).isEqualTo(404);
    call(JIYANG_CASEWORKER, "POST", "/elderly-persons", """
        {"nationalIdNumber":"%s","name":"周九","regionCode":"%s"}""".formatted(idNumber, JIANGDONG), 201);
  }

  @Test
  void transitCardNotificationsAreListedOnlyForHoldersInTheCallersArea() throws Exception {
    String diankou = registerPerson("19400104", JINHU);
    call("POST", "/elderly-persons/" + diankou + "/transit-card", "{\"cardNumber\":\"SECN" + diankou.substring(10)
        + "\"}", 201);
    long personId = call("GET", "/elderly-persons/" + diankou, null, 200).path("id").asLong();
    long cardId = jdbc.queryForObject("SELECT id FROM card WHERE person_id = ?", Long.class, personId);
    jdbc.update("INSERT INTO transit_card_notification (card_id, kind, death_record_id, created_at) "
        + "VALUES (?, 'REVOCATION', 424242, NOW(3))", cardId);

    assertThat(notifiedDeathRecords(DIANKOU_CASEWORKER)).contains(424242L);
    assertThat(notifiedDeathRecords(ZHUJI_OFFICER)).contains(424242L);
    assertThat(notifiedDeathRecords(JIYANG_CASEWORKER)).doesNotContain(424242L);
  }

  @Test
  void withoutATokenOrWithTheWrongRoleOrAsAMachineClientTheCallIsRefused() throws Exception {
    assertThat(problem(null, "GET", "/elderly-persons", null, 401)).isEqualTo("unauthorized");
    assertThat(problem(TestTokens.staff("operations", Role.OPERATIONS, null), "GET", "/elderly-persons", null, 403))
        .isEqualTo("forbidden");
    assertThat(problem(TestTokens.client("police", "deaths:write"), "GET", "/elderly-persons", null, 403))
        .isEqualTo("forbidden");
  }

  @Test
  void statusAndBirthDateInARegisterRequestAreIgnored() throws Exception {
    String idNumber = idNumber("19450505");
    JsonNode created = call(JIYANG_CASEWORKER, "POST", "/elderly-persons", """
        {"nationalIdNumber":"%s","name":"钱七","regionCode":"%s","status":"DECEASED","birthDate":"1900-01-01",
         "id":1}""".formatted(idNumber, JINJISHAN), 201);
    assertThat(created.path("status").asString()).isEqualTo("LIVING");
    assertThat(created.path("birthDate").asString()).isEqualTo("1945-05-05");
  }

  /** The ids of the persons the caller's list shows. */
  private List<Long> ids(String token) throws Exception {
    return list(token).stream().map(p -> p.path("id").asLong()).toList();
  }

  private long id(String idNumber) throws Exception {
    return call("GET", "/elderly-persons/" + idNumber, null, 200).path("id").asLong();
  }

  private List<String> regions(String token) throws Exception {
    return list(token).stream().map(p -> p.path("regionCode").asString()).toList();
  }

  private List<JsonNode> list(String token) throws Exception {
    return call(token, "GET", "/elderly-persons?size=500", null, 200).valueStream().toList();
  }

  private List<Long> notifiedDeathRecords(String token) throws Exception {
    return call(token, "GET", "/transit-card-notifications?size=1000", null, 200).valueStream()
        .map(n -> n.path("deathRecordId").asLong()).toList();
  }
}
