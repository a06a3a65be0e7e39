package gov.civilaffairs.eldercare.death;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.eldercare.EldercareTestSupport;
import gov.civilaffairs.eldercare.FixedClockConfiguration;
import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;

/**
 * A death (registry event, delivered twice) ends the person's care-institution residence, cancels the open
 * home-care orders and publishes allowance-terminated and card-revoked through the outbox (payloads valid by
 * contracts/events); the revocation of the death record re-opens the residence and the orders (death rule 5, 7).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(FixedClockConfiguration.class)
class DeathEndsResidenceAndOrdersIT extends EldercareTestSupport {

  private static final AtomicLong DEATH_RECORDS = new AtomicLong(900_000 + System.nanoTime() % 1000);

  @Autowired CloudEventPublisher cloudEvents;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aDeathEndsTheResidenceCancelsOpenOrdersAndPublishesEventsAndItsRevocationRestoresThem() throws Exception {
    String idNumber = registerPerson("19400808", JIANGDONG);
    long personId = call("GET", "/elderly-persons/" + idNumber, null, 200).path("id").asLong();
    call("POST", "/elderly-persons/" + idNumber + "/transit-card", "{\"cardNumber\":\"DTH" + String.format("%06d", personId) + "X\"}", 201);
    call("POST", "/elderly-persons/" + idNumber + "/old-age-allowance", "{\"startMonth\":\"2026-01\"}", 201);
    long institution = call(ZHUJI_OFFICER, "POST", "/care-institutions", """
        {"name":"暨阳养老院","ownership":"PUBLIC","regionCode":"%s","filingNumber":"DTH%d","beds":10,
         "registeredOn":"2019-06-01"}""".formatted(JIANGDONG, personId), 201).path("institution").path("id").asLong();
    long residence = call("POST", "/care-institutions/" + institution + "/residents",
        "{\"nationalIdNumber\":\"" + idNumber + "\",\"admittedOn\":\"2026-10-01\"}", 201).path("residenceId").asLong();
    long station = call("POST", "/home-care-stations", """
        {"name":"江东站","regionCode":"%s","operator":"社区","openedOn":"2020-01-01"}""".formatted(JIANGDONG), 201)
        .path("id").asLong();
    String order = """
        {"nationalIdNumber":"%s","serviceType":"%s","paymentKind":"GOVERNMENT_PAID","provider":"李医生",
         "scheduledAt":"2026-11-20T09:00:00+08:00"}""";
    long open = call("POST", "/home-care-stations/" + station + "/orders", order.formatted(idNumber, "MEDICAL"), 201)
        .path("id").asLong();
    long completed = call("POST", "/home-care-stations/" + station + "/orders", order.formatted(idNumber, "LEGAL"), 201)
        .path("id").asLong();
    call("POST", "/home-care-stations/" + station + "/orders/" + completed + "/completion", "{\"text\":\"已咨询\"}", 200);

    long deathRecordId = DEATH_RECORDS.incrementAndGet();
    EventEnvelope deceased = event("gov.civilaffairs.registry.person-deceased.v1", personId, Map.of(
        "deathRecordId", deathRecordId, "nationalIdNumber", idNumber, "dateOfDeath", "2026-11-12",
        "name", "𠮷祥", "source", "HUKOU_CANCELLATION"));
    cloudEvents.publish("registry.person.v1", deceased).get();
    cloudEvents.publish("registry.person.v1", deceased).get();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(orderStatus(station, open)).isEqualTo("CANCELLED"));
    JsonNode resident = call("GET", "/care-institutions/" + institution + "/residents?includeDischarged=true", null, 200)
        .valueStream().filter(r -> r.path("residenceId").asLong() == residence).findFirst().orElseThrow();
    assertThat(resident.path("dischargedOn").asString()).isEqualTo("2026-11-12");
    assertThat(resident.path("dischargeReason").asString()).isEqualTo("DECEASED");
    assertThat(resident.path("endedByDeathRecordId").asLong()).isEqualTo(deathRecordId);
    assertThat(orderStatus(station, completed)).as("a completed order stays completed").isEqualTo("COMPLETED");
    assertThat(call("GET", "/elderly-persons/" + idNumber + "/benefit-changes", null, 200).findValuesAsString("benefit"))
        .as("once, although delivered twice")
        .containsExactlyInAnyOrder("TRANSIT_CARD", "OLD_AGE_ALLOWANCE", "RESIDENCE", "HOME_CARE_ORDER");

    List<ConsumerRecord<String, byte[]>> published = eventsOf(personId, 2);
    assertThat(published).extracting(r -> header(r, "ce_type")).containsExactlyInAnyOrder(
        "gov.civilaffairs.eldercare.allowance-terminated.v1", "gov.civilaffairs.eldercare.card-revoked.v1");
    for (ConsumerRecord<String, byte[]> record : published) {
      String type = header(record, "ce_type").replace("gov.civilaffairs.", "");
      JsonNode payload = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
      var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(Files.readString(Path.of("..", "contracts", "events", type + ".schema.json")))
          .validate(payload, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
      assertThat(errors).as(type + ": " + payload).isEmpty();
      assertThat(payload.path("deathRecordId").asLong()).isEqualTo(deathRecordId);
      assertThat(header(record, "ce_id")).isEqualTo(payload.path("eventId").asString());
    }
    // through the platform's event outbox (ADR 0008), written once although the death was delivered twice
    List<String> sentIds = published.stream().map(r -> header(r, "ce_id")).toList();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
        "SELECT ce_id FROM event_outbox WHERE message_key = ? AND sent_at IS NOT NULL", String.class,
        String.valueOf(personId))).containsExactlyInAnyOrderElementsOf(sentIds));

    cloudEvents.publish("registry.person.v1", event("gov.civilaffairs.registry.death-record-revoked.v1", personId,
        Map.of("deathRecordId", deathRecordId, "reason", "wrong person matched"))).get();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(orderStatus(station, open)).isEqualTo("OPEN"));
    assertThat(call("GET", "/care-institutions/" + institution + "/residents", null, 200).valueStream()
        .map(r -> r.path("residenceId").asLong()).toList()).contains(residence);
    assertThat(orderStatus(station, completed)).isEqualTo("COMPLETED");
  }

  @Test
  void allowancePaidBySentRollsAfterTheDeathIsClaimedBackAndTheClaimWithdrawnOnRevocation() throws Exception {
    String idNumber = registerPerson("19410303", JINJISHAN);
    long personId = call("GET", "/elderly-persons/" + idNumber, null, 200).path("id").asLong();
    call("POST", "/elderly-persons/" + idNumber + "/old-age-allowance", "{\"startMonth\":\"2026-01\"}", 201);
    call("POST", "/old-age-allowance-rolls", "{\"month\":\"2026-09\"}", 201);
    call("POST", "/old-age-allowance-rolls/2026-09/sent", null, 200);

    long deathRecordId = DEATH_RECORDS.incrementAndGet();
    cloudEvents.publish("registry.person.v1", event("gov.civilaffairs.registry.person-deceased.v1", personId, Map.of(
        "deathRecordId", deathRecordId, "nationalIdNumber", idNumber, "dateOfDeath", "2026-08-20",
        "name", "𠮷祥", "source", "MEDICAL_CERTIFICATE"))).get();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(call("GET", "/elderly-persons/" + idNumber
        + "/old-age-allowance", null, 200).path("status").asString()).isEqualTo("STOPPED"));
    JsonNode claims = call("GET", "/elderly-persons/" + idNumber + "/old-age-allowance", null, 200).path("overpaymentClaims");
    assertThat(claims).hasSize(1);
    assertThat(claims.get(0).path("fromMonth").asString()).as("September was sent to the bank").isEqualTo("2026-09");
    assertThat(claims.get(0).path("months").asInt()).isEqualTo(1);
    assertThat(claims.get(0).path("amount").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(claims.get(0).path("status").asString()).isEqualTo("OPEN");
    JsonNode terminated = JSON.readTree(new String(eventsOf(personId, 1).stream()
        .filter(r -> header(r, "ce_type").endsWith("allowance-terminated.v1")).findFirst().orElseThrow().value(),
        StandardCharsets.UTF_8));
    assertThat(terminated.path("overpayment").decimalValue()).isEqualByComparingTo("50.00");

    cloudEvents.publish("registry.person.v1", event("gov.civilaffairs.registry.death-record-revoked.v1", personId,
        Map.of("deathRecordId", deathRecordId, "reason", "wrong person matched"))).get();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(call("GET", "/elderly-persons/" + idNumber
        + "/old-age-allowance", null, 200).path("status").asString()).isEqualTo("ACTIVE"));
    JsonNode restored = call("GET", "/elderly-persons/" + idNumber + "/old-age-allowance", null, 200);
    assertThat(restored.path("overpaymentClaims").get(0).path("status").asString()).isEqualTo("WITHDRAWN");
    assertThat(restored.path("arrears").findValuesAsString("month")).as("September was paid; October is owed")
        .doesNotContain("2026-09").contains("2026-10");
  }

  private String orderStatus(long station, long order) throws Exception {
    return call("GET", "/home-care-stations/" + station + "/orders?size=500", null, 200).valueStream()
        .filter(o -> o.path("id").asLong() == order).findFirst().orElseThrow().path("status").asString();
  }

  private static EventEnvelope event(String type, long personId, Map<String, Object> data) {
    UUID id = UUID.randomUUID();
    Map<String, Object> payload = new java.util.HashMap<>(data);
    payload.put("eventId", id.toString());
    payload.put("personId", personId);
    payload.put("confirmedAt", FixedClockConfiguration.NOW.toString());
    payload.put("revokedAt", FixedClockConfiguration.NOW.toString());
    return new EventEnvelope(id, type, String.valueOf(personId), FixedClockConfiguration.NOW, payload);
  }

  /** The records of eldercare.elderly-person.v1 keyed by this person, waiting until {@code expected} arrived. */
  private List<ConsumerRecord<String, byte[]>> eventsOf(long personId, int expected) {
    Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "events-reader-" + UUID.randomUUID(), false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
        new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of("eldercare.elderly-person.v1"));
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(1)).forEach(record -> {
          if (String.valueOf(personId).equals(record.key())) {
            records.add(record);
          }
        });
        assertThat(records).hasSizeGreaterThanOrEqualTo(expected);
      });
      return records;
    }
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
