package gov.civilaffairs.relief.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * relief.benefit-granted.v1, relief.benefit-changed.v1 and relief.payment-roll-closed.v1: caused through REST, read
 * from the embedded broker, checked against their contracts (contracts/events) and CloudEvents headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class ReliefEventsIT extends ReliefTestSupport {

  @Test
  void registeringAndReviewingAHouseholdPublishBenefitGrantedAndBenefitChanged() throws Exception {
    long household = registerHousehold("""
        {"regionCode":"330681104003","area":"URBAN","monthlyIncome":640.00,"startMonth":"2019-10","members":[
         {"nationalIdNumber":"%s","name":"孙立新","relation":"HEAD"}]}""".formatted(idNumber("33068119550505701")));

    ConsumerRecord<byte[], byte[]> granted = readOne("relief.household.v1", String.valueOf(household),
        "gov.civilaffairs.relief.benefit-granted.v1");
    String payload = new String(granted.value(), StandardCharsets.UTF_8);
    assertThat(schemaErrors("relief.benefit-granted.v1.schema.json", payload)).isEmpty();
    assertThat(header(granted, "ce_subject")).isEqualTo(String.valueOf(household));
    JsonNode event = JSON.readTree(payload);
    assertThat(event.path("eventId").asString()).isEqualTo(header(granted, "ce_id"));
    assertThat(event.path("startMonth").asString()).isEqualTo("2019-10");
    assertThat(event.path("monthlyAmount").decimalValue()).isEqualByComparingTo("600.00");
    assertThat(event.path("regionCode").asString()).isEqualTo("330681104003");
    assertThat(event.path("applicationId").isNull() || event.path("applicationId").isMissingNode()).isTrue();

    // A periodic review on a lower income raises the amount from next month.
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    JsonNode review = post("/households/" + household + "/reviews",
        "{\"reviewedOn\":\"" + today + "\",\"monthlyIncome\":240.00,\"findings\":\"收入下降\"}", 201);
    ConsumerRecord<byte[], byte[]> changed = readOne("relief.household.v1", String.valueOf(household),
        "gov.civilaffairs.relief.benefit-changed.v1");
    payload = new String(changed.value(), StandardCharsets.UTF_8);
    assertThat(schemaErrors("relief.benefit-changed.v1.schema.json", payload)).isEmpty();
    event = JSON.readTree(payload);
    assertThat(event.path("cause").asString()).isEqualTo("PERIODIC_REVIEW");
    assertThat(event.path("causeId").longValue()).isEqualTo(review.path("id").longValue());
    assertThat(event.path("amountAfter").decimalValue().subtract(event.path("amountBefore").decimalValue()))
        .isEqualByComparingTo("400.00");
  }

  @Test
  void markingARollSentPublishesPaymentRollClosedOnce() throws Exception {
    registerHousehold("""
        {"regionCode":"330681102001","area":"URBAN","monthlyIncome":240.00,"startMonth":"2019-11","members":[
         {"nationalIdNumber":"%s","name":"吴桂兰","relation":"HEAD"}]}""".formatted(idNumber("33068119550505702")));
    JsonNode roll = list(generateRoll("2019-11").path("rolls")).stream()
        .filter(r -> r.path("townshipCode").asString().equals("330681102")).findFirst().orElseThrow();
    long rollId = roll.path("id").longValue();
    post("/payment-rolls/" + rollId + "/sent", null, 200);
    post("/payment-rolls/" + rollId + "/sent", null, 200);

    ConsumerRecord<byte[], byte[]> closed = readOne("relief.payment-roll.v1", String.valueOf(rollId),
        "gov.civilaffairs.relief.payment-roll-closed.v1");
    String payload = new String(closed.value(), StandardCharsets.UTF_8);
    assertThat(schemaErrors("relief.payment-roll-closed.v1.schema.json", payload)).isEmpty();
    JsonNode event = JSON.readTree(payload);
    assertThat(event.path("townshipCode").asString() + " " + event.path("month").asString() + " "
        + event.path("lineCount").intValue()).isEqualTo("330681102 2019-11 " + roll.path("lineCount").intValue());
    assertThat(event.path("totalAmount").decimalValue()).isEqualByComparingTo(roll.path("totalAmount").decimalValue());
    // One statement (one snapshot) over both tables, polled: the outbox moves a completed publication to the
    // archive after Kafka acknowledged it, i.e. possibly after the record was read above.
    String publications = "SELECT (SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE EVENT_TYPE LIKE '%PaymentRollClosed' "
        + "AND SERIALIZED_EVENT LIKE ?) + (SELECT COUNT(*) FROM EVENT_PUBLICATION_ARCHIVE WHERE EVENT_TYPE LIKE "
        + "'%PaymentRollClosed' AND SERIALIZED_EVENT LIKE ?)";
    String pattern = "%\"rollId\":" + rollId + ",%";
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (count(publications, pattern, pattern) != 1 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(count(publications, pattern, pattern)).as("closed once, not once per request").isEqualTo(1);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    assertThat(record.headers().lastHeader(name)).as("header " + name).isNotNull();
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private ConsumerRecord<byte[], byte[]> readOne(String topic, String key, String type) {
    Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (Consumer<byte[], byte[]> consumer = new DefaultKafkaConsumerFactory<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(new String(record.key(), StandardCharsets.UTF_8)) && record.headers().lastHeader("ce_type") != null
              && type.equals(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("No " + type + " on " + topic + " with key " + key);
  }
}
