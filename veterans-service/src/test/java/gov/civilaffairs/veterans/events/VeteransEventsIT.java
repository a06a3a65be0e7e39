package gov.civilaffairs.veterans.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.veterans.RestClientSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * veterans.pension-terminated.v1 and veterans.survivor-benefit-granted.v1 leave through the outbox: a death
 * delivered twice produces each event once on {@code veterans.entitled-person.v1}, with CloudEvents headers,
 * keyed by the entitled person, payloads valid against the schemas in contracts/events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka
@Import(TestTokenConfiguration.class)
class VeteransEventsIT {

  @LocalServerPort
  int port;
  @Autowired
  CloudEventPublisher cloudEvents;
  @Autowired
  EmbeddedKafkaBroker broker;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aDeathPublishesPensionTerminatedAndSurvivorBenefitGrantedOnceEach() throws Exception {
    RestClientSupport api = new RestClientSupport(port);
    String idNumber = api.register("DUTY_DEATH_SURVIVOR", "1400.00", "2020-01");
    long personId = api.get("/entitled-persons/" + idNumber).path("id").asLong();
    String death = RestClientSupport.JSON.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(),
        "personId", 5001, "deathRecordId", 6001, "nationalIdNumber", idNumber, "name", "李𠮷英",
        "dateOfDeath", "2026-02-14", "source", "MEDICAL_CERTIFICATE", "confirmedAt", "2026-02-15T02:00:00Z"));
    UUID deathEventId = UUID.randomUUID();
    for (int delivery = 0; delivery < 2; delivery++) {
      cloudEvents.publish("registry.person.v1", new EventEnvelope(deathEventId,
          "gov.civilaffairs.registry.person-deceased.v1", "5001", Instant.parse("2026-02-15T02:00:00Z"), death)).get();
    }

    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of("veterans.entitled-person.v1"));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(500)).forEach(record -> keep(record, personId, records));
        return records.size() >= 2;
      });
      consumer.poll(Duration.ofSeconds(2)).forEach(record -> keep(record, personId, records));
    }

    assertThat(records).extracting(record -> header(record, "ce_type")).containsExactlyInAnyOrder(
        "gov.civilaffairs.veterans.pension-terminated.v1", "gov.civilaffairs.veterans.survivor-benefit-granted.v1");
    for (ConsumerRecord<String, String> record : records) {
      assertThat(record.key()).isEqualTo(String.valueOf(personId));
      assertThat(header(record, "ce_source")).isEqualTo("veterans-service");
      assertThat(header(record, "ce_subject")).isEqualTo(String.valueOf(personId));
      assertThat(record.headers().lastHeader("__TypeId__")).as("no Java type on the wire").isNull();
      JsonNode payload = RestClientSupport.JSON.readTree(record.value());
      assertThat(header(record, "ce_id")).isEqualTo(payload.path("eventId").asString());
      String type = header(record, "ce_type").replace("gov.civilaffairs.", "");
      assertValid(type + ".schema.json", record.value());
      if (type.startsWith("veterans.pension-terminated")) {
        assertThat(payload.path("lastPaidMonth").asString()).isEqualTo("2026-02");
        assertThat(payload.path("deathRecordId").asLong()).isEqualTo(6001);
      } else {
        assertThat(payload.path("benefit").asString()).isEqualTo("FUNERAL_SUBSIDY");
        assertThat(payload.path("amount").decimalValue()).as("6 x 1400.00").isEqualByComparingTo("8400.00");
      }
    }
    // through the platform's event outbox (ADR 0008), not Spring Modulith's registry any more
    List<String> sentIds = records.stream().map(record -> header(record, "ce_id")).toList();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
        "SELECT ce_id FROM event_outbox WHERE message_key = ? AND sent_at IS NOT NULL", String.class,
        String.valueOf(personId))).containsExactlyInAnyOrderElementsOf(sentIds));
    for (String table : List.of("EVENT_PUBLICATION", "EVENT_PUBLICATION_ARCHIVE")) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE SERIALIZED_EVENT LIKE ?",
          Integer.class, "%" + sentIds.get(0) + "%")).as(table).isZero();
    }
  }

  /**
   * Keeps the records of this test's person: other tests sharing the context (and the embedded broker) publish
   * their own deaths' events to the same topic. The key check below then still holds for every record kept.
   */
  private static void keep(ConsumerRecord<String, String> record, long personId,
      List<ConsumerRecord<String, String>> records) {
    if (String.valueOf(personId).equals(header(record, "ce_subject"))) {
      records.add(record);
    }
  }

  private KafkaConsumer<String, String> consumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "events-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static void assertValid(String schemaFile, String payload) {
    try (InputStream in = Files.newInputStream(Path.of("..", "contracts", "events", schemaFile))) {
      assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in)
          .validate(payload, InputFormat.JSON)).as(schemaFile).isEmpty();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
