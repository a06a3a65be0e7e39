package gov.civilaffairs.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.context.TestPropertySource;

/**
 * The audit trail against the real database and an embedded broker, through a stand-in service
 * ({@link AuditTestApplication}) whose endpoints are {@link Audited}, called with real tokens so that
 * the actor comes from the platform's JWT-based resolver. Each test uses its own ID numbers, so
 * entries of other tests do not disturb its counts.
 */
@SpringBootTest(classes = AuditTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:audit-test.properties")
@EmbeddedKafka(partitions = 1)
@Import(TestTokenConfiguration.class)
class AuditTrailIT {

  private static final String CASEWORKER = TestTokens.staff("li.na", Role.TOWNSHIP_CASEWORKER, "330681001");
  private static final String COUNTY_OFFICER = TestTokens.staff("zhao.lei", Role.COUNTY_OFFICER, "330681");
  private static final String AUDITOR = TestTokens.staff("auditor.chen", Role.AUDITOR, null);

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  AuditTrail trail;

  @Autowired
  EmbeddedKafkaBroker broker;

  @AfterEach
  void clearCaller() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aReadThroughAnAuditedEndpointWritesExactlyOneEntryWithAllFields() throws Exception {
    jdbc.update("INSERT INTO test_person (id_number, name) VALUES ('330681198001011232', '王𠮷')");
    Instant before = Instant.now().minusMillis(1);

    HttpResponse<String> response = send(CASEWORKER, "GET", "/test-persons/330681198001011232", null);

    assertThat(response.statusCode()).isEqualTo(200);
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT * FROM audit_entry WHERE person_reference = '330681********1232'");
    assertThat(rows).hasSize(1);
    Map<String, Object> row = rows.get(0);
    assertThat(row).containsEntry("actor_id", "li.na").containsEntry("actor_kind", "USER")
        .containsEntry("actor_roles", "TOWNSHIP_CASEWORKER").containsEntry("region_code", "330681001")
        .containsEntry("action", "READ").containsEntry("object_type", "person")
        .containsEntry("object_id", "330681********1232").containsEntry("outcome", "SUCCESS")
        .containsEntry("service_name", "audit-test-service")
        .containsEntry("correlation_id", response.headers().firstValue("X-Correlation-Id").orElseThrow());
    Instant occurredAt = jdbc.queryForObject("SELECT occurred_at FROM audit_entry WHERE id = ?",
        java.sql.Timestamp.class, row.get("id")).toInstant();
    assertThat(occurredAt).isBetween(before, Instant.now());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE object_id = '330681198001011232'"
        + " OR person_reference = '330681198001011232'", Integer.class)).as("raw ID number stored").isZero();
  }

  @Test
  void aReadOfAMissingRecordIsRecordedAsNotFound() throws Exception {
    HttpResponse<String> response = send(CASEWORKER, "GET", "/test-persons/330681199002024566", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(jdbc.queryForList("SELECT outcome FROM audit_entry WHERE person_reference = '330681********4566'",
        String.class)).containsExactly("NOT_FOUND");
  }

  @Test
  void anEntryCannotBeUpdatedOrDeletedEvenByTheServicesOwnDatabaseUser() {
    long id = trail.record(AuditAction.READ, new AuditObject("household", "9", null), AuditOutcome.SUCCESS).id();

    assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET outcome = 'DENIED' WHERE id = ?", id))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE id = ?", id))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThat(jdbc.queryForObject("SELECT outcome FROM audit_entry WHERE id = ?", String.class, id))
        .isEqualTo("SUCCESS");
  }

  @Test
  void whenTheAuditStoreFailsTheRequestFailsWith503AndNothingIsCommitted() throws Exception {
    jdbc.execute("RENAME TABLE audit_entry TO audit_entry_offline");
    HttpResponse<String> create;
    HttpResponse<String> read;
    try {
      create = send(CASEWORKER, "POST", "/test-persons", "{\"idNumber\":\"330681197512317896\",\"name\":\"张三\"}");
      read = send(CASEWORKER, "GET", "/test-persons/330681197512317896", null);
    } finally {
      jdbc.execute("RENAME TABLE audit_entry_offline TO audit_entry");
    }

    for (HttpResponse<String> response : List.of(create, read)) {
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("audit-unavailable");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM test_person WHERE id_number = '330681197512317896'",
        Integer.class)).as("person committed without audit").isZero();
  }

  @Test
  void theRelayShipsEntriesToTheAuditTopicWithCloudEventsHeadersAndAdvancesTheCursor() {
    actAs(CASEWORKER);
    AuditEntry entry = trail.record(AuditAction.EXPORT, new AuditObject("payment-roll", "2026-11", "P-42"),
        AuditOutcome.SUCCESS);

    try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
        KafkaTestUtils.consumerProps(broker, "audit-it", false), new StringDeserializer(), new ByteArrayDeserializer())
        .createConsumer()) {
      consumer.subscribe(List.of("platform.audit.v1"));
      ConsumerRecord<String, byte[]> shipped = await().atMost(Duration.ofSeconds(20)).until(
          () -> findRecord(consumer, Long.toString(entry.id())), record -> record != null);

      assertThat(shipped.key()).isEqualTo("audit-test-service");
      assertThat(header(shipped, "ce_type")).isEqualTo("gov.civilaffairs.platform.audit-entry.v1");
      assertThat(header(shipped, "ce_source")).isEqualTo("audit-test-service");
      assertThat(header(shipped, "ce_id")).matches("[0-9a-f-]{36}");
      assertThat(Instant.parse(header(shipped, "ce_time"))).isEqualTo(entry.occurredAt());
      assertThat(header(shipped, "content-type")).isEqualTo("application/json");
      JsonNode body = JSON.readTree(shipped.value());
      assertThat(body.path("id").asLong()).isEqualTo(entry.id());
      assertThat(body.path("action").asString()).isEqualTo("EXPORT");
      assertThat(body.path("personReference").asString()).isEqualTo("P-42");
      assertThat(body.path("actorRoles").get(0).asString()).isEqualTo("TOWNSHIP_CASEWORKER");
    }
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        jdbc.queryForObject("SELECT last_shipped_id FROM audit_shipping_cursor", Long.class))
        .isGreaterThanOrEqualTo(entry.id()));
  }

  @Test
  void theAuditorQueriesByPersonActorAndTime() throws Exception {
    Instant start = Instant.now().minusMillis(1);
    actAs(CASEWORKER);
    trail.record(AuditAction.READ, new AuditObject("household", "1", "440304200002293573"), AuditOutcome.SUCCESS);
    actAs(COUNTY_OFFICER);
    trail.record(AuditAction.UPDATE, new AuditObject("household", "1", "440304200002293573"), AuditOutcome.SUCCESS);
    trail.record(AuditAction.READ, new AuditObject("household", "2", "P-other"), AuditOutcome.SUCCESS);
    Instant end = Instant.now().plusMillis(1);
    SecurityContextHolder.clearContext();

    JsonNode byPerson = query("/audit-entries?person=440304200002293573&objectType=household");
    assertThat(byPerson.path("entries")).hasSize(2);
    assertThat(byPerson.path("entries").get(0).path("action").asString()).as("newest first").isEqualTo("UPDATE");
    assertThat(byPerson.path("entries").get(0).path("personReference").asString()).isEqualTo("440304********3573");

    JsonNode byActorAndTime = query("/audit-entries?actor=zhao.lei&from=" + start + "&to=" + end);
    assertThat(byActorAndTime.path("entries").valueStream().map(e -> e.path("objectId").asString()))
        .containsExactly("2", "1");
    assertThat(query("/audit-entries?actor=zhao.lei&to=" + start).path("entries")).isEmpty();

    JsonNode firstPage = query("/audit-entries?actor=zhao.lei&size=1");
    assertThat(firstPage.path("entries")).hasSize(1);
    assertThat(firstPage.path("hasNext").asBoolean()).isTrue();

    HttpResponse<String> tooLarge = send(AUDITOR, "GET", "/audit-entries?size=101", null);
    assertThat(tooLarge.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(tooLarge.body()).path("errors").get(0).path("field").asString()).isEqualTo("size");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE actor_id = 'auditor.chen'"
        + " AND object_type = 'audit-entry'", Integer.class)).as("the auditor's queries are audited").isEqualTo(5);
  }

  @Test
  void onlyAuditorsAndMachineClientsWithAuditReadMayQueryTheTrail() throws Exception {
    HttpResponse<String> caseworker = send(CASEWORKER, "GET", "/audit-entries", null);
    assertThat(caseworker.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(caseworker.body()).path("code").asString()).isEqualTo("forbidden");
    assertThat(send(TestTokens.client("police", "deaths:write"), "GET", "/audit-entries", null).statusCode())
        .isEqualTo(403);
    assertThat(send(null, "GET", "/audit-entries", null).statusCode()).isEqualTo(401);

    HttpResponse<String> centralStore = send(TestTokens.client("audit-store", "audit:read"), "GET",
        "/audit-entries?actor=audit-store", null);

    assertThat(centralStore.statusCode()).isEqualTo(200);
    Map<String, Object> entry = jdbc.queryForMap("SELECT actor_kind, actor_roles, region_code FROM audit_entry"
        + " WHERE actor_id = 'audit-store' AND object_type = 'audit-entry'");
    assertThat(entry).containsEntry("actor_kind", "CLIENT").containsEntry("actor_roles", "EXTERNAL_SYSTEM")
        .containsEntry("region_code", null);
  }

  private JsonNode query(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send(AUDITOR, "GET", path, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The actor of direct {@link AuditTrail#record} calls in this thread, as a request would set it. */
  private static void actAs(String token) {
    SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(TestTokens.decoder().decode(token)));
  }

  private HttpResponse<String> send(String token, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static ConsumerRecord<String, byte[]> findRecord(Consumer<String, byte[]> consumer, String subject) {
    for (ConsumerRecord<String, byte[]> record : KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500))) {
      if (subject.equals(header(record, "ce_subject"))) {
        return record;
      }
    }
    return null;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
