package gov.civilaffairs.relief.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.MutableClock;
import gov.civilaffairs.relief.ReliefTestSupport;
import gov.civilaffairs.relief.death.DeathRule;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;

/**
 * The money of the death rule for 特困 support and child allowances (DOMAIN.md "The death rule" points 4 and 7), end to
 * end: cases made and rolls generated and sent over REST in township 330681106 (姚江镇), registry events delivered
 * twice on registry.person.v1 through the real consumer. A death drops the person's lines from unsent rolls (control
 * totals follow), claims back what sent rolls paid after the last paid month and publishes
 * relief.benefit-terminated.v2 (checked against its schema); a revocation puts the lines back into unsent rolls,
 * withdraws the claim and owes arrears for a roll sent in between, paid as an ARREARS line of the next roll; every
 * step is in the "why was this stopped?" endpoints. The allowance's termination is published as v1 and v2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(SpecialSchemeDeathPaymentsIT.Clocks.class)
class SpecialSchemeDeathPaymentsIT extends ReliefTestSupport {

  static final String TOPIC = "registry.person.v1";
  static final String GROUP = "relief-service";
  static final String BENEFIT_TOPIC = "relief.benefit.v1";
  static final String V2 = "gov.civilaffairs.relief.benefit-terminated.v2";
  static final String TOWNSHIP = "330681106";
  static final String CASEWORKER = TestTokens.staff("yaojiang-caseworker", Role.TOWNSHIP_CASEWORKER, TOWNSHIP);
  static final String OFFICER = TestTokens.staff("zhuji-officer", Role.COUNTY_OFFICER, "330681");

  @TestConfiguration
  static class Clocks {
    @Bean
    MutableClock clock() {
      return new MutableClock(Instant.parse("2026-06-15T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    }
  }

  @Autowired
  MutableClock clock;

  @Autowired
  CloudEventPublisher publisher;

  @Test
  void aDeathCorrectsUnsentRollsClaimsSentMoneyAndPublishesAndItsRevocationRestoresWithArrears() throws Exception {
    resetServices();
    clock.set(Instant.parse("2026-06-15T02:00:00Z"));
    String supportedNumber = idNumber("33068119400101711");
    long supported = supported(supportedNumber);
    String childNumber = idNumber("33068120150301711");
    long child = call(CASEWORKER, "POST", "/child-registrations", """
        {"regionCode":"330681106002","nationalIdNumber":"%s","name":"赵小雨","kind":"SCATTERED_ORPHAN",
         "cause":"BOTH_PARENTS_DECEASED","causeDetails":"父母双亡。","guardianName":"赵国华",
         "guardianNationalIdNumber":"%s","guardianRelation":"GRANDPARENT"}"""
        .formatted(childNumber, idNumber("33068119560203011")), 201).path("id").longValue();
    // a neighbour in each scheme lives on: the township keeps its rolls
    long neighbour = supported(idNumber("33068119400101721"));
    long neighbourChild = call(CASEWORKER, "POST", "/child-registrations", """
        {"regionCode":"330681106002","nationalIdNumber":"%s","name":"赵小风","kind":"SCATTERED_ORPHAN",
         "cause":"BOTH_PARENTS_DECEASED","causeDetails":"父母双亡。","guardianName":"赵国华",
         "guardianNationalIdNumber":"%s","guardianRelation":"GRANDPARENT"}"""
        .formatted(idNumber("33068120160301721"), idNumber("33068119560203021")), 201).path("id").longValue();
    assertThat(get("/extreme-poverty-cases/" + supported).path("startMonth").asString()).isEqualTo("2026-07");
    assertThat(get("/child-registrations/" + child).path("startMonth").asString()).isEqualTo("2026-07");

    // July and August are sent to the bank, September is generated but not sent
    for (String scheme : List.of("EXTREME_POVERTY_SUPPORT", "ORPHAN_ALLOWANCE")) {
      send(roll(scheme, "2026-07"));
      send(roll(scheme, "2026-08"));
      roll(scheme, "2026-09");
    }
    BigDecimal support = line(roll("EXTREME_POVERTY_SUPPORT", "2026-08"), supported).path("amount").decimalValue();
    BigDecimal allowance = line(roll("ORPHAN_ALLOWANCE", "2026-08"), child).path("amount").decimalValue();
    JsonNode septemberSupport = roll("EXTREME_POVERTY_SUPPORT", "2026-09");
    JsonNode septemberChild = roll("ORPHAN_ALLOWANCE", "2026-09");
    assertThat(line(septemberSupport, supported).path("amount").decimalValue()).isEqualByComparingTo(support);

    // both die in July (the registry confirms in September): last month paid July
    clock.set(Instant.parse("2026-09-10T02:00:00Z"));
    EventEnvelope supportedDies = personDeceased(9201, 711, supportedNumber, "2026-07-20");
    EventEnvelope childDies = personDeceased(9202, 712, childNumber, "2026-07-21");
    deliverTwice(supportedDies);
    deliverTwice(childDies);

    // unsent September: the lines are dropped, control totals follow
    JsonNode septemberSupportAfter = get("/payment-rolls/" + septemberSupport.path("id").longValue());
    assertThat(septemberSupportAfter.path("lineCount").intValue()).isEqualTo(septemberSupport.path("lineCount").intValue() - 1);
    assertThat(septemberSupportAfter.path("totalAmount").decimalValue())
        .isEqualByComparingTo(septemberSupport.path("totalAmount").decimalValue().subtract(support));
    assertThat(lines(septemberSupport.path("id").longValue())).noneMatch(l -> l.path("beneficiaryId").longValue() == supported);
    assertThat(lines(septemberChild.path("id").longValue())).noneMatch(l -> l.path("beneficiaryId").longValue() == child);
    assertThat(line(septemberSupportAfter, neighbour).path("forMonth").asString()).isEqualTo("2026-09");
    assertThat(line(get("/payment-rolls/" + septemberChild.path("id").longValue()), neighbourChild).path("forMonth")
        .asString()).isEqualTo("2026-09");
    assertThat(get("/payment-rolls/" + septemberChild.path("id").longValue()).path("totalAmount").decimalValue())
        .isEqualByComparingTo(septemberChild.path("totalAmount").decimalValue().subtract(allowance));

    // sent August: one open claim per case, linked to the death record
    assertThat(claims("EXTREME_POVERTY_SUPPORT", supported))
        .containsExactly("9201 2026-08 2026-08 1 " + support + " OPEN");
    assertThat(claims("ORPHAN_ALLOWANCE", child)).containsExactly("9202 2026-08 2026-08 1 " + allowance + " OPEN");

    List<JsonNode> supportChanges = list(call(CASEWORKER, "GET", "/extreme-poverty-cases/" + supported + "/changes", null, 200));
    assertThat(supportChanges).extracting(c -> c.path("type").asString())
        .containsExactly("SUPPORT_TERMINATED", "FUNERAL_ARRANGEMENT", "ROLL_LINE_CORRECTED", "OVERPAYMENT_CLAIMED");
    assertThat(supportChanges).allSatisfy(c -> {
      assertThat(c.path("deathRecordId").longValue()).isEqualTo(9201);
      assertThat(c.path("eventId").asString()).isEqualTo(supportedDies.id().toString());
    });
    assertThat(supportChanges.get(2).path("detail").asString()).contains("2026-09", support + " -> 0.00");
    assertThat(supportChanges.get(3).path("detail").asString()).contains(support.toString(), "2026-08", "OPEN");
    assertThat(list(call(CASEWORKER, "GET", "/child-registrations/" + child + "/changes", null, 200)))
        .extracting(c -> c.path("type").asString())
        .containsExactly("ALLOWANCE_TERMINATED", "ROLL_LINE_CORRECTED", "OVERPAYMENT_CLAIMED");

    // relief.benefit-terminated.v2, once per case although each death came twice
    JsonNode supportEvent = terminated("EXTREME_POVERTY_SUPPORT:" + supported);
    assertThat(supportEvent.path("scheme").asString()).isEqualTo("EXTREME_POVERTY_SUPPORT");
    assertThat(supportEvent.path("caseId").longValue()).isEqualTo(supported);
    assertThat(supportEvent.has("householdId")).isFalse();
    assertThat(supportEvent.path("reason").asString()).isEqualTo("DEATH");
    assertThat(supportEvent.path("deathRecordId").longValue()).isEqualTo(9201);
    assertThat(supportEvent.path("lastPaidMonth").asString()).isEqualTo("2026-07");
    assertThat(supportEvent.path("overpayment").decimalValue()).isEqualByComparingTo(support);
    assertThat(supportEvent.path("overpaymentClaimId").longValue()).isEqualTo(claimId("EXTREME_POVERTY_SUPPORT", supported));
    JsonNode childEvent = terminated("ORPHAN_ALLOWANCE:" + child);
    assertThat(childEvent.path("overpayment").decimalValue()).isEqualByComparingTo(allowance);
    assertThat(childEvent.path("lastPaidMonth").asString()).isEqualTo("2026-07");

    // September goes to the bank without them, October is generated without them
    send(septemberSupport);
    send(septemberChild);
    JsonNode octoberSupport = roll("EXTREME_POVERTY_SUPPORT", "2026-10");
    JsonNode octoberChild = roll("ORPHAN_ALLOWANCE", "2026-10");
    assertThat(lines(octoberSupport.path("id").longValue())).noneMatch(l -> l.path("beneficiaryId").longValue() == supported);

    // the registry revokes both records
    clock.set(Instant.parse("2026-10-12T02:00:00Z"));
    EventEnvelope supportRevoked = deathRecordRevoked(9201, 711);
    deliverTwice(supportRevoked);
    deliverTwice(deathRecordRevoked(9202, 712));

    assertThat(get("/extreme-poverty-cases/" + supported).path("status").asString()).isEqualTo("SUPPORTED");
    assertThat(get("/child-registrations/" + child).path("status").asString()).isEqualTo("ACTIVE");
    // unsent October: the lines are back, with the case's decision
    JsonNode back = line(get("/payment-rolls/" + octoberSupport.path("id").longValue()), supported);
    assertThat(back.path("kind").asString() + " " + back.path("forMonth").asString() + " "
        + back.path("decision").path("kind").asString() + " " + back.path("decision").path("id").longValue())
        .isEqualTo("MONTHLY 2026-10 EXTREME_POVERTY_CASE " + supported);
    assertThat(get("/payment-rolls/" + octoberSupport.path("id").longValue()).path("totalAmount").decimalValue())
        .isEqualByComparingTo(octoberSupport.path("totalAmount").decimalValue().add(support));
    assertThat(line(get("/payment-rolls/" + octoberChild.path("id").longValue()), child).path("amount").decimalValue())
        .isEqualByComparingTo(allowance);
    // the claims are withdrawn; September, sent without them, is owed
    assertThat(claims("EXTREME_POVERTY_SUPPORT", supported)).containsExactly("9201 2026-08 2026-08 1 " + support + " WITHDRAWN");
    assertThat(claims("ORPHAN_ALLOWANCE", child)).containsExactly("9202 2026-08 2026-08 1 " + allowance + " WITHDRAWN");
    assertThat(arrears("EXTREME_POVERTY_SUPPORT", supported)).containsExactly("2026-09 " + support + " 9201 330681106001");
    assertThat(arrears("ORPHAN_ALLOWANCE", child)).containsExactly("2026-09 " + allowance + " 9202 330681106002");
    assertThat(list(call(CASEWORKER, "GET", "/extreme-poverty-cases/" + supported + "/changes", null, 200)))
        .filteredOn(c -> c.path("eventId").asString().equals(supportRevoked.id().toString()))
        .extracting(c -> c.path("type").asString())
        .containsExactly("SUPPORT_RESTORED", "ROLL_LINE_CORRECTED", "CLAIM_WITHDRAWN", "ARREARS_ADDED");
    assertThat(list(call(CASEWORKER, "GET", "/child-registrations/" + child + "/changes", null, 200)))
        .extracting(c -> c.path("type").asString())
        .containsExactly("ALLOWANCE_TERMINATED", "ROLL_LINE_CORRECTED", "OVERPAYMENT_CLAIMED", "ALLOWANCE_RESTORED",
            "ROLL_LINE_CORRECTED", "CLAIM_WITHDRAWN", "ARREARS_ADDED");

    // November's roll pays the month and the September arrears, traced to the revoked death record
    JsonNode november = roll("EXTREME_POVERTY_SUPPORT", "2026-11");
    List<String> paid = lines(november.path("id").longValue()).stream()
        .filter(l -> l.path("beneficiaryId").longValue() == supported)
        .map(l -> l.path("kind").asString() + " " + l.path("forMonth").asString() + " " + l.path("amount").decimalValue()
            + " " + l.path("decision").path("kind").asString() + " " + l.path("decision").path("id").longValue())
        .toList();
    assertThat(paid).containsExactlyInAnyOrder("MONTHLY 2026-11 " + support + " EXTREME_POVERTY_CASE " + supported,
        "ARREARS 2026-09 " + support + " DEATH_RECORD 9201");
    assertThat(count("SELECT COUNT(*) FROM arrears WHERE scheme = 'EXTREME_POVERTY_SUPPORT' AND case_id = ? "
        + "AND roll_id = ?", supported, november.path("id").longValue())).isEqualTo(1);

    // a replay of the revoked death changes nothing; still one termination event per case
    deliverTwice(supportedDies);
    assertThat(get("/extreme-poverty-cases/" + supported).path("status").asString()).isEqualTo("SUPPORTED");
    assertThat(count("SELECT COUNT(*) FROM scheme_benefit_change WHERE scheme = 'EXTREME_POVERTY' AND case_id = ?",
        supported)).isEqualTo(8);
    assertThat(claims("EXTREME_POVERTY_SUPPORT", supported)).hasSize(1);
    assertThat(recordsWithKey("EXTREME_POVERTY_SUPPORT:" + supported)).hasSize(1);
    assertThat(recordsWithKey("ORPHAN_ALLOWANCE:" + child)).hasSize(1);
  }

  @Test
  void theAllowancesTerminationIsPublishedAsV1AndAsV2() throws Exception {
    resetServices();
    clock.set(Instant.parse("2026-06-15T02:00:00Z"));
    String number = idNumber("33068119500101712");
    long household = registerHousehold("""
        {"regionCode":"330681106003","area":"URBAN","monthlyIncome":240.00,"startMonth":"2026-05","members":[
         {"nationalIdNumber":"%s","name":"钱志强","relation":"HEAD"}]}""".formatted(number));
    long allowanceId = jdbc.queryForObject("SELECT id FROM allowance WHERE household_id = ?", Long.class, household);
    deliverTwice(personDeceased(9203, 713, number, "2026-06-02"));

    JsonNode v2 = terminated("MINIMUM_LIVING_ALLOWANCE:" + allowanceId);
    assertThat(v2.path("householdId").longValue()).isEqualTo(household);
    assertThat(v2.path("caseId").longValue()).isEqualTo(allowanceId);
    assertThat(v2.path("lastPaidMonth").asString()).isEqualTo("2026-06");
    assertThat(v2.path("deathRecordId").longValue()).isEqualTo(9203);
    assertThat(recordsWithKey("MINIMUM_LIVING_ALLOWANCE:" + allowanceId)).hasSize(1);
    ConsumerRecord<byte[], byte[]> v1 = records("relief.household.v1", String.valueOf(household)).stream()
        .filter(r -> "gov.civilaffairs.relief.benefit-terminated.v1".equals(header(r, "ce_type"))).findFirst()
        .orElseThrow();
    String payload = new String(v1.value(), StandardCharsets.UTF_8);
    assertThat(schemaErrors("relief.benefit-terminated.v1.schema.json", payload)).isEmpty();
    assertThat(JSON.readTree(payload).path("caseId").longValue()).isEqualTo(allowanceId);
    assertThat(JSON.readTree(payload).path("eventId").asString()).isNotEqualTo(v2.path("eventId").asString());
  }

  @Test
  void theV2SchemaRefusesAPersonSchemeWithAHouseholdAndAnAllowanceWithoutOne() throws Exception {
    String person = """
        {"eventId":"%s","scheme":"EXTREME_POVERTY_SUPPORT","caseId":5,%s"reason":"DEATH","deathRecordId":1,
         "lastPaidMonth":"2026-07","overpayment":0.00,"terminatedAt":"2026-09-10T02:00:00Z"}""";
    assertThat(schemaErrors("relief.benefit-terminated.v2.schema.json", person.formatted(UUID.randomUUID(), ""))).isEmpty();
    assertThat(schemaErrors("relief.benefit-terminated.v2.schema.json",
        person.formatted(UUID.randomUUID(), "\"householdId\":7,"))).isNotEmpty();
    String allowance = person.replace("EXTREME_POVERTY_SUPPORT", "MINIMUM_LIVING_ALLOWANCE");
    assertThat(schemaErrors("relief.benefit-terminated.v2.schema.json", allowance.formatted(UUID.randomUUID(), "")))
        .isNotEmpty();
    assertThat(schemaErrors("relief.benefit-terminated.v2.schema.json",
        allowance.formatted(UUID.randomUUID(), "\"householdId\":7,"))).isEmpty();
  }

  private long supported(String number) throws Exception {
    long id = call(CASEWORKER, "POST", "/extreme-poverty-cases", """
        {"regionCode":"330681106001","nationalIdNumber":"%s","name":"孙桂芳","area":"RURAL",
         "circumstances":"独居，无子女，患慢性病多年。"}""".formatted(number), 201).path("id").longValue();
    call(CASEWORKER, "POST", "/extreme-poverty-cases/" + id + "/township-review",
        "{\"noWorkAbility\":true,\"noIncomeSource\":true,\"noAbleSupporter\":true,\"findings\":\"入户调查属实。\"}", 200);
    call(OFFICER, "POST", "/extreme-poverty-cases/" + id + "/determination",
        "{\"supportMode\":\"HOME\",\"careLevel\":\"NO_SELF_CARE\"}", 200);
    return id;
  }

  /** Generates (idempotently) the township's roll of a scheme and month, as its caseworker; answers the roll. */
  private JsonNode roll(String scheme, String month) throws Exception {
    JsonNode rolls = call(CASEWORKER, "POST", "/payment-rolls",
        "{\"month\":\"" + month + "\",\"scheme\":\"" + scheme + "\"}", 201).path("rolls");
    return list(rolls).stream().filter(r -> r.path("townshipCode").asString().equals(TOWNSHIP)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + scheme + " roll of " + month + " in " + TOWNSHIP + ": " + rolls));
  }

  private void send(JsonNode roll) throws Exception {
    post("/payment-rolls/" + roll.path("id").longValue() + "/sent", null, 200);
  }

  private List<JsonNode> lines(long rollId) throws Exception {
    return list(get("/payment-rolls/" + rollId + "/lines?size=1000"));
  }

  private JsonNode line(JsonNode roll, long beneficiary) throws Exception {
    return lines(roll.path("id").longValue()).stream()
        .filter(l -> l.path("beneficiaryId").longValue() == beneficiary && l.path("kind").asString().equals("MONTHLY"))
        .findFirst().orElseThrow(() -> new AssertionError("no line of " + beneficiary + " in roll " + roll));
  }

  private List<String> claims(String scheme, long caseId) {
    return jdbc.query("SELECT * FROM overpayment_claim WHERE scheme = ? AND case_id = ? ORDER BY id",
        (rs, n) -> rs.getLong("death_record_id") + " " + rs.getDate("from_month").toString().substring(0, 7) + " "
            + rs.getDate("to_month").toString().substring(0, 7) + " " + rs.getInt("months") + " "
            + rs.getBigDecimal("amount") + " " + rs.getString("status") + (rs.getObject("household_id") == null ? "" : " household!"),
        scheme, caseId);
  }

  private long claimId(String scheme, long caseId) {
    return jdbc.queryForObject("SELECT id FROM overpayment_claim WHERE scheme = ? AND case_id = ?", Long.class, scheme,
        caseId);
  }

  private List<String> arrears(String scheme, long caseId) {
    return jdbc.query("SELECT * FROM arrears WHERE scheme = ? AND case_id = ? ORDER BY id",
        (rs, n) -> rs.getDate("for_month").toString().substring(0, 7) + " " + rs.getBigDecimal("amount") + " "
            + rs.getLong("death_record_id") + " " + rs.getString("village_code"), scheme, caseId);
  }

  /** The one benefit-terminated.v2 with this key, checked against its schema and its CloudEvents headers. */
  private JsonNode terminated(String key) throws Exception {
    List<ConsumerRecord<byte[], byte[]>> records = records(BENEFIT_TOPIC, key);
    assertThat(records).as("benefit-terminated.v2 with key " + key).isNotEmpty();
    ConsumerRecord<byte[], byte[]> record = records.get(0);
    String payload = new String(record.value(), StandardCharsets.UTF_8);
    assertThat(schemaErrors("relief.benefit-terminated.v2.schema.json", payload)).isEmpty();
    assertThat(header(record, "ce_type")).isEqualTo(V2);
    assertThat(header(record, "ce_subject")).isEqualTo(key);
    JsonNode event = JSON.readTree(payload);
    assertThat(event.path("eventId").asString()).isEqualTo(header(record, "ce_id"));
    return event;
  }

  private List<ConsumerRecord<byte[], byte[]>> recordsWithKey(String key) {
    return records(BENEFIT_TOPIC, key);
  }

  /**
   * Every record of the topic with the key: read from the start until one arrived and then 3 s passed without
   * another (the outbox sends after the commit), at most 30 s.
   */
  private List<ConsumerRecord<byte[], byte[]>> records(String topic, String key) {
    Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
    try (Consumer<byte[], byte[]> consumer = new DefaultKafkaConsumerFactory<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietUntil)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
            found.add(record);
            quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
          }
        }
      }
    }
    return found;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    assertThat(record.headers().lastHeader(name)).as("header " + name).isNotNull();
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  /** A person-deceased event as the registry publishes it, checked against its schema. */
  private static EventEnvelope personDeceased(long deathRecordId, long personId, String number, String dateOfDeath)
      throws Exception {
    UUID id = UUID.randomUUID();
    String confirmedAt = dateOfDeath + "T02:00:00Z";
    String payload = """
        {"eventId":"%s","personId":%d,"deathRecordId":%d,"nationalIdNumber":"%s","name":"孙桂芳",
         "dateOfDeath":"%s","source":"HUKOU_CANCELLATION","confirmedAt":"%s"}"""
        .formatted(id, personId, deathRecordId, number, dateOfDeath, confirmedAt);
    assertThat(schemaErrors("registry.person-deceased.v1.schema.json", payload)).isEmpty();
    return new EventEnvelope(id, DeathRule.PERSON_DECEASED, String.valueOf(personId), Instant.parse(confirmedAt),
        payload);
  }

  private static EventEnvelope deathRecordRevoked(long deathRecordId, long personId) throws Exception {
    UUID id = UUID.randomUUID();
    Instant revokedAt = Instant.parse("2026-10-12T03:00:00Z");
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
