package gov.civilaffairs.relief.disaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.ReliefTestSupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Disaster information officers (register, trainings and exam results, villages without one) and shelters
 * (register, list those added in a period) through REST, with the area rule, masking, audit and unhappy paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class DisasterPreparednessIT extends ReliefTestSupport {

  static final String JIYANG = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  static final String ASSISTANT = TestTokens.staff("jiangdong-assistant", Role.VILLAGE_ASSISTANT, "330681001001");
  static final String AUDITOR = TestTokens.staff("auditor", Role.AUDITOR, null);
  static final String OPERATIONS = TestTokens.staff("operations", Role.OPERATIONS, null);

  @Test
  void anOfficerIsRegisteredTrainedAndExaminedAndHisVillageLeavesTheListWithoutOfficer() throws Exception {
    String person = idNumber("33068119850301801");
    int withoutBefore = JSON.readTree(send(JIYANG, "GET",
        "/disaster-officers/villages-without-officer?region=330681001", null).body()).size();
    assertThat(villagesWithoutOfficer("330681001")).contains("330681001281");

    JsonNode officer = call(JIYANG, "POST", "/disaster-officers", officer("330681001281", person, "2026-03-01"), 201);
    long id = officer.path("id").longValue();
    assertThat(officer.path("name").asString()).isEqualTo("王丽");
    assertThat(officer.path("trainings")).isEmpty();
    assertThat(villagesWithoutOfficer("330681001")).doesNotContain("330681001281").hasSize(withoutBefore - 1);

    JsonNode passed = call(JIYANG, "POST", "/disaster-officers/" + id + "/trainings",
        "{\"course\":\"2026年灾害信息员业务培训\",\"trainedOn\":\"2026-05-12\",\"examScore\":86.5}", 200);
    JsonNode failed = call(JIYANG, "POST", "/disaster-officers/" + id + "/trainings",
        "{\"course\":\"灾情统计报送培训\",\"trainedOn\":\"2026-06-02\",\"examScore\":59.9}", 200);
    JsonNode noExam = call(JIYANG, "POST", "/disaster-officers/" + id + "/trainings",
        "{\"course\":\"防汛防台演练\",\"trainedOn\":\"2026-07-01\"}", 200);
    assertThat(passed.path("trainings").get(0).path("examPassed").booleanValue()).isTrue();
    assertThat(passed.path("trainings").get(0).path("examScore").decimalValue()).isEqualByComparingTo("86.5");
    assertThat(failed.path("trainings").get(1).path("examPassed").booleanValue()).as("pass mark 60").isFalse();
    assertThat(noExam.path("trainings").get(2).path("examPassed").isNull()).isTrue();
    assertThat(noExam.path("trainings")).hasSize(3);

    assertThat(call(JIYANG, "POST", "/disaster-officers/" + id + "/trainings",
        "{\"course\":\"防汛防台演练\",\"trainedOn\":\"2026-07-01\"}", 409).path("code").asString())
        .isEqualTo("training-already-recorded");
    assertThat(call(JIYANG, "POST", "/disaster-officers/" + id + "/trainings",
        "{\"course\":\"早期培训\",\"trainedOn\":\"2026-02-01\",\"examScore\":90}", 422).path("code").asString())
        .isEqualTo("trained-before-appointment");
    assertThat(call(JIYANG, "POST", "/disaster-officers/" + id + "/trainings",
        "{\"course\":\"超分\",\"trainedOn\":\"2026-08-01\",\"examScore\":100.5}", 400).toString()).contains("examScore");
    assertThat(count("SELECT COUNT(*) FROM disaster_officer_training WHERE officer_id = ?", id)).isEqualTo(3);

    // area: another township's caseworker sees nothing and changes nothing
    assertThat(send(DIANKOU, "GET", "/disaster-officers/" + id, null).statusCode()).isEqualTo(404);
    call(DIANKOU, "POST", "/disaster-officers/" + id + "/trainings", "{\"course\":\"x\",\"trainedOn\":\"2026-08-01\"}", 404);
    assertThat(list(JSON.readTree(send(DIANKOU, "GET", "/disaster-officers?size=200", null).body())))
        .noneMatch(o -> o.path("id").longValue() == id);
    assertThat(count("SELECT COUNT(*) FROM disaster_officer_training WHERE officer_id = ?", id)).isEqualTo(3);

    // masking per role (platform.security.unmasked-roles): the caseworker sees both in full, a village assistant
    // not the ID number, the auditor not the phone
    JsonNode seenByCaseworker = call(JIYANG, "GET", "/disaster-officers/" + id, null, 200);
    assertThat(seenByCaseworker.path("nationalIdNumber").asString()).isEqualTo(person);
    assertThat(seenByCaseworker.path("mobilePhone").asString()).isEqualTo("13805750001");
    JsonNode seenByAuditor = call(AUDITOR, "GET", "/disaster-officers/" + id, null, 200);
    assertThat(seenByAuditor.path("mobilePhone").asString()).isNotEqualTo("13805750001").contains("*");
    String villageAssistant = TestTokens.staff("village-assistant", Role.VILLAGE_ASSISTANT, "330681001281");
    JsonNode seenByAssistant = call(villageAssistant, "GET", "/disaster-officers/" + id, null, 200);
    assertThat(seenByAssistant.path("nationalIdNumber").asString()).isNotEqualTo(person).startsWith("330681").contains("*");
    call(ASSISTANT, "GET", "/disaster-officers/" + id, null, 404);
    assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE object_type = 'disaster-officer' AND object_id = ? "
        + "AND action = 'READ' AND outcome = 'SUCCESS'", String.valueOf(id))).isGreaterThanOrEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE object_type = 'disaster-officer' AND action = 'CREATE' "
        + "AND object_id = ?", String.valueOf(id))).isEqualTo(1);
  }

  @Test
  void badOfficersAreRefusedAndNothingIsStored() throws Exception {
    String person = idNumber("33068119850301802");
    call(JIYANG, "POST", "/disaster-officers", officer("330681001004", person, "2026-03-01"), 201);
    assertThat(call(JIYANG, "POST", "/disaster-officers", officer("330681001004", person, "2026-04-01"), 409)
        .path("code").asString()).isEqualTo("officer-already-registered");
    assertThat(call(JIYANG, "POST", "/disaster-officers", officer("330681104003", person, "2026-03-01"), 403)
        .path("code").asString()).isEqualTo("region-outside-area");
    assertThat(call(JIYANG, "POST", "/disaster-officers", officer("330681001999", person, "2026-03-01"), 422)
        .path("code").asString()).isEqualTo("unknown-village");
    assertThat(call(JIYANG, "POST", "/disaster-officers", officer("330681001005", person, "2099-03-01"), 422)
        .path("code").asString()).isEqualTo("date-in-future");
    assertThat(call(JIYANG, "POST", "/disaster-officers",
        officer("330681001005", "330681198513018021", "2026-03-01"), 400).toString()).contains("nationalIdNumber");
    assertThat(call(JIYANG, "POST", "/disaster-officers", """
        {"regionCode":"330681001005","nationalIdNumber":"%s","name":"王丽","mobilePhone":"12345","appointedOn":"2026-03-01"}"""
        .formatted(person), 400).toString()).contains("mobilePhone");
    assertThat(call(ASSISTANT, "POST", "/disaster-officers", officer("330681001001", person, "2026-03-01"), 403)
        .path("code").asString()).isEqualTo("forbidden");
    assertThat(call(OPERATIONS, "GET", "/disaster-officers", null, 403).path("code").asString()).isEqualTo("forbidden");
    assertThat(call(DIANKOU, "GET", "/disaster-officers/villages-without-officer?region=330681001", null, 403)
        .path("code").asString()).isEqualTo("region-outside-area");
    assertThat(call(JIYANG, "GET", "/disaster-officers/villages-without-officer?region=33068100", null, 400)
        .toString()).contains("region");
    assertThat(count("SELECT COUNT(*) FROM disaster_officer WHERE national_id_number = ?", person)).isEqualTo(1);
  }

  @Test
  void sheltersAreRegisteredAndListedByPeriodWithinTheArea() throws Exception {
    JsonNode village = call(JIYANG, "POST", "/shelters", shelter("330681001001", "江东社区避灾安置点", "VILLAGE",
        "2026-04-20", "\"latitude\":29.713456,\"longitude\":120.236789,"), 201);
    assertThat(village.path("capacity").intValue()).isEqualTo(200);
    assertThat(village.path("latitude").decimalValue()).isEqualByComparingTo("29.713456");
    JsonNode township = call(CITY_ADMINISTRATOR, "POST", "/shelters", shelter("330681104", "店口镇中心避灾安置场所",
        "TOWNSHIP", "2025-11-01", ""), 201);
    assertThat(township.path("latitude").isNull()).isTrue();

    assertThat(ids(call(JIYANG, "GET", "/shelters?establishedFrom=2026-01-01&establishedTo=2026-06-30&size=500", null, 200)))
        .contains(village.path("id").longValue()).doesNotContain(township.path("id").longValue());
    assertThat(ids(call(CITY_ADMINISTRATOR, "GET", "/shelters?establishedFrom=2026-01-01&establishedTo=2026-06-30&size=500",
        null, 200))).contains(village.path("id").longValue()).doesNotContain(township.path("id").longValue());
    assertThat(ids(call(CITY_ADMINISTRATOR, "GET", "/shelters?establishedFrom=2025-10-01&establishedTo=2025-12-31&size=500",
        null, 200))).contains(township.path("id").longValue()).doesNotContain(village.path("id").longValue());
    assertThat(ids(call(DIANKOU, "GET", "/shelters?size=500", null, 200))).contains(township.path("id").longValue())
        .doesNotContain(village.path("id").longValue());
    assertThat(call(ASSISTANT, "GET", "/shelters/" + village.path("id").longValue(), null, 200).path("name").asString())
        .isEqualTo("江东社区避灾安置点");
    call(DIANKOU, "GET", "/shelters/" + village.path("id").longValue(), null, 404);

    assertThat(call(JIYANG, "POST", "/shelters", shelter("330681001001", "江东社区避灾安置点", "VILLAGE", "2026-04-20", ""),
        409).path("code").asString()).isEqualTo("shelter-already-registered");
    assertThat(call(JIYANG, "POST", "/shelters", shelter("330681001", "暨阳街道避灾点", "VILLAGE", "2026-04-20", ""), 422)
        .path("code").asString()).isEqualTo("level-mismatch");
    assertThat(call(JIYANG, "POST", "/shelters", shelter("330681001001", "半坐标", "VILLAGE", "2026-04-20",
        "\"latitude\":29.7,"), 422).path("code").asString()).isEqualTo("coordinates-incomplete");
    assertThat(call(JIYANG, "POST", "/shelters", shelter("330681001001", "未来", "VILLAGE", "2099-04-20", ""), 422)
        .path("code").asString()).isEqualTo("date-in-future");
    assertThat(call(JIYANG, "POST", "/shelters", shelter("330681104003", "外区", "VILLAGE", "2026-04-20", ""), 403)
        .path("code").asString()).isEqualTo("region-outside-area");
    assertThat(call(JIYANG, "POST", "/shelters", shelter("330681001001", "纬度越界", "VILLAGE", "2026-04-20",
        "\"latitude\":91.0,\"longitude\":120.0,"), 400).toString()).contains("latitude");
    assertThat(call(JIYANG, "POST", "/shelters", shelter("330681001001", "零容量", "VILLAGE", "2026-04-20", "")
        .replace("\"capacity\":200", "\"capacity\":0"), 400).toString()).contains("capacity");
    assertThat(call(JIYANG, "GET", "/shelters?establishedFrom=2026-07-01&establishedTo=2026-01-01", null, 400)
        .path("code").asString()).isEqualTo("invalid-period");
    assertThat(count("SELECT COUNT(*) FROM disaster_shelter WHERE name IN ('半坐标', '未来', '外区', '纬度越界', '零容量', "
        + "'暨阳街道避灾点')")).isZero();
  }

  private java.util.List<String> villagesWithoutOfficer(String region) throws Exception {
    return list(call(JIYANG, "GET", "/disaster-officers/villages-without-officer?region=" + region, null, 200))
        .stream().map(v -> v.path("code").asString()).toList();
  }

  private static java.util.List<Long> ids(JsonNode array) {
    return list(array).stream().map(n -> n.path("id").longValue()).toList();
  }

  private JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String officer(String village, String person, String appointedOn) {
    return """
        {"regionCode":"%s","nationalIdNumber":"%s","name":"王丽","mobilePhone":"13805750001","appointedOn":"%s",
         "id":999,"trainings":[]}""".formatted(village, person, appointedOn);
  }

  private static String shelter(String region, String name, String level, String establishedOn, String coordinates) {
    return """
        {"regionCode":"%s","name":"%s","address":"诸暨市暨阳街道江东路18号",%s"capacity":200,"level":"%s",
         "establishedOn":"%s"}""".formatted(region, name, coordinates, level, establishedOn);
  }
}
