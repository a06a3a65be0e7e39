package gov.civilaffairs.veterans.death;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.veterans.TestIdNumbers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The veterans' side of the death flow, end to end: entitled persons registered over REST, death events
 * produced onto {@code registry.person.v1} exactly as the registry does (CloudEvents binary mode, payloads
 * checked against the registry's JSON Schemas), each delivered twice, effects read over REST and in the
 * tables. The bureau's clock is fixed at 20 November 2026 (Asia/Shanghai).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.kafka.retry.initial-interval=100ms",
    "veterans.death.one-off-pension.DISABLED_VETERAN=50000.00"})
@ActiveProfiles("test")
@EmbeddedKafka
@Import(TestTokenConfiguration.class)
class DeathFlowIT {

  /** Every call is made by a city administrator, who sees every region. */
  private static final String CITY_ADMINISTRATOR = TestTokens.staff("city-admin", Role.CITY_ADMINISTRATOR, null);


  private static final String TOPIC = "registry.person.v1";
  private static final String DECEASED = "gov.civilaffairs.registry.person-deceased.v1";
  private static final String REVOKED = "gov.civilaffairs.registry.death-record-revoked.v1";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000);

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      // With microseconds: the benefit changes' times must keep them (the benchmark measures latency in ms).
      return Clock.fixed(Instant.parse("2026-11-20T04:00:00.123456Z"), ZoneId.of("Asia/Shanghai"));
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  CloudEventPublisher cloudEvents;
  @Autowired
  KafkaTemplate<String, byte[]> kafka;
  @Autowired
  KafkaAdmin kafkaAdmin;
  @Autowired
  EmbeddedKafkaBroker broker;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  KafkaListenerEndpointRegistry listeners;

  @Test
  void deathInTheMiddleOfAMonthStopsThePensionAfterThatMonthAndGrantsTheFuneralSubsidyOnce() throws Exception {
    String idNumber = register("MARTYR_SURVIVOR", null, null, "1500.00");
    long personId = IDS.incrementAndGet();
    long deathRecordId = IDS.incrementAndGet();
    UUID eventId = deliverTwice(deceased(personId, deathRecordId, idNumber, "2026-05-15"));

    JsonNode person = get("/entitled-persons/" + idNumber);
    assertThat(person.path("status").asString()).isEqualTo("DECEASED");
    assertThat(person.path("dateOfDeath").asString()).isEqualTo("2026-05-15");
    JsonNode pension = person.path("pensions").get(0);
    assertThat(pension.path("status").asString()).isEqualTo("STOPPED");
    assertThat(pension.path("paidThroughMonth").asString()).isEqualTo("2026-05");
    assertThat(pension.path("stoppedByDeathRecordId").asLong()).isEqualTo(deathRecordId);

    JsonNode grants = get("/entitled-persons/" + idNumber + "/grants");
    assertThat(grants.size()).as("delivered twice, granted once").isEqualTo(1);
    assertThat(grants.get(0).path("kind").asString()).isEqualTo("FUNERAL_SUBSIDY");
    assertThat(grants.get(0).path("amount").decimalValue()).isEqualByComparingTo("9000.00");
    assertThat(grants.get(0).path("status").asString()).isEqualTo("DUE");

    JsonNode changes = get("/entitled-persons/" + idNumber + "/benefit-changes");
    assertThat(changeTypes(changes)).containsExactly("PENSION_STOPPED", "GRANTED");
    for (JsonNode change : changes) {
      assertThat(change.path("deathRecordId").asLong()).isEqualTo(deathRecordId);
      assertThat(change.path("eventId").asString()).isEqualTo(eventId.toString());
      assertThat(Instant.parse(change.path("changedAt").asString())).isEqualTo(Instant.parse("2026-11-20T04:00:00.123456Z"));
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(eventId.toString())
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void deathOnTheLastDayOfAMonthCountsInThatMonthAndRevocationBeforePaymentWithdrawsEverything() throws Exception {
    String idNumber = register("DISABLED_VETERAN", 2, "WAR", "3000.00");
    long personId = IDS.incrementAndGet();
    long deathRecordId = IDS.incrementAndGet();
    deliverTwice(deceased(personId, deathRecordId, idNumber, "2026-06-30"));

    assertThat(get("/entitled-persons/" + idNumber).path("pensions").get(0).path("paidThroughMonth").asString())
        .isEqualTo("2026-06");
    Map<String, JsonNode> grants = byKind(get("/entitled-persons/" + idNumber + "/grants"));
    assertThat(grants.get("FUNERAL_SUBSIDY").path("amount").decimalValue()).isEqualByComparingTo("36000.00");
    assertThat(grants.get("ONE_OFF_PENSION").path("amount").decimalValue()).isEqualByComparingTo("50000.00");
    assertThat(openTasksOf(personOf(idNumber))).isEqualTo(1);

    deliverTwice(revoked(personId, deathRecordId));

    JsonNode person = get("/entitled-persons/" + idNumber);
    assertThat(person.path("status").asString()).isEqualTo("LIVING");
    assertThat(person.path("pensions").get(0).path("status").asString()).isEqualTo("ACTIVE");
    grants = byKind(get("/entitled-persons/" + idNumber + "/grants"));
    assertThat(grants.get("FUNERAL_SUBSIDY").path("status").asString()).isEqualTo("WITHDRAWN");
    assertThat(grants.get("ONE_OFF_PENSION").path("status").asString()).isEqualTo("WITHDRAWN");
    assertThat(grants.get("PENSION_ARREARS").path("amount").decimalValue())
        .as("July to November 2026").isEqualByComparingTo("15000.00");
    assertThat(openTasksOf(personOf(idNumber))).isZero();
    assertThat(changeTypes(get("/entitled-persons/" + idNumber + "/benefit-changes"))).containsExactly(
        "PENSION_STOPPED", "GRANTED", "GRANTED", "CASEWORKER_TASK_OPENED",
        "PENSION_RESUMED", "GRANTED", "GRANT_WITHDRAWN", "GRANT_WITHDRAWN", "CASEWORKER_TASK_CLOSED");
  }

  @Test
  void revocationAfterTheFuneralSubsidyWasPaidOpensARecoveryClaimAndAReplayedDeathChangesNothing() throws Exception {
    String idNumber = register("ILLNESS_DEATH_SURVIVOR", null, null, "1200.00");
    long personId = IDS.incrementAndGet();
    long deathRecordId = IDS.incrementAndGet();
    String death = deceased(personId, deathRecordId, idNumber, "2026-08-10");
    UUID deathEventId = deliverTwice(death);
    long grantId = get("/entitled-persons/" + idNumber + "/grants").get(0).path("id").asLong();
    HttpResponse<String> paid = post("/grants/" + grantId + "/payment");
    assertThat(paid.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(paid.body()).path("status").asString()).isEqualTo("PAID");

    deliverTwice(revoked(personId, deathRecordId));
    Map<String, JsonNode> grants = byKind(get("/entitled-persons/" + idNumber + "/grants"));
    assertThat(grants.get("FUNERAL_SUBSIDY").path("status").asString()).isEqualTo("RECOVERY_CLAIM");
    assertThat(grants.get("PENSION_ARREARS").path("amount").decimalValue())
        .as("September to November 2026").isEqualByComparingTo("3600.00");
    assertThat(post("/grants/" + grantId + "/payment").statusCode()).isEqualTo(409);

    // The old death is delivered again, under its own id and as a republication with a new id.
    deliver(deathEventId, personId, DECEASED, death);
    deliver(UUID.randomUUID(), personId, DECEASED, death);
    awaitConsumed();
    JsonNode person = get("/entitled-persons/" + idNumber);
    assertThat(person.path("status").asString()).isEqualTo("LIVING");
    assertThat(person.path("pensions").get(0).path("status").asString()).isEqualTo("ACTIVE");
    assertThat(get("/entitled-persons/" + idNumber + "/grants").size()).isEqualTo(2);
  }

  @Test
  void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextDeathStillApplies() throws Exception {
    String idNumber = register("WAR_PARTICIPANT", null, null, "800.00");
    long personId = IDS.incrementAndGet();
    UUID poisonId = UUID.randomUUID();
    ProducerRecord<String, byte[]> poison = new ProducerRecord<>(TOPIC, String.valueOf(personId),
        "{\"eventId\": \"not json".getBytes(StandardCharsets.UTF_8));
    Map.of("ce_specversion", "1.0", "ce_id", poisonId.toString(), "ce_type", DECEASED, "ce_source", "registry-service",
            "ce_time", "2026-11-01T00:00:00Z", "ce_subject", String.valueOf(personId), "content-type", "application/json")
        .forEach((key, value) -> poison.headers().add(key, value.getBytes(StandardCharsets.UTF_8)));
    kafka.send(poison).get();
    deliverTwice(deceased(personId, IDS.incrementAndGet(), idNumber, "2026-10-31"));

    assertThat(get("/entitled-persons/" + idNumber).path("status").asString()).isEqualTo("DECEASED");
    assertThat(deadLetterIds()).contains(poisonId.toString());
  }

  @Test
  void aPollMixingUnknownPersonsDuplicatesAndARevocationHasTheEffectOfApplyingItsEventsOneByOne() throws Exception {
    String alreadyDead = register("MARTYR_SURVIVOR", null, null, "1500.00");
    long alreadyDeadPerson = IDS.incrementAndGet();
    String earlierPoll = deceased(alreadyDeadPerson, IDS.incrementAndGet(), alreadyDead, "2026-08-02");
    UUID earlierPollId = deliverTwice(earlierPoll);
    String dies = register("MARTYR_SURVIVOR", null, null, "1500.00");
    String diesAndIsRevoked = register("MARTYR_SURVIVOR", null, null, "1500.00");
    String revokedFirst = register("MARTYR_SURVIVOR", null, null, "1500.00");
    long diesPerson = IDS.incrementAndGet();
    long diesAndIsRevokedPerson = IDS.incrementAndGet();
    long revokedFirstPerson = IDS.incrementAndGet();
    long death = IDS.incrementAndGet();
    long secondDeathOfSamePerson = IDS.incrementAndGet();
    long deathThenRevoked = IDS.incrementAndGet();
    long revokedBeforeItsDeath = IDS.incrementAndGet();
    long revokedUnknown = IDS.incrementAndGet();
    List<Long> unknownRecords = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      unknownRecords.add(IDS.incrementAndGet());
      unknown.add(deceased(IDS.incrementAndGet(), unknownRecords.get(i), TestIdNumbers.valid(LocalDate.of(1948, 1, 1)),
          "2026-08-01"));
    }
    String deceased = deceased(diesPerson, death, dies, "2026-08-10");
    String revocation = revoked(diesAndIsRevokedPerson, deathThenRevoked);
    List<String> poll = new ArrayList<>(unknown.subList(0, 10));
    poll.addAll(List.of(earlierPoll, deceased, deceased,
        deceased(diesAndIsRevokedPerson, deathThenRevoked, diesAndIsRevoked, "2026-08-11"),
        revoked(revokedFirstPerson, revokedBeforeItsDeath), revocation,
        deceased(revokedFirstPerson, revokedBeforeItsDeath, revokedFirst, "2026-08-12"),
        deceased(diesPerson, secondDeathOfSamePerson, dies, "2026-08-13"),
        revoked(IDS.incrementAndGet(), revokedUnknown), revocation));
    poll.addAll(unknown.subList(10, 20));

    deliverWhileTheListenerIsStopped(poll);

    assertThat(get("/entitled-persons/" + alreadyDead + "/grants").size())
        .as("an event of an earlier poll is not applied again").isEqualTo(1);
    assertThat(get("/entitled-persons/" + alreadyDead + "/benefit-changes").findValuesAsString("eventId"))
        .containsOnly(earlierPollId.toString());
    JsonNode person = get("/entitled-persons/" + dies);
    assertThat(person.path("status").asString()).isEqualTo("DECEASED");
    assertThat(person.path("dateOfDeath").asString()).isEqualTo("2026-08-10");
    assertThat(get("/entitled-persons/" + dies + "/grants").size())
        .as("the duplicate in the same poll and a second death record change nothing").isEqualTo(1);
    JsonNode changes = get("/entitled-persons/" + dies + "/benefit-changes");
    assertThat(changeTypes(changes)).containsExactly("PENSION_STOPPED", "GRANTED");
    changes.forEach(change -> assertThat(change.path("deathRecordId").asLong()).isEqualTo(death));
    person = get("/entitled-persons/" + diesAndIsRevoked);
    assertThat(person.path("status").asString()).isEqualTo("LIVING");
    assertThat(person.path("pensions").get(0).path("status").asString()).isEqualTo("ACTIVE");
    assertThat(changeTypes(get("/entitled-persons/" + diesAndIsRevoked + "/benefit-changes")))
        .as("stopped, then restored by the revocation later in the same poll")
        .containsExactly("PENSION_STOPPED", "GRANTED", "PENSION_RESUMED", "GRANTED", "GRANT_WITHDRAWN");
    assertThat(get("/entitled-persons/" + revokedFirst).path("status").asString())
        .as("a revocation before its death makes the death never apply").isEqualTo("LIVING");
    assertThat(get("/entitled-persons/" + revokedFirst + "/benefit-changes").size()).isZero();
    assertThat(get("/entitled-persons/" + revokedFirst + "/grants").size()).isZero();
    assertThat(jdbc.sql("""
        SELECT death_record_id, status, entitled_person_id IS NULL FROM death_record
        WHERE death_record_id IN (:ids) ORDER BY death_record_id""")
        .param("ids", List.of(death, secondDeathOfSamePerson, deathThenRevoked, revokedBeforeItsDeath, revokedUnknown))
        .query((rs, row) -> rs.getLong(1) + " " + rs.getString(2) + (rs.getBoolean(3) ? " without person" : ""))
        .list()).containsExactly(death + " APPLIED", deathThenRevoked + " REVOKED",
            revokedBeforeItsDeath + " REVOKED without person", revokedUnknown + " REVOKED without person");
    for (String event : poll) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")
          .param(JSON.readTree(event).path("eventId").asString()).query(Integer.class).single())
          .as("processed once: %s", event).isEqualTo(1);
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM death_record WHERE death_record_id IN (:ids)")
        .param("ids", unknownRecords).query(Integer.class).single())
        .as("a death of nobody registered here leaves no death record").isZero();
  }

  @Test
  void anEventThatCannotBeAppliedInTheMiddleOfAPollIsDeadLetteredAndTheOthersApply() throws Exception {
    String before = register("WAR_PARTICIPANT", null, null, "800.00");
    String broken = register("WAR_PARTICIPANT", null, null, "800.00");
    String after = register("WAR_PARTICIPANT", null, null, "800.00");
    UUID unstorable = UUID.randomUUID();
    long brokenPerson = IDS.incrementAndGet();
    String beyondTheDateColumn = JSON.writeValueAsString(Map.of("eventId", unstorable.toString(),
        "personId", brokenPerson, "deathRecordId", IDS.incrementAndGet(), "nationalIdNumber", broken,
        "dateOfDeath", "+10000-01-01"));
    List<String> poll = List.of(
        deceased(brokenPerson, IDS.incrementAndGet(), TestIdNumbers.valid(LocalDate.of(1948, 1, 1)), "2026-08-01"),
        deceased(brokenPerson, IDS.incrementAndGet(), before, "2026-08-03"),
        beyondTheDateColumn,
        deceased(brokenPerson, IDS.incrementAndGet(), TestIdNumbers.valid(LocalDate.of(1948, 1, 1)), "2026-08-01"),
        deceased(brokenPerson, IDS.incrementAndGet(), after, "2026-08-04"));

    deliverWhileTheListenerIsStopped(poll);

    assertThat(deadLetterIdsUntil(unstorable.toString())).contains(unstorable.toString());
    awaitConsumed();
    assertThat(get("/entitled-persons/" + before).path("status").asString()).isEqualTo("DECEASED");
    assertThat(get("/entitled-persons/" + after).path("status").asString()).isEqualTo("DECEASED");
    assertThat(changeTypes(get("/entitled-persons/" + after + "/benefit-changes"))).contains("PENSION_STOPPED");
    assertThat(get("/entitled-persons/" + broken).path("status").asString()).isEqualTo("LIVING");
    assertThat(get("/entitled-persons/" + broken + "/benefit-changes").size()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(unstorable.toString())
        .query(Integer.class).single()).as("a dead letter changes nothing").isZero();
    for (String event : List.of(poll.get(0), poll.get(3))) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")
          .param(JSON.readTree(event).path("eventId").asString()).query(Integer.class).single()).isEqualTo(1);
    }
  }

  @Test
  void badInputIsAnsweredWithProblemJsonAndChangesNothing() throws Exception {
    HttpResponse<String> invalidId = postJson("/entitled-persons", request(
        "330681195203150010", "DEMOBILISED_VETERAN", null, null, "500.00"));
    assertThat(invalidId.statusCode()).isEqualTo(400);
    assertThat(invalidId.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));

    String idNumber = TestIdNumbers.valid(LocalDate.of(1950, 1, 1));
    HttpResponse<String> noGrade = postJson("/entitled-persons", request(idNumber, "DISABLED_VETERAN", null, null, "900.00"));
    assertThat(noGrade.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(noGrade.body()).path("code").asString()).isEqualTo("disability-details");
    assertThat(HTTP.send(authorized(uri("/entitled-persons/" + idNumber)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  // --- fixtures -------------------------------------------------------------------------------------

  private String register(String category, Integer grade, String cause, String amount) throws Exception {
    String idNumber = TestIdNumbers.valid(LocalDate.of(1952, 3, 15));
    HttpResponse<String> response = postJson("/entitled-persons", request(idNumber, category, grade, cause, amount));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return idNumber;
  }

  private static String request(String idNumber, String category, Integer grade, String cause, String amount) {
    Map<String, Object> body = new HashMap<>(Map.of("nationalIdNumber", idNumber, "name", "王𠮷国",
        "category", category, "regionCode", "330681", "monthlyAmount", amount, "startMonth", "2020-01"));
    if (grade != null) {
      body.put("disabilityGrade", grade);
      body.put("disabilityCause", cause);
    }
    return JSON.writeValueAsString(body);
  }

  private String deceased(long personId, long deathRecordId, String idNumber, String dateOfDeath) {
    return valid("registry.person-deceased.v1.schema.json", JSON.writeValueAsString(Map.of(
        "eventId", UUID.randomUUID().toString(), "personId", personId, "deathRecordId", deathRecordId,
        "nationalIdNumber", idNumber, "name", "王𠮷国", "dateOfDeath", dateOfDeath, "source", "HUKOU_CANCELLATION",
        "confirmedAt", "2026-11-01T02:00:00Z", "someFutureField", "ignored")));
  }

  private String revoked(long personId, long deathRecordId) {
    return valid("registry.death-record-revoked.v1.schema.json", JSON.writeValueAsString(Map.of(
        "eventId", UUID.randomUUID().toString(), "personId", personId, "deathRecordId", deathRecordId,
        "reason", "wrong person", "revokedAt", "2026-11-10T02:00:00Z")));
  }

  /** Checks a fixture against the producer's schema in contracts/events of this repository. */
  private static String valid(String schemaFile, String payload) {
    Path schema = Path.of("..", "contracts", "events", schemaFile);
    try (InputStream in = Files.newInputStream(schema)) {
      assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in)
          .validate(payload, InputFormat.JSON)).as(schemaFile).isEmpty();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return payload;
  }

  /** Produces the event twice, as an at-least-once producer may, and waits until both are consumed. */
  private UUID deliverTwice(String payload) throws Exception {
    JsonNode data = JSON.readTree(payload);
    UUID eventId = UUID.fromString(data.path("eventId").asString());
    String type = data.has("revokedAt") ? REVOKED : DECEASED;
    deliver(eventId, data.path("personId").asLong(), type, payload);
    deliver(eventId, data.path("personId").asLong(), type, payload);
    awaitConsumed();
    return eventId;
  }

  private void deliver(UUID eventId, long personId, String type, String payload) throws Exception {
    cloudEvents.publish(TOPIC, new EventEnvelope(eventId, type, String.valueOf(personId),
        Instant.parse("2026-11-01T02:00:00Z"), payload)).get();
  }

  /**
   * Produces the events (their type read from the payload, key the payload's person) while the listener is
   * stopped, then starts it, so that each partition's records come in one poll; waits until all are consumed.
   */
  private void deliverWhileTheListenerIsStopped(List<String> payloads) throws Exception {
    var container = listeners.getListenerContainer(RegistryPersonListener.LISTENER_ID);
    container.stop();
    try {
      for (String payload : payloads) {
        JsonNode data = JSON.readTree(payload);
        deliver(UUID.fromString(data.path("eventId").asString()), data.path("personId").asLong(),
            data.has("deathRecordId") && !data.has("dateOfDeath") ? REVOKED : DECEASED, payload);
      }
    } finally {
      container.start();
    }
    awaitConsumed();
  }

  /** Waits until the service's consumer group has committed every record of the topic. */
  private void awaitConsumed() throws Exception {
    try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (true) {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("veterans-service")
            .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(TOPIC)).allTopicNames().get()
            .get(TOPIC).partitions().stream()
            .collect(Collectors.toMap(partition -> new TopicPartition(TOPIC, partition.partition()),
                partition -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        boolean done = ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
            || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset()));
        if (done) {
          return;
        }
        assertThat(System.nanoTime()).as("consumer caught up within 30 s").isLessThan(deadline);
        Thread.sleep(100);
      }
    }
  }

  private List<String> deadLetterIds() {
    return deadLetterIdsUntil(null);
  }

  /** The ce_ids on the dead-letter topic, read until {@code expected} is among them (any, if null), at most 20 s. */
  private List<String> deadLetterIdsUntil(String expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> ids = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(TOPIC + "-dlt"));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while ((expected == null ? ids.isEmpty() : !ids.contains(expected)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          ids.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
        }
      }
    }
    return ids;
  }

  private long personOf(String idNumber) throws Exception {
    return get("/entitled-persons/" + idNumber).path("id").asLong();
  }

  private long openTasksOf(long personId) throws Exception {
    long count = 0;
    for (JsonNode task : get("/caseworker-tasks?status=OPEN&limit=500")) {
      if (task.path("entitledPersonId").asLong() == personId) {
        assertThat(task.path("kind").asString()).isEqualTo("SURVIVOR_PENSION_REVIEW");
        count++;
      }
    }
    return count;
  }

  private static List<String> changeTypes(JsonNode changes) {
    List<String> types = new ArrayList<>();
    changes.forEach(change -> types.add(change.path("changeType").asString()));
    return types;
  }

  private static Map<String, JsonNode> byKind(JsonNode grants) {
    Map<String, JsonNode> byKind = new HashMap<>();
    grants.forEach(grant -> byKind.put(grant.path("kind").asString(), grant));
    return byKind;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = HTTP.send(authorized(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String path) throws Exception {
    return HTTP.send(authorized(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(String path, String body) throws Exception {
    return HTTP.send(authorized(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder authorized(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + CITY_ADMINISTRATOR);
  }
}
