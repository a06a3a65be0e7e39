package gov.civilaffairs.eldercare.death;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;

/**
 * The eldercare side of the death flow end to end: registry events produced onto {@code registry.person.v1}
 * exactly as the registry does (CloudEvents binary mode, JSON payload checked against the registry's schemas),
 * each delivered twice; effects read over REST and in the tables. The bureau's clock is fixed at
 * 2026-09-15 10:00 Asia/Shanghai; one partition keeps all events in order, so a later event applied proves
 * that the earlier ones were handled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.kafka.topic-defaults.partitions=1",
    "platform.kafka.retry.initial-interval=20ms"})
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(TestTokenConfiguration.class)
class DeathFlowIT {

  /** Every call is made by a city administrator, who sees every region. */
  private static final String CITY_ADMINISTRATOR = TestTokens.staff("city-admin", Role.CITY_ADMINISTRATOR, null);


  /** With milliseconds: the benefit changes' times must keep them (the benchmark's latency is measured in ms). */
  static final Instant NOW = Instant.parse("2026-09-15T02:00:00.123Z");
  static final String TOPIC = "registry.person.v1";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final AtomicLong SEQUENCE = new AtomicLong(100);

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @LocalServerPort int port;
  @Autowired CloudEventPublisher cloudEvents;
  @Autowired KafkaTemplate<Object, Object> kafka;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired JdbcTemplate jdbc;
  @Autowired KafkaListenerEndpointRegistry listeners;

  @Test
  void aDeathOnTheLastDayOfAMonthStopsEverythingOnceAndItsRevocationRestoresItWithArrears() throws Exception {
    String idNumber = elderlyPersonWithEverything("19400310", "ZJT");
    long deathRecordId = SEQUENCE.incrementAndGet();
    var deceased = personDeceased(deathRecordId, idNumber, "2026-06-30");

    publishTwice(deceased);

    await().untilAsserted(() -> assertThat(json("GET", "/elderly-persons/" + idNumber + "/old-age-allowance", null)
        .path("status").asString()).isEqualTo("STOPPED"));
    waitForAllEventsBefore();
    JsonNode allowance = json("GET", "/elderly-persons/" + idNumber + "/old-age-allowance", null);
    assertThat(allowance.path("endMonth").asString()).as("a death on 30 June is a June death").isEqualTo("2026-06");
    assertThat(allowance.path("stoppedByDeathRecordId").asLong()).isEqualTo(deathRecordId);
    JsonNode cards = json("GET", "/elderly-persons/" + idNumber + "/cards", null);
    assertThat(cards).hasSize(2).allSatisfy(card -> {
      assertThat(card.path("status").asString()).isEqualTo("REVOKED");
      assertThat(card.path("revokedByDeathRecordId").asLong()).isEqualTo(deathRecordId);
    });
    assertThat(json("GET", "/elderly-persons/" + idNumber, null).path("status").asString()).isEqualTo("DECEASED");
    JsonNode changes = json("GET", "/elderly-persons/" + idNumber + "/benefit-changes", null);
    assertThat(changes).as("one change per benefit although the event came twice").hasSize(3)
        .allSatisfy(change -> {
          assertThat(change.path("deathRecordId").asLong()).isEqualTo(deathRecordId);
          assertThat(change.path("eventId").asString()).isEqualTo(deceased.id().toString());
          assertThat(Instant.parse(change.path("changedAt").asString())).isEqualTo(NOW);
        });
    assertThat(changes.findValuesAsString("change")).containsExactlyInAnyOrder("REVOKED", "REVOKED", "STOPPED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
        deceased.id().toString())).isEqualTo(1);
    assertThat(pendingTransitNotifications(deathRecordId)).containsExactly("REVOCATION");

    var revoked = deathRecordRevoked(deathRecordId);
    publishTwice(revoked);
    waitForAllEventsBefore();

    allowance = json("GET", "/elderly-persons/" + idNumber + "/old-age-allowance", null);
    assertThat(allowance.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(allowance.path("endMonth").isNull()).isTrue();
    assertThat(allowance.path("arrears")).as("July and August were missed; September is paid by the roll")
        .hasSize(2);
    assertThat(allowance.path("arrears").findValuesAsString("month")).containsExactly("2026-07", "2026-08");
    assertThat(allowance.path("arrears").get(0).path("amount").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(json("GET", "/elderly-persons/" + idNumber + "/cards", null).findValuesAsString("status"))
        .containsExactly("ISSUED", "ISSUED");
    assertThat(json("GET", "/elderly-persons/" + idNumber, null).path("status").asString()).isEqualTo("LIVING");
    assertThat(json("GET", "/elderly-persons/" + idNumber + "/benefit-changes", null)
        .findValuesAsString("change")).hasSize(6).containsOnly("REVOKED", "STOPPED", "REINSTATED", "RESUMED");
    assertThat(pendingTransitNotifications(deathRecordId)).containsExactly("REVOCATION", "REINSTATEMENT");

    // A replay of the old death, under its own id or a new one, never applies a revoked death record again.
    publishTwice(deceased);
    publishTwice(personDeceased(deathRecordId, idNumber, "2026-06-30"));
    waitForAllEventsBefore();
    assertThat(json("GET", "/elderly-persons/" + idNumber + "/old-age-allowance", null).path("status").asString())
        .isEqualTo("ACTIVE");
    assertThat(json("GET", "/elderly-persons/" + idNumber + "/benefit-changes", null)).hasSize(6);
  }

  @Test
  void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextDeathStillApplies() throws Exception {
    String idNumber = elderlyPersonWithEverything("19380521", "ZJP");
    var headers = cloudEvents.headersFor(new EventEnvelope(UUID.randomUUID(), DeathFlow.PERSON_DECEASED, "999",
        NOW, Map.of()));
    var poison = new ProducerRecord<Object, Object>(TOPIC, "999", "{not json".getBytes(StandardCharsets.UTF_8));
    headers.forEach((name, value) -> poison.headers().add(name, (byte[]) value));
    kafka.send(poison).get();
    UUID withoutDeathRecord = UUID.randomUUID();
    cloudEvents.publish(TOPIC, new EventEnvelope(withoutDeathRecord, DeathFlow.PERSON_DECEASED, "998", NOW,
        Map.of("eventId", withoutDeathRecord.toString(), "nationalIdNumber", idNumber))).get();
    publishTwice(personDeceased(SEQUENCE.incrementAndGet(), idNumber, "2026-08-01"));

    await().untilAsserted(() -> assertThat(json("GET", "/elderly-persons/" + idNumber + "/cards", null)
        .findValuesAsString("status")).containsExactly("REVOKED", "REVOKED"));
    awaitDeadLetters(values -> assertThat(values).anySatisfy(value -> assertThat(value).isEqualTo("{not json"))
        .anySatisfy(value -> assertThat(value).contains(withoutDeathRecord.toString())));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
        withoutDeathRecord.toString())).as("a dead letter changes nothing").isZero();
  }

  @Test
  void aPollMixingUnknownPersonsDuplicatesAndARevocationHasTheEffectOfApplyingItsEventsOneByOne() throws Exception {
    String alreadyDead = elderlyPersonWithEverything("19390101", "ZJA");
    var earlierPoll = personDeceased(SEQUENCE.incrementAndGet(), alreadyDead, "2026-08-02");
    cloudEvents.publish(TOPIC, earlierPoll).get();
    waitForAllEventsBefore();
    String dies = elderlyPersonWithEverything("19390202", "ZJB");
    String diesAndIsRevoked = elderlyPersonWithEverything("19390303", "ZJC");
    String revokedFirst = elderlyPersonWithEverything("19390404", "ZJD");
    long death = SEQUENCE.incrementAndGet();
    long secondDeathOfSamePerson = SEQUENCE.incrementAndGet();
    long deathThenRevoked = SEQUENCE.incrementAndGet();
    long revokedBeforeItsDeath = SEQUENCE.incrementAndGet();
    long revokedUnknown = SEQUENCE.incrementAndGet();
    var deceased = personDeceased(death, dies, "2026-08-10");
    var revocation = deathRecordRevoked(deathThenRevoked);
    List<EventEnvelope> unknown = new ArrayList<>();
    List<EventEnvelope> poll = new ArrayList<>();
    List<Long> unknownRecords = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      unknownRecords.add(SEQUENCE.incrementAndGet());
      unknown.add(personDeceased(unknownRecords.get(i), idNumber("19500101"), "2026-08-01"));
    }
    poll.addAll(unknown.subList(0, 10));
    poll.add(earlierPoll);
    poll.add(deceased);
    poll.add(deceased);
    poll.add(personDeceased(deathThenRevoked, diesAndIsRevoked, "2026-08-11"));
    poll.add(deathRecordRevoked(revokedBeforeItsDeath));
    poll.add(revocation);
    poll.add(personDeceased(revokedBeforeItsDeath, revokedFirst, "2026-08-12"));
    poll.add(personDeceased(secondDeathOfSamePerson, dies, "2026-08-13"));
    poll.add(deathRecordRevoked(revokedUnknown));
    poll.add(revocation);
    poll.addAll(unknown.subList(10, 20));

    publishWhileTheListenerIsStopped(poll);
    waitForAllEventsBefore();

    assertThat(json("GET", "/elderly-persons/" + alreadyDead + "/benefit-changes", null))
        .as("an event of an earlier poll is not applied again").hasSize(3)
        .allSatisfy(change -> assertThat(change.path("eventId").asString()).isEqualTo(earlierPoll.id().toString()));
    assertThat(json("GET", "/elderly-persons/" + dies, null).path("status").asString()).isEqualTo("DECEASED");
    JsonNode changes = json("GET", "/elderly-persons/" + dies + "/benefit-changes", null);
    assertThat(changes).as("the duplicate in the same poll and a second death record change nothing").hasSize(3)
        .allSatisfy(change -> assertThat(change.path("deathRecordId").asLong()).isEqualTo(death));
    assertThat(json("GET", "/elderly-persons/" + dies + "/old-age-allowance", null).path("endMonth").asString())
        .isEqualTo("2026-08");
    assertThat(json("GET", "/elderly-persons/" + diesAndIsRevoked, null).path("status").asString())
        .isEqualTo("LIVING");
    assertThat(json("GET", "/elderly-persons/" + diesAndIsRevoked + "/benefit-changes", null)
        .findValuesAsString("change")).as("stopped, then restored by the revocation later in the same poll")
        .containsExactly("REVOKED", "REVOKED", "STOPPED", "REINSTATED", "REINSTATED", "RESUMED");
    assertThat(json("GET", "/elderly-persons/" + diesAndIsRevoked + "/cards", null).findValuesAsString("status"))
        .containsExactly("ISSUED", "ISSUED");
    assertThat(json("GET", "/elderly-persons/" + revokedFirst, null).path("status").asString())
        .as("a revocation before its death makes the death never apply").isEqualTo("LIVING");
    assertThat(json("GET", "/elderly-persons/" + revokedFirst + "/benefit-changes", null)).isEmpty();
    assertThat(deathRecordStates(death, secondDeathOfSamePerson, deathThenRevoked, revokedBeforeItsDeath,
        revokedUnknown)).containsExactly(Map.entry(death, "APPLIED"), Map.entry(deathThenRevoked, "REVOKED"),
        Map.entry(revokedBeforeItsDeath, "REVOKED"), Map.entry(revokedUnknown, "REVOKED"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM death_record WHERE death_record_id = ? AND person_id IS NULL",
        Integer.class, revokedBeforeItsDeath)).isEqualTo(1);
    for (EventEnvelope event : poll) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
          event.id().toString())).as("event %s processed once", event.id()).isEqualTo(1);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM death_record WHERE death_record_id IN (?, ?)",
        Integer.class, unknownRecords.get(0), unknownRecords.get(19)))
        .as("a death of nobody registered here leaves no death record").isZero();
  }

  @Test
  void anEventThatCannotBeAppliedInTheMiddleOfAPollIsDeadLetteredAndTheOthersApply() throws Exception {
    String before = elderlyPersonWithEverything("19370505", "ZJE");
    String broken = elderlyPersonWithEverything("19370606", "ZJF");
    String after = elderlyPersonWithEverything("19370707", "ZJG");
    UUID unstorable = UUID.randomUUID();
    var beyondTheDateColumn = new EventEnvelope(unstorable, DeathFlow.PERSON_DECEASED, "7", NOW,
        Map.of("eventId", unstorable.toString(), "deathRecordId", SEQUENCE.incrementAndGet(),
            "nationalIdNumber", broken, "dateOfDeath", "+10000-01-01"));
    publishWhileTheListenerIsStopped(List.of(
        personDeceased(SEQUENCE.incrementAndGet(), idNumber("19500101"), "2026-08-01"),
        personDeceased(SEQUENCE.incrementAndGet(), before, "2026-08-03"),
        beyondTheDateColumn,
        personDeceased(SEQUENCE.incrementAndGet(), idNumber("19500101"), "2026-08-01"),
        personDeceased(SEQUENCE.incrementAndGet(), after, "2026-08-04")));

    awaitDeadLetters(values -> assertThat(values).anySatisfy(value -> assertThat(value).contains(unstorable.toString())));
    waitForAllEventsBefore();
    assertThat(json("GET", "/elderly-persons/" + before, null).path("status").asString()).isEqualTo("DECEASED");
    assertThat(json("GET", "/elderly-persons/" + after, null).path("status").asString()).isEqualTo("DECEASED");
    assertThat(json("GET", "/elderly-persons/" + after + "/benefit-changes", null)).hasSize(3);
    assertThat(json("GET", "/elderly-persons/" + broken, null).path("status").asString()).isEqualTo("LIVING");
    assertThat(json("GET", "/elderly-persons/" + broken + "/benefit-changes", null)).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
        unstorable.toString())).as("a dead letter changes nothing").isZero();
  }

  @Test
  void unhappyPathsAnswerProblemJsonAndChangeNothing() throws Exception {
    HttpResponse<String> young = send("POST", "/elderly-persons", Map.of("nationalIdNumber",
        idNumber("19700101"), "name", "李明", "regionCode", "330681109290"));
    assertThat(young.statusCode()).isEqualTo(422);
    assertThat(young.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(young.body()).path("code").asString()).isEqualTo("under-elderly-age");

    assertThat(send("POST", "/elderly-persons", Map.of("nationalIdNumber", "330681194001010001",
        "name", "李明", "regionCode", "330681109290")).statusCode()).isEqualTo(400);

    String sixtyFive = idNumber("19610301");
    assertThat(send("POST", "/elderly-persons", Map.of("nationalIdNumber", sixtyFive, "name", "王芳",
        "regionCode", "330681109290")).statusCode()).isEqualTo(201);
    HttpResponse<String> transit = send("POST", "/elderly-persons/" + sixtyFive + "/transit-card",
        Map.of("cardNumber", "ZJT000000001"));
    assertThat(transit.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(transit.body()).path("code").asString()).isEqualTo("under-transit-card-age");
    HttpResponse<String> allowance = send("POST", "/elderly-persons/" + sixtyFive + "/old-age-allowance",
        Map.of("startMonth", "2026-09"));
    assertThat(JSON.readTree(allowance.body()).path("code").asString()).isEqualTo("under-allowance-age");
    assertThat(json("GET", "/elderly-persons/" + sixtyFive + "/cards", null)).isEmpty();
  }

  // --- fixtures -------------------------------------------------------------------------------------------

  /** A living person with an elderly card, a transit card and an allowance from January 2026. */
  private String elderlyPersonWithEverything(String birthDate, String cardPrefix) throws Exception {
    String idNumber = idNumber(birthDate);
    assertThat(send("POST", "/elderly-persons", Map.of("nationalIdNumber", idNumber, "name", "𠮷祥",
        "regionCode", "330681109290")).statusCode()).isEqualTo(201);
    long n = SEQUENCE.incrementAndGet();
    assertThat(send("POST", "/elderly-persons/" + idNumber + "/elderly-card",
        Map.of("cardNumber", cardPrefix + "E" + n)).statusCode()).isEqualTo(201);
    assertThat(send("POST", "/elderly-persons/" + idNumber + "/transit-card",
        Map.of("cardNumber", cardPrefix + "T" + n)).statusCode()).isEqualTo(201);
    assertThat(send("POST", "/elderly-persons/" + idNumber + "/old-age-allowance",
        Map.of("startMonth", "2026-01")).statusCode()).isEqualTo(201);
    return idNumber;
  }

  private static String idNumber(String birthDate) {
    String first17 = "330681" + birthDate + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
    return first17 + NationalIdNumber.checkCharacter(first17);
  }

  private EventEnvelope personDeceased(long deathRecordId, String idNumber, String dateOfDeath) {
    UUID id = UUID.randomUUID();
    Map<String, Object> payload = Map.of("eventId", id.toString(), "personId", 7, "deathRecordId", deathRecordId,
        "nationalIdNumber", idNumber, "name", "𠮷祥", "dateOfDeath", dateOfDeath, "source", "HUKOU_CANCELLATION",
        "confirmedAt", NOW.toString(), "someFutureField", "ignored");
    return checked("registry.person-deceased.v1", new EventEnvelope(id, DeathFlow.PERSON_DECEASED, "7", NOW, payload));
  }

  private EventEnvelope deathRecordRevoked(long deathRecordId) {
    UUID id = UUID.randomUUID();
    Map<String, Object> payload = Map.of("eventId", id.toString(), "personId", 7, "deathRecordId", deathRecordId,
        "reason", "wrong person matched", "revokedAt", NOW.toString());
    return checked("registry.death-record-revoked.v1",
        new EventEnvelope(id, DeathFlow.DEATH_RECORD_REVOKED, "7", NOW, payload));
  }

  /** The fixture must be valid by the registry's schema in contracts/events (formats asserted). */
  private static EventEnvelope checked(String schemaName, EventEnvelope event) {
    try {
      Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(
          Files.readString(Path.of("..", "contracts", "events", schemaName + ".schema.json")));
      var errors = schema.validate(JSON.valueToTree(event.data()),
          context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
      assertThat(errors).as(schemaName).isEmpty();
      return event;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void publishTwice(EventEnvelope event) throws Exception {
    cloudEvents.publish(TOPIC, event).get();
    cloudEvents.publish(TOPIC, event).get();
  }

  /** Publishes an event for nobody registered here and waits until it is processed: all before it are too. */
  private void waitForAllEventsBefore() throws Exception {
    var marker = deathRecordRevoked(SEQUENCE.incrementAndGet());
    cloudEvents.publish(TOPIC, marker).get();
    await().until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?",
        Integer.class, marker.id().toString()) == 1);
  }

  /** Publishes while the listener is stopped, then starts it: its first poll holds all of {@code events}. */
  private void publishWhileTheListenerIsStopped(List<EventEnvelope> events) throws Exception {
    var container = listeners.getListenerContainer(RegistryPersonListener.LISTENER_ID);
    container.stop();
    try {
      for (EventEnvelope event : events) {
        cloudEvents.publish(TOPIC, event).get();
      }
    } finally {
      container.start();
    }
  }

  /** Death record id to status, for those of {@code ids} held, in id order. */
  private List<Map.Entry<Long, String>> deathRecordStates(Long... ids) {
    return jdbc.query("SELECT death_record_id, status FROM death_record WHERE death_record_id IN ("
        + String.join(",", java.util.Collections.nCopies(ids.length, "?")) + ") ORDER BY death_record_id",
        (rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)), (Object[]) ids);
  }

  private List<String> pendingTransitNotifications(long deathRecordId) throws Exception {
    return json("GET", "/transit-card-notifications?size=1000", null).valueStream()
        .filter(notification -> notification.path("deathRecordId").asLong() == deathRecordId)
        .map(notification -> notification.path("kind").asString()).toList();
  }

  /** Reads the dead-letter topic's values (every test's) until they satisfy {@code requirement}. */
  private void awaitDeadLetters(java.util.function.Consumer<List<String>> requirement) {
    Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlt-reader-" + UUID.randomUUID(), false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
        new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(TOPIC + "-dlt"));
      List<String> values = new ArrayList<>();
      await().untilAsserted(() -> {
        KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(1))
            .forEach(record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
        requirement.accept(values);
      });
    }
  }

  private JsonNode json(String method, String path, Object body) throws Exception {
    HttpResponse<String> response = send(method, path, body);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(String method, String path, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + CITY_ADMINISTRATOR).header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
