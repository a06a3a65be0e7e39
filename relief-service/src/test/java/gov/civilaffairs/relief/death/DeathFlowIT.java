package gov.civilaffairs.relief.death;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.relief.ReliefTestSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;

/**
 * The death rule end to end: death events produced onto registry.person.v1 exactly as the registry
 * does (CloudEvents binary mode, JSON payload valid against the producer's schema), each delivered
 * twice, and the effect read over REST and in the tables. Payment rolls are per month and shared by
 * all households, so the tests run in calendar order of their months (2025, then 2026-06 to 09, then
 * 2026-10): no death reaches back into rolls another test made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "platform.kafka.retry.initial-interval=20ms")
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeathFlowIT extends ReliefTestSupport {

  static final String TOPIC = "registry.person.v1";
  static final String GROUP = "relief-service";

  @Autowired
  CloudEventPublisher publisher;

  @Autowired
  KafkaTemplate<Object, Object> kafka;

  @Test
  @Order(2)
  void deathOnTheLastDayOfAMonthEndsTheAllowanceThatMonthAndRevocationRestoresItWithArrears() throws Exception {
    String number = idNumber("33068119450315002");
    long household = registerHousehold(single(number, "王秀英", "2026-01", "300.00"));
    generateRoll("2026-06");
    sendRoll("2026-06");
    generateRoll("2026-07");
    sendRoll("2026-07");
    JsonNode august = generateRoll("2026-08");
    assertThat(monthlyLine("2026-08", household)).isEqualByComparingTo("940.00");

    // 23:30 on 30 June in Shanghai: a June death.
    EventEnvelope death = personDeceased(9001, 501, number, "王秀英", "2026-06-30", "2026-06-30T15:30:00Z");
    deliverTwice(death);

    JsonNode allowance = get("/households/" + household).path("allowance");
    assertThat(allowance.path("status").asString()).isEqualTo("TERMINATED");
    assertThat(allowance.path("endMonth").asString()).isEqualTo("2026-06");
    assertThat(allowance.path("terminatedByDeathRecordId").longValue()).isEqualTo(9001);
    JsonNode augustAfter = get("/payment-rolls/2026-08");
    assertThat(augustAfter.path("lineCount").intValue()).isEqualTo(august.path("lineCount").intValue() - 1);
    assertThat(augustAfter.path("totalAmount").decimalValue())
        .isEqualByComparingTo(august.path("totalAmount").decimalValue().subtract(new BigDecimal("940.00")));
    assertThat(monthlyLine("2026-08", household)).isNull();
    JsonNode claim = get("/households/" + household + "/overpayment-claims").get(0);
    assertThat(claim.path("status").asString()).isEqualTo("OPEN");
    assertThat(claim.path("fromMonth").asString()).isEqualTo("2026-07");
    assertThat(claim.path("toMonth").asString()).isEqualTo("2026-07");
    assertThat(claim.path("months").intValue()).isEqualTo(1);
    assertThat(claim.path("amount").decimalValue()).isEqualByComparingTo("940.00");
    List<JsonNode> changes = list(get("/households/" + household + "/changes"));
    assertThat(changes).extracting(c -> c.path("type").asString())
        .containsExactly("MEMBER_DECEASED", "ALLOWANCE_TERMINATED", "ROLL_LINE_CORRECTED", "OVERPAYMENT_CLAIMED");
    assertThat(changes).allSatisfy(c -> {
      assertThat(c.path("deathRecordId").longValue()).isEqualTo(9001);
      assertThat(c.path("eventId").asString()).isEqualTo(death.id().toString());
      assertThat(c.path("nationalIdNumber").asString()).as("in full for a city administrator (platform.security.unmasked-roles)").isEqualTo(number);
    });
    assertThat(list(get("/persons/" + number + "/benefit-changes"))).hasSize(4);
    assertThat(count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", death.id().toString())).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM overpayment_claim WHERE household_id = ?", household)).isEqualTo(1);
    ConsumerRecord<byte[], byte[]> terminated = readOne("relief.household.v1", String.valueOf(household),
        "gov.civilaffairs.relief.benefit-terminated.v1");
    String payload = new String(terminated.value(), StandardCharsets.UTF_8);
    assertThat(schemaErrors("relief.benefit-terminated.v1.schema.json", payload)).isEmpty();
    assertThat(header(terminated, "ce_type")).isEqualTo("gov.civilaffairs.relief.benefit-terminated.v1");
    assertThat(header(terminated, "ce_subject")).isEqualTo(String.valueOf(household));
    assertThat(terminated.headers().lastHeader("__TypeId__")).isNull();
    JsonNode event = JSON.readTree(payload);
    assertThat(event.path("eventId").asString()).isEqualTo(header(terminated, "ce_id"));
    assertThat(event.path("lastPaidMonth").asString()).isEqualTo("2026-06");
    assertThat(event.path("overpayment").decimalValue()).isEqualByComparingTo("940.00");
    assertThat(event.path("deathRecordId").longValue()).isEqualTo(9001);

    // August goes to the bank without the household; then the registry finds the record was wrong.
    sendRoll("2026-08");
    EventEnvelope revocation = deathRecordRevoked(9001, 501);
    deliverTwice(revocation);

    allowance = get("/households/" + household).path("allowance");
    assertThat(allowance.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(allowance.path("endMonth").isNull()).isTrue();
    assertThat(get("/households/" + household + "/overpayment-claims").get(0).path("status").asString())
        .isEqualTo("WITHDRAWN");
    List<JsonNode> arrears = list(get("/households/" + household + "/arrears"));
    assertThat(arrears).hasSize(1);
    assertThat(arrears.get(0).path("forMonth").asString()).isEqualTo("2026-08");
    assertThat(arrears.get(0).path("amount").decimalValue()).isEqualByComparingTo("940.00");
    assertThat(list(get("/households/" + household + "/changes")))
        .filteredOn(c -> c.path("eventId").asString().equals(revocation.id().toString()))
        .extracting(c -> c.path("type").asString())
        .containsExactly("MEMBER_RESTORED", "ALLOWANCE_RESTORED", "CLAIM_WITHDRAWN", "ARREARS_ADDED");

    // The next roll pays September and the arrears of August.
    generateRoll("2026-09");
    assertThat(lines("2026-09", household)).extracting(l -> l.path("kind").asString() + " " + l.path("forMonth").asString()
        + " " + l.path("amount").decimalValue().setScale(2)).containsExactlyInAnyOrder(
            "MONTHLY 2026-09 940.00", "ARREARS 2026-08 940.00");

    // A replay of the revoked death (a new delivery of the same record) never stops the allowance again.
    deliverTwice(personDeceased(9001, 501, number, "王秀英", "2026-06-30", "2026-06-30T15:30:00Z"));
    assertThat(get("/households/" + household).path("allowance").path("status").asString()).isEqualTo("ACTIVE");
    assertThat(count("SELECT COUNT(*) FROM benefit_change WHERE household_id = ?", household)).isEqualTo(8);
    assertThat(count("SELECT COUNT(*) FROM benefit_termination_outbox WHERE household_id = ? AND sent_at IS NOT NULL",
        household)).as("one termination published, not one per delivery").isEqualTo(1);
  }

  @Test
  @Order(1)
  void deathOfTheHeadOfALargerHouseholdRecomputesFromTheNextMonthAndRequiresANewHead() throws Exception {
    String head = idNumber("33068119600101003");
    String spouse = idNumber("33068119620202004");
    String child = idNumber("33068119900303005");
    long household = registerHousehold("""
        {"regionCode":"330681102001","area":"URBAN","monthlyIncome":1000.00,"startMonth":"2025-01","members":[
          {"nationalIdNumber":"%s","name":"赵建国","relation":"HEAD"},
          {"nationalIdNumber":"%s","name":"钱丽","relation":"SPOUSE"},
          {"nationalIdNumber":"%s","name":"赵𠮷","relation":"CHILD"}]}""".formatted(head, spouse, child));
    generateRoll("2025-03");
    sendRoll("2025-03");
    generateRoll("2025-04");
    sendRoll("2025-04");
    generateRoll("2025-05");
    assertThat(monthlyLine("2025-05", household)).isEqualByComparingTo("2720.00");

    deliverTwice(personDeceased(9002, 502, head, "赵建国", "2025-03-15", "2025-03-15T02:00:00Z"));

    JsonNode view = get("/households/" + household + "?asOf=2025-05");
    assertThat(view.path("headRequired").booleanValue()).isTrue();
    assertThat(view.path("headRequiredByDeathRecordId").longValue()).isEqualTo(9002);
    assertThat(view.path("members").get(2).path("name").asString()).isEqualTo("赵𠮷");
    assertThat(view.path("allowance").path("status").asString()).isEqualTo("ACTIVE");
    assertThat(view.path("allowance").path("currentAmount").decimalValue()).isEqualByComparingTo("1480.00");
    assertThat(get("/households/" + household + "?asOf=2025-03").path("allowance").path("currentAmount")
        .decimalValue()).isEqualByComparingTo("2720.00");
    assertThat(list(view.path("allowance").path("amounts"))).extracting(
        a -> a.path("fromMonth").asString() + " " + a.path("amount").decimalValue().setScale(2) + " "
            + a.path("members").intValue())
        .containsExactly("2025-01 2720.00 3", "2025-04 1480.00 2");
    assertThat(monthlyLine("2025-05", household)).isEqualByComparingTo("1480.00");
    JsonNode may = get("/payment-rolls/2025-05");
    assertThat(may.path("totalAmount").decimalValue()).isEqualByComparingTo(list(get("/payment-rolls/2025-05/lines?size=1000"))
        .stream().map(l -> l.path("amount").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add));
    JsonNode claim = get("/households/" + household + "/overpayment-claims").get(0);
    assertThat(claim.path("fromMonth").asString()).isEqualTo("2025-04");
    assertThat(claim.path("amount").decimalValue()).isEqualByComparingTo("1240.00");

    assertThat(send("PUT", "/households/" + household + "/head", "{\"nationalIdNumber\":\"" + head + "\"}").statusCode())
        .isEqualTo(422);
    assertThat(send("PUT", "/households/" + household + "/head", "{\"nationalIdNumber\":\"" + spouse + "\"}").statusCode())
        .isEqualTo(200);
    view = get("/households/" + household);
    assertThat(view.path("headRequired").booleanValue()).isFalse();
    assertThat(list(view.path("members"))).filteredOn(m -> m.path("head").booleanValue())
        .extracting(m -> m.path("name").asString()).containsExactly("钱丽");

    // Revoked: three members again at the original amount, the draft roll corrected back, the claim
    // withdrawn; April was paid in full before the death arrived, so nothing is owed.
    deliverTwice(deathRecordRevoked(9002, 502));
    view = get("/households/" + household + "?asOf=2025-05");
    assertThat(view.path("allowance").path("currentAmount").decimalValue()).isEqualByComparingTo("2720.00");
    assertThat(list(view.path("members"))).allSatisfy(m -> assertThat(m.path("living").booleanValue()).isTrue());
    assertThat(monthlyLine("2025-05", household)).isEqualByComparingTo("2720.00");
    assertThat(get("/households/" + household + "/overpayment-claims").get(0).path("status").asString())
        .isEqualTo("WITHDRAWN");
    assertThat(list(get("/households/" + household + "/arrears"))).isEmpty();
  }

  @Test
  @Order(3)
  void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextDeathStillApplies() throws Exception {
    String number = idNumber("33068119400404006");
    long household = registerHousehold(single(number, "孙大山", "2024-01", "0.00"));

    kafka.send(new ProducerRecord<>(TOPIC, "503", "not json {".getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
    publisher.publish(TOPIC, new EventEnvelope(UUID.randomUUID(), "gov.civilaffairs.registry.person-renamed.v9", "503",
        Instant.now(), "{\"personId\":503}")).get(10, TimeUnit.SECONDS);
    EventEnvelope death = personDeceased(9003, 503, number, "孙大山", "2026-10-05", "2026-10-05T01:00:00Z");
    deliverTwice(death);

    assertThat(get("/households/" + household).path("allowance").path("endMonth").asString()).isEqualTo("2026-10");
    ConsumerRecord<byte[], byte[]> deadLetter = readOne(TOPIC + "-dlt", "503");
    assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not json {");
  }

  private static String single(String number, String name, String startMonth, String income) {
    return """
        {"regionCode":"330681102203","area":"RURAL","monthlyIncome":%s,"startMonth":"%s","members":[
          {"nationalIdNumber":"%s","name":"%s","relation":"HEAD"}]}""".formatted(income, startMonth, number, name);
  }

  /** A person-deceased event as the registry publishes it, checked against its schema. */
  private static EventEnvelope personDeceased(long deathRecordId, long personId, String number, String name,
      String dateOfDeath, String confirmedAt) throws Exception {
    UUID id = UUID.randomUUID();
    String payload = """
        {"eventId":"%s","personId":%d,"deathRecordId":%d,"nationalIdNumber":"%s","name":"%s",
         "dateOfDeath":"%s","source":"HUKOU_CANCELLATION","confirmedAt":"%s"}"""
        .formatted(id, personId, deathRecordId, number, name, dateOfDeath, confirmedAt);
    assertThat(schemaErrors("registry.person-deceased.v1.schema.json", payload)).isEmpty();
    return new EventEnvelope(id, DeathRule.PERSON_DECEASED, String.valueOf(personId), Instant.parse(confirmedAt),
        payload);
  }

  /** A death-record-revoked event as the registry publishes it, checked against its schema. */
  private static EventEnvelope deathRecordRevoked(long deathRecordId, long personId) throws Exception {
    UUID id = UUID.randomUUID();
    Instant revokedAt = Instant.parse("2026-09-10T03:00:00Z");
    String payload = """
        {"eventId":"%s","personId":%d,"deathRecordId":%d,"reason":"公安户籍注销有误","revokedAt":"%s"}"""
        .formatted(id, personId, deathRecordId, revokedAt);
    assertThat(schemaErrors("registry.death-record-revoked.v1.schema.json", payload)).isEmpty();
    return new EventEnvelope(id, DeathRule.DEATH_RECORD_REVOKED, String.valueOf(personId), revokedAt, payload);
  }

  /** Publishes the event twice (at-least-once delivery) and waits until both are handled. */
  private void deliverTwice(EventEnvelope event) throws Exception {
    publisher.publish(TOPIC, event).get(10, TimeUnit.SECONDS);
    publisher.publish(TOPIC, event).get(10, TimeUnit.SECONDS);
    awaitConsumed(GROUP, TOPIC);
  }

  private List<JsonNode> lines(String month, long household) throws Exception {
    return list(get("/payment-rolls/" + month + "/lines?size=1000")).stream()
        .filter(l -> l.path("beneficiaryId").longValue() == household).toList();
  }

  /** The household's MONTHLY amount in a roll, or null if it has no such line. */
  private BigDecimal monthlyLine(String month, long household) throws Exception {
    return lines(month, household).stream().filter(l -> l.path("kind").asString().equals("MONTHLY"))
        .map(l -> l.path("amount").decimalValue()).findFirst().orElse(null);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    assertThat(record.headers().lastHeader(name)).as("header " + name).isNotNull();
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private ConsumerRecord<byte[], byte[]> readOne(String topic, String key) {
    return readOne(topic, key, null);
  }

  /** The first record of the topic with the key and, unless {@code type} is null, that ce_type header. */
  private ConsumerRecord<byte[], byte[]> readOne(String topic, String key, String type) {
    Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (Consumer<byte[], byte[]> consumer = new DefaultKafkaConsumerFactory<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(new String(record.key(), StandardCharsets.UTF_8))
              && (type == null || type.equals(header(record, "ce_type")))) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("No record on " + topic + " with key " + key);
  }
}
