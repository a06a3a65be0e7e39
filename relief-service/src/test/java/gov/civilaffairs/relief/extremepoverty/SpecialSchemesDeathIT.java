package gov.civilaffairs.relief.extremepoverty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.MutableClock;
import gov.civilaffairs.relief.ReliefTestSupport;
import gov.civilaffairs.relief.death.DeathRule;
import gov.civilaffairs.relief.orphan.ChildAllowanceService;
import gov.civilaffairs.relief.orphan.ChildEntitlement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The death rule for 特困 support and child allowances end to end: registry events on registry.person.v1 (CloudEvents,
 * payloads valid against the registry's schemas), each delivered twice; support and allowance end with the month of
 * death, the institution stay and the link end, a funeral arrangement is recorded; a revocation restores each step;
 * the monthly entitlements follow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(SpecialSchemesDeathIT.Clocks.class)
class SpecialSchemesDeathIT extends ReliefTestSupport {

  static final String TOPIC = "registry.person.v1";
  static final String GROUP = "relief-service";
  static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String OFFICER = TestTokens.staff("zhuji-officer", Role.COUNTY_OFFICER, "330681");
  static final String ASSISTANT = TestTokens.staff("jiangdong-assistant", Role.VILLAGE_ASSISTANT, "330681001001");

  @TestConfiguration
  static class Clocks {
    @Bean
    MutableClock clock() {
      return new MutableClock(Instant.parse("2026-09-15T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    }
  }

  @Autowired
  MutableClock clock;

  @Autowired
  CloudEventPublisher publisher;

  @Autowired
  ExtremePovertyService extremePoverty;

  @Autowired
  ChildAllowanceService children;

  @Test
  void aDeathStopsSupportAndChildAllowanceWithTheMonthRuleAndItsRevocationRestoresThem() throws Exception {
    resetServices();
    long institution = call(OFFICER, "POST", "/support-institutions",
        "{\"regionCode\":\"330681001\",\"name\":\"暨阳街道敬老院\",\"beds\":10}", 201).path("id").longValue();
    String residentNumber = idNumber("33068119400101701");
    long resident = supported(residentNumber);
    call(CASEWORKER, "POST", "/support-institutions/" + institution + "/residents",
        "{\"caseId\":" + resident + ",\"admittedOn\":\"2026-09-15\"}", 201);
    String linkedNumber = idNumber("33068119400101702");
    long linked = supported(linkedNumber);
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + linked + "/institution-link",
        "{\"institutionId\":" + institution + ",\"reason\":\"MENTAL_ILLNESS\",\"linkedOn\":\"2026-09-15\"}", 201);
    String childNumber = idNumber("33068120150301702");
    long child = call(CASEWORKER, "POST", "/child-registrations", """
        {"regionCode":"330681001001","nationalIdNumber":"%s","name":"李小雨","kind":"SCATTERED_ORPHAN",
         "cause":"BOTH_PARENTS_DECEASED","causeDetails":"父母双亡。","guardianName":"李国华",
         "guardianNationalIdNumber":"%s","guardianRelation":"GRANDPARENT"}"""
        .formatted(childNumber, idNumber("33068119560203001")), 201).path("id").longValue();

    String applicantNumber = idNumber("33068119400101703");
    long applicant = call(CASEWORKER, "POST", "/extreme-poverty-cases",
        ExtremePovertyIT.application(applicantNumber, "RURAL"), 201).path("id").longValue();
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + applicant + "/township-review",
        ExtremePovertyIT.review(true, true, true), 200);

    clock.set(Instant.parse("2026-10-15T02:00:00Z"));
    // 23:30 on 31 October in Shanghai is an October death
    EventEnvelope residentDies = personDeceased(9101, 701, residentNumber, "2026-10-31", "2026-10-31T15:30:00Z");
    deliverTwice(residentDies);
    deliverTwice(personDeceased(9102, 702, linkedNumber, "2026-10-03", "2026-10-03T02:00:00Z"));
    deliverTwice(personDeceased(9103, 703, childNumber, "2026-10-03", "2026-10-03T02:00:00Z"));
    deliverTwice(personDeceased(9104, 704, applicantNumber, "2026-10-05", "2026-10-05T02:00:00Z"));

    JsonNode ended = get("/extreme-poverty-cases/" + resident);
    assertThat(ended.path("status").asString()).isEqualTo("ENDED");
    assertThat(ended.path("endMonth").asString()).isEqualTo("2026-10");
    assertThat(ended.path("endReason").asString()).isEqualTo("DEATH");
    assertThat(ended.path("endDeathRecordId").longValue()).isEqualTo(9101);
    JsonNode stay = get("/extreme-poverty-cases/" + resident + "/support-history").path("residences").get(0);
    assertThat(stay.path("dischargedOn").asString()).isEqualTo("2026-10-31");
    assertThat(stay.path("dischargeReason").asString()).isEqualTo("DEATH");
    assertThat(stay.path("deathRecordId").longValue()).isEqualTo(9101);
    assertThat(get("/support-institutions/" + institution).path("occupiedBeds").intValue()).isZero();
    List<JsonNode> changes = list(call(ASSISTANT, "GET", "/extreme-poverty-cases/" + resident + "/changes", null, 200));
    assertThat(changes).extracting(c -> c.path("type").asString())
        .containsExactly("SUPPORT_TERMINATED", "RESIDENCE_ENDED", "FUNERAL_ARRANGEMENT");
    assertThat(changes.get(2).path("detail").asString()).contains("暨阳街道敬老院");
    assertThat(changes).allSatisfy(c -> {
      assertThat(c.path("deathRecordId").longValue()).isEqualTo(9101);
      assertThat(c.path("eventId").asString()).isEqualTo(residentDies.id().toString());
      assertThat(c.path("nationalIdNumber").asString()).contains("********");
    });
    assertThat(list(get("/extreme-poverty-cases/" + linked + "/changes"))).extracting(c -> c.path("type").asString())
        .containsExactly("SUPPORT_TERMINATED", "LINK_ENDED", "FUNERAL_ARRANGEMENT");
    assertThat(get("/extreme-poverty-cases/" + linked + "/support-history").path("links").get(0).path("endedOn")
        .asString()).isEqualTo("2026-10-03");
    JsonNode childEnded = get("/child-registrations/" + child);
    assertThat(childEnded.path("status").asString()).isEqualTo("ENDED");
    assertThat(childEnded.path("lastMonth").asString()).isEqualTo("2026-10");
    assertThat(list(get("/child-registrations/" + child + "/changes"))).extracting(c -> c.path("type").asString())
        .containsExactly("ALLOWANCE_TERMINATED");

    JsonNode closed = get("/extreme-poverty-cases/" + applicant);
    assertThat(closed.path("status").asString()).isEqualTo("REFUSED");
    assertThat(closed.path("refusalReason").asString()).contains("2026-10-05");
    assertThat(list(get("/extreme-poverty-cases/" + applicant + "/changes"))).extracting(c -> c.path("type").asString())
        .containsExactly("APPLICATION_CLOSED");

    assertThat(supportIds(YearMonth.of(2026, 10))).contains(resident, linked);
    assertThat(supportIds(YearMonth.of(2026, 11))).doesNotContain(resident, linked);
    assertThat(childIds(YearMonth.of(2026, 10))).contains(child);
    assertThat(childIds(YearMonth.of(2026, 11))).doesNotContain(child);

    // the registry revokes the resident's and the child's records: everything comes back
    EventEnvelope revocation = deathRecordRevoked(9101, 701);
    deliverTwice(revocation);
    deliverTwice(deathRecordRevoked(9103, 703));
    deliverTwice(deathRecordRevoked(9104, 704));
    JsonNode reopened = get("/extreme-poverty-cases/" + applicant);
    assertThat(reopened.path("status").asString()).isEqualTo("COUNTY_DETERMINATION");
    assertThat(reopened.path("refusalReason").isNull()).isTrue();
    assertThat(list(get("/extreme-poverty-cases/" + applicant + "/changes"))).extracting(c -> c.path("type").asString())
        .containsExactly("APPLICATION_CLOSED", "APPLICATION_REOPENED");
    JsonNode restored = get("/extreme-poverty-cases/" + resident);
    assertThat(restored.path("status").asString()).isEqualTo("SUPPORTED");
    assertThat(restored.path("endMonth").isNull()).isTrue();
    assertThat(get("/support-institutions/" + institution).path("occupiedBeds").intValue()).isEqualTo(1);
    assertThat(list(get("/extreme-poverty-cases/" + resident + "/changes")))
        .filteredOn(c -> c.path("eventId").asString().equals(revocation.id().toString()))
        .extracting(c -> c.path("type").asString()).containsExactly("SUPPORT_RESTORED", "RESIDENCE_RESTORED");
    assertThat(get("/child-registrations/" + child).path("status").asString()).isEqualTo("ACTIVE");
    assertThat(supportIds(YearMonth.of(2026, 11))).contains(resident).doesNotContain(linked);
    assertThat(childIds(YearMonth.of(2026, 11))).contains(child);

    // a replay of the revoked death changes nothing
    deliverTwice(personDeceased(9101, 701, residentNumber, "2026-10-31", "2026-10-31T15:30:00Z"));
    assertThat(get("/extreme-poverty-cases/" + resident).path("status").asString()).isEqualTo("SUPPORTED");
    assertThat(count("SELECT COUNT(*) FROM scheme_benefit_change WHERE scheme = 'EXTREME_POVERTY' AND case_id = ?",
        resident)).isEqualTo(5);
  }

  private List<Long> supportIds(YearMonth month) {
    return extremePoverty.monthlyEntitlements(month).stream().map(SupportEntitlement::caseId).toList();
  }

  private List<Long> childIds(YearMonth month) {
    return children.monthlyEntitlements(month).stream().map(ChildEntitlement::registrationId).toList();
  }

  private long supported(String number) throws Exception {
    long id = call(CASEWORKER, "POST", "/extreme-poverty-cases", ExtremePovertyIT.application(number, "RURAL"), 201)
        .path("id").longValue();
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + id + "/township-review",
        ExtremePovertyIT.review(true, true, true), 200);
    call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/determination",
        "{\"supportMode\":\"HOME\",\"careLevel\":\"NO_SELF_CARE\"}", 200);
    return id;
  }

  private JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  /** A person-deceased event as the registry publishes it, checked against its schema. */
  private static EventEnvelope personDeceased(long deathRecordId, long personId, String number, String dateOfDeath,
      String confirmedAt) throws Exception {
    UUID id = UUID.randomUUID();
    String payload = """
        {"eventId":"%s","personId":%d,"deathRecordId":%d,"nationalIdNumber":"%s","name":"王秀英",
         "dateOfDeath":"%s","source":"HUKOU_CANCELLATION","confirmedAt":"%s"}"""
        .formatted(id, personId, deathRecordId, number, dateOfDeath, confirmedAt);
    assertThat(schemaErrors("registry.person-deceased.v1.schema.json", payload)).isEmpty();
    return new EventEnvelope(id, DeathRule.PERSON_DECEASED, String.valueOf(personId), Instant.parse(confirmedAt),
        payload);
  }

  private static EventEnvelope deathRecordRevoked(long deathRecordId, long personId) throws Exception {
    UUID id = UUID.randomUUID();
    Instant revokedAt = Instant.parse("2026-11-02T03:00:00Z");
    String payload = """
        {"eventId":"%s","personId":%d,"deathRecordId":%d,"reason":"公安户籍注销有误","revokedAt":"%s"}"""
        .formatted(id, personId, deathRecordId, revokedAt);
    assertThat(schemaErrors("registry.death-record-revoked.v1.schema.json", payload)).isEmpty();
    return new EventEnvelope(id, DeathRule.DEATH_RECORD_REVOKED, String.valueOf(personId), revokedAt, payload);
  }

  private void deliverTwice(EventEnvelope event) throws Exception {
    publisher.publish(TOPIC, event).get(10, TimeUnit.SECONDS);
    publisher.publish(TOPIC, event).get(10, TimeUnit.SECONDS);
    awaitConsumed(GROUP, TOPIC);
  }
}
