package gov.civilaffairs.relief.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.civilaffairs.relief.ReliefTestSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;

/**
 * The benefit-changed events of a standard's recomputation (issue 5; ADR 0007, relief's own outbox): one per
 * changed allowance, none for an allowance whose amount stays, on {@code relief.household.v1} keyed by household
 * with the CloudEvents headers and the contract's payload; every outbox row marked sent once Kafka acknowledged it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // the relay sends one event per batch here: several batches for one standard; also a context (and schema) of its own
    properties = {"relief.allowance.floor-per-person=50.00", "relief.events.relay-batch-size=1"})
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class StandardEventsIT extends ReliefTestSupport {

  static final String TOPIC = "relief.household.v1";
  static final String CHANGED = "gov.civilaffairs.relief.benefit-changed.v1";

  @Test
  void aStandardPublishesOneBenefitChangedPerChangedAllowanceAndNoneForAnUnchangedAmount() throws Exception {
    // configured standard 1240.00, floor 50.00 per person
    long lowIncome = registerHousehold(household("URBAN", idNumber("33068119570202001"), "300.00")); // 940.00
    long twoMembers = registerHousehold("""
        {"regionCode":"330681001001","area":"URBAN","monthlyIncome":"1000.00","startMonth":"2025-01",
         "members":[{"nationalIdNumber":"%s","name":"钱一","relation":"HEAD"},
                    {"nationalIdNumber":"%s","name":"钱二","relation":"SPOUSE"}]}"""
        .formatted(idNumber("33068119570202002"), idNumber("33068119570202003"))); // 2480.00 - 1000.00 = 1480.00
    long atTheFloor = registerHousehold(household("URBAN", idNumber("33068119570202004"), "1230.00")); // floor 50.00
    long rural = registerHousehold(household("RURAL", idNumber("33068119570202005"), "300.00"));

    // 1260.00: 960.00, 2520.00 - 1000.00 = 1520.00; 1260.00 - 1230.00 = 30.00 is still under the floor: 50.00 stays
    JsonNode standard = post("/allowance-standards", """
        {"area":"URBAN","year":2025,"effectiveMonth":"2025-06","amount":"1260.00","documentReference":"诸政办发〔2025〕9号"}""",
        201);
    long standardId = standard.path("id").longValue();
    assertThat(standard.path("recomputedAllowances").intValue()).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM allowance_amount WHERE allowance_standard_id = ?", standardId)).isEqualTo(2);

    List<ConsumerRecord<byte[], byte[]>> records = changedEventsOf(standardId, 2, Duration.ofSeconds(30));
    assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .as("one event per changed allowance, none for the unchanged one or the other area")
        .containsExactlyInAnyOrder(String.valueOf(lowIncome), String.valueOf(twoMembers))
        .doesNotContain(String.valueOf(atTheFloor), String.valueOf(rural));
    for (ConsumerRecord<byte[], byte[]> record : records) {
      String payload = new String(record.value(), StandardCharsets.UTF_8);
      assertThat(schemaErrors("relief.benefit-changed.v1.schema.json", payload)).isEmpty();
      JsonNode event = JSON.readTree(payload);
      assertThat(event.path("eventId").asString()).isEqualTo(header(record, "ce_id"));
      assertThat(header(record, "ce_subject")).isEqualTo(String.valueOf(event.path("householdId").longValue()));
      assertThat(header(record, "ce_source")).isEqualTo("relief-service");
      assertThat(event.path("fromMonth").asString()).isEqualTo("2025-06");
      String amounts = event.path("amountBefore").decimalValue().toPlainString() + " -> "
          + event.path("amountAfter").decimalValue().toPlainString() + " for " + event.path("members").intValue();
      if (event.path("householdId").longValue() == lowIncome) {
        assertThat(amounts).isEqualTo("940.00 -> 960.00 for 1");
      } else {
        assertThat(amounts).isEqualTo("1480.00 -> 1520.00 for 2");
      }
    }
    assertThat(records).extracting(r -> header(r, "ce_id")).as("ce_id per amount entry").doesNotHaveDuplicates();
    assertThat(count("SELECT events FROM benefit_event_outbox WHERE allowance_standard_id = ?", standardId)).isEqualTo(2);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (count("SELECT COUNT(*) FROM benefit_event_outbox WHERE completed_at IS NULL") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(count("SELECT COUNT(*) FROM benefit_event_outbox WHERE completed_at IS NULL")).as("all sent").isZero();
    assertThat(count("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE EVENT_TYPE LIKE '%BenefitChanged'")
        + count("SELECT COUNT(*) FROM EVENT_PUBLICATION_ARCHIVE WHERE EVENT_TYPE LIKE '%BenefitChanged'"))
        .as("not also through Modulith's registry").isZero();
  }

  @Test
  void aStandardThatIsRefusedWritesNoEvent() throws Exception {
    int before = count("SELECT COUNT(*) FROM benefit_event_outbox") + count("SELECT COUNT(*) FROM allowance_amount");
    post("/allowance-standards", """
        {"area":"RURAL","year":2025,"effectiveMonth":"2026-01","amount":"1300.00","documentReference":"x"}""", 422);
    assertThat(count("SELECT COUNT(*) FROM benefit_event_outbox") + count("SELECT COUNT(*) FROM allowance_amount"))
        .isEqualTo(before);
  }

  /** The benefit-changed records of one standard: polls until {@code expected} arrived, then 3 s more for duplicates. */
  private List<ConsumerRecord<byte[], byte[]>> changedEventsOf(long standardId, int expected, Duration wait) {
    List<ConsumerRecord<byte[], byte[]>> mine = new ArrayList<>();
    Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (Consumer<byte[], byte[]> consumer = new DefaultKafkaConsumerFactory<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + wait.toNanos();
      long settle = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, settle)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.headers().lastHeader("ce_type") != null && CHANGED.equals(header(record, "ce_type"))
              && JSON.readTree(record.value()).path("causeId").longValue() == standardId
              && JSON.readTree(record.value()).path("cause").asString().equals("ALLOWANCE_STANDARD")) {
            mine.add(record);
          }
        }
        if (mine.size() >= expected && settle == Long.MAX_VALUE) {
          settle = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        }
      }
    }
    return mine;
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    assertThat(record.headers().lastHeader(name)).as("header " + name).isNotNull();
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  static String household(String area, String number, String income) {
    return """
        {"regionCode":"330681001001","area":"%s","monthlyIncome":"%s","startMonth":"2025-01",
         "members":[{"nationalIdNumber":"%s","name":"孙桂英","relation":"HEAD"}]}""".formatted(area, income, number);
  }
}
