package gov.civilaffairs.registry.death;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import gov.civilaffairs.registry.RegistryIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The death rule over REST, asserted on the database and on the topic (DOMAIN.md, the death rule; issue 4). */
class DeathRegistrationIT extends RegistryIntegrationTest {

  private static final Duration EVENT_WAIT = Duration.ofSeconds(15);
  private static final Duration SILENCE = Duration.ofSeconds(3);

  @Test
  void policeReportConfirmsAtOncePublishesOneCloudEventAndMarksThePersonDeceased() throws Exception {
    String idNumber = newIdNumber();
    long personId = createPerson(idNumber, "王𠮷");

    HttpResponse<String> response = reportDeath(idNumber, "王𠮷", "HUKOU_CANCELLATION", "PSB-" + idNumber, "2025-06-01");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = json(response);
    assertThat(body.path("outcome").asString()).isEqualTo("ACCEPTED");
    assertThat(body.at("/deathRecord/status").asString()).isEqualTo("CONFIRMED");
    long recordId = body.at("/deathRecord/id").asLong();
    assertThat(json(get("/persons/" + personId)).path("status").asString()).isEqualTo("DECEASED");

    List<ConsumerRecord<String, String>> events = eventsOf(personId, 1, EVENT_WAIT);
    assertThat(events).hasSize(1);
    ConsumerRecord<String, String> event = events.get(0);
    JsonNode payload = JSON.readTree(event.value());
    assertThat(header(event, "ce_type")).isEqualTo("gov.civilaffairs.registry.person-deceased.v1");
    assertThat(header(event, "ce_source")).isEqualTo("registry-service");
    assertThat(header(event, "ce_subject")).isEqualTo(String.valueOf(personId));
    assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(event, "ce_id")).isEqualTo(payload.path("eventId").asString()).hasSize(36);
    assertThat(Instant.parse(header(event, "ce_time"))).as("ce_time is confirmedAt")
        .isEqualTo(Instant.parse(payload.path("confirmedAt").asString()));
    assertThat(header(event, "content-type")).isEqualTo("application/json");
    assertThat(event.headers().toArray()).extracting(h -> h.key())
        .doesNotContain("__TypeId__", "spring_json_header_types");
    assertThat(payload.path("personId").asLong()).isEqualTo(personId);
    assertThat(payload.path("deathRecordId").asLong()).isEqualTo(recordId);
    assertThat(payload.path("nationalIdNumber").asString()).isEqualTo(idNumber);
    assertThat(payload.path("name").asString()).isEqualTo("王𠮷");
    assertThat(payload.path("dateOfDeath").asString()).isEqualTo("2025-06-01");
    assertThat(payload.path("source").asString()).isEqualTo("HUKOU_CANCELLATION");
    assertThat(schemaErrors("registry.person-deceased.v1.schema.json", event.value())).isEmpty();
  }

  @Test
  void theSameReportTwiceIsOneDeathAndOneEvent() throws Exception {
    String idNumber = newIdNumber();
    long personId = createPerson(idNumber, "李四");

    HttpResponse<String> first = reportDeath(idNumber, "李四", "MEDICAL_CERTIFICATE", "MED-" + idNumber, "2025-05-02");
    HttpResponse<String> second = reportDeath(idNumber, "李四", "MEDICAL_CERTIFICATE", "MED-" + idNumber, "2025-05-02");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(json(second).path("outcome").asString()).isEqualTo("DUPLICATE");
    assertThat(json(second).at("/deathRecord/id").asLong()).isEqualTo(json(first).at("/deathRecord/id").asLong());
    assertThat(eventsOf(personId, 2, SILENCE)).hasSize(1);
  }

  @Test
  void aSecondSourceIsAttachedToTheSameRecordAndNotPublishedAgain() throws Exception {
    String idNumber = newIdNumber();
    long personId = createPerson(idNumber, "赵六");
    long recordId = json(reportDeath(idNumber, "赵六", "HUKOU_CANCELLATION", "PSB-" + idNumber, "2025-04-03"))
        .at("/deathRecord/id").asLong();

    HttpResponse<String> second = reportDeath(idNumber, "赵 六", "CREMATION", "CRE-" + idNumber, "2025-04-03");

    assertThat(second.statusCode()).isEqualTo(201);
    assertThat(json(second).path("outcome").asString()).isEqualTo("ACCEPTED");
    JsonNode record = json(get("/deaths/" + recordId));
    assertThat(record.path("sources").findValuesAsString("source")).containsExactly("HUKOU_CANCELLATION", "CREMATION");
    assertThat(record.path("history").findValuesAsString("action")).containsExactly("RECEIVED", "CONFIRMED", "SOURCE_ATTACHED");
    assertThat(eventsOf(personId, 2, SILENCE)).hasSize(1);
  }

  @Test
  void aPersonInARegionThatDoesNotExistIsRefusedAndNotIndexed() throws Exception {
    String idNumber = newIdNumber();

    HttpResponse<String> refused = post("/persons", Map.of("nationalIdNumber", idNumber, "name", "王一",
        "regionCode", "999999999999"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(json(refused).path("code").asString()).isEqualTo("unknown-region");
    assertThat(get("/persons?nationalIdNumber=" + idNumber).statusCode()).isEqualTo(404);
  }

  @Test
  void aSourceReferenceReusedForAnotherPersonIsAConflictThatRevealsNothing() throws Exception {
    String first = newIdNumber();
    String reference = "PSB-R-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    createPerson(first, "郑一");
    assertThat(json(reportDeath(first, "郑一", "HUKOU_CANCELLATION", reference, "2025-03-01"))
        .path("outcome").asString()).isEqualTo("ACCEPTED");
    String second = newIdNumber();
    long secondPerson = createPerson(second, "郑二");

    HttpResponse<String> reused = reportDeath(second, "郑二", "HUKOU_CANCELLATION", reference, "2025-03-02");

    assertThat(reused.statusCode()).as(reused.body()).isEqualTo(409);
    assertThat(json(reused).path("code").asString()).isEqualTo("source-reference-conflict");
    assertThat(reused.body()).doesNotContain("郑一").doesNotContain(first);
    assertThat(json(get("/persons/" + secondPerson)).path("status").asString()).isEqualTo("LIVING");
    assertThat(eventsOf(secondPerson, 1, SILENCE)).isEmpty();
  }

  @Test
  void aCaseworkerEntryWaitsForASecondSource() throws Exception {
    String idNumber = newIdNumber();
    long personId = createPerson(idNumber, "钱七");

    HttpResponse<String> caseworker = reportDeath(idNumber, "钱七", "CASEWORKER", "CW-" + idNumber, "2025-03-04");
    assertThat(json(caseworker).path("outcome").asString()).isEqualTo("HELD_FOR_REVIEW");
    assertThat(json(caseworker).at("/deathRecord/holdReason").asString()).isEqualTo("AWAITING_SECOND_SOURCE");
    assertThat(eventsOf(personId, 1, SILENCE)).isEmpty();

    HttpResponse<String> police = reportDeath(idNumber, "钱七", "HUKOU_CANCELLATION", "PSB-" + idNumber, "2025-03-04");
    assertThat(json(police).path("outcome").asString()).isEqualTo("ACCEPTED");
    assertThat(json(police).at("/deathRecord/id").asLong()).isEqualTo(json(caseworker).at("/deathRecord/id").asLong());
    assertThat(eventsOf(personId, 1, EVENT_WAIT)).hasSize(1);
    assertThat(JSON.readTree(eventsOf(personId, 1, EVENT_WAIT).get(0).value()).path("source").asString())
        .isEqualTo("HUKOU_CANCELLATION");
  }

  @Test
  void aCaseworkerEntryIsConfirmedByASupervisor() throws Exception {
    String idNumber = newIdNumber();
    long personId = createPerson(idNumber, "孙八");
    long recordId = json(reportDeath(idNumber, "孙八", "CASEWORKER", "CW-" + idNumber, "2025-03-05"))
        .at("/deathRecord/id").asLong();
    assertThat(json(get("/deaths/review-queue?size=200")).path("items").findValuesAsString("nationalIdNumber"))
        .contains(idNumber);

    HttpResponse<String> confirmed = post(SUPERVISOR, "/deaths/" + recordId + "/confirmation",
        Map.of("supervisor", "sup-1", "reason", "村委会证明与火化证明核对一致"));

    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    assertThat(json(confirmed).path("status").asString()).isEqualTo("CONFIRMED");
    assertThat(json(confirmed).path("history").findValuesAsString("actor"))
        .as("the supervisor is the caller, not a value of the body").contains("zhuji-officer").doesNotContain("sup-1");
    assertThat(json(confirmed).path("history").findValuesAsString("note"))
        .as("the supervisor's reason is kept with the confirmation").contains("村委会证明与火化证明核对一致");
    assertThat(eventsOf(personId, 1, EVENT_WAIT)).hasSize(1);
  }

  @Test
  void aNameMismatchIsHeldAndNeverPublishedUntilRejected() throws Exception {
    String idNumber = newIdNumber();
    long personId = createPerson(idNumber, "周九");

    HttpResponse<String> response = reportDeath(idNumber, "周久", "HUKOU_CANCELLATION", "PSB-" + idNumber, "2025-02-06");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(json(response).path("outcome").asString()).isEqualTo("HELD_FOR_REVIEW");
    assertThat(json(response).at("/deathRecord/holdReason").asString()).isEqualTo("NAME_MISMATCH");
    assertThat(json(get("/persons/" + personId)).path("status").asString()).isEqualTo("LIVING");
    long recordId = json(response).at("/deathRecord/id").asLong();
    HttpResponse<String> rejected = post(SUPERVISOR, "/deaths/" + recordId + "/rejection",
        Map.of("supervisor", "sup-2", "reason", "Another person of the same ID number on the police list."));
    assertThat(json(rejected).path("status").asString()).isEqualTo("REJECTED");
    assertThat(eventsOf(personId, 1, SILENCE)).isEmpty();
  }

  @Test
  void namesAreComparedAfterNormalisation() throws Exception {
    String idNumber = newIdNumber();
    createPerson(idNumber, "阿依古丽·买买提");

    HttpResponse<String> response = reportDeath(idNumber, "　阿依古丽•买买提 ", "MEDICAL_CERTIFICATE", "MED-" + idNumber,
        "2025-02-07");

    assertThat(json(response).path("outcome").asString()).isEqualTo("ACCEPTED");
  }

  @Test
  void anInvalidIdNumberIsRejectedWithTheReasonAndNothingIsWritten() throws Exception {
    String valid = newIdNumber();
    String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');

    HttpResponse<String> response = reportDeath(wrongCheck, "吴十", "HUKOU_CANCELLATION", "PSB-" + wrongCheck, "2025-01-08");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).path("code").asString()).isEqualTo("validation-failed");
    assertThat(json(response).at("/errors/0/field").asString()).isEqualTo("nationalIdNumber");
    assertThat(json(response).at("/errors/0/message").asString()).isEqualTo("check character should be " + valid.charAt(17));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM death_record_source WHERE source_reference = ?", Integer.class,
        "PSB-" + wrongCheck)).isZero();
  }

  @Test
  void aLowercaseXIsNormalised() throws Exception {
    String idNumber = java.util.stream.Stream.generate(this::newIdNumber).filter(n -> n.endsWith("X")).findFirst().orElseThrow();
    long personId = createPerson(idNumber.toLowerCase(), "郑十一");

    assertThat(json(get("/persons/" + personId)).path("nationalIdNumber").asString()).isEqualTo(idNumber);
    assertThat(json(get("/persons?nationalIdNumber=" + idNumber.toLowerCase())).path("id").asLong()).isEqualTo(personId);
  }

  @Test
  void aDeathAfterTodayIsRejected() throws Exception {
    String idNumber = newIdNumber();
    createPerson(idNumber, "冯十二");

    HttpResponse<String> response = reportDeath(idNumber, "冯十二", "HUKOU_CANCELLATION", "PSB-" + idNumber,
        java.time.LocalDate.now().plusDays(2).toString());

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).path("code").asString()).isEqualTo("death-in-future");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM death_record WHERE national_id_number = ?", Integer.class,
        idNumber)).isZero();
  }

  @Test
  void aDeathAt2330ShanghaiOnThe30thOfJuneIsAJuneDeath() throws Exception {
    String idNumber = newIdNumber();
    long personId = createPerson(idNumber, "陈十三");

    HttpResponse<String> response = post(reporterOf("MEDICAL_CERTIFICATE"), "/deaths", Map.of("nationalIdNumber", idNumber, "name", "陈十三",
        "timeOfDeath", "2025-06-30T15:30:00Z", "source", "MEDICAL_CERTIFICATE", "sourceReference", "MED-" + idNumber));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(json(response).at("/deathRecord/dateOfDeath").asString()).isEqualTo("2025-06-30");
    assertThat(JSON.readTree(eventsOf(personId, 1, EVENT_WAIT).get(0).value()).path("dateOfDeath").asString())
        .isEqualTo("2025-06-30");
  }

  @Test
  void revokingAConfirmedDeathRestoresThePersonAndPublishesDeathRecordRevoked() throws Exception {
    String idNumber = newIdNumber();
    long personId = createPerson(idNumber, "褚十四");
    long recordId = json(reportDeath(idNumber, "褚十四", "COURT_DECLARATION", "CRT-" + idNumber, "2024-12-09"))
        .at("/deathRecord/id").asLong();

    HttpResponse<String> revoked = post(SUPERVISOR, "/deaths/" + recordId + "/revocation",
        Map.of("supervisor", "sup-3", "reason", "The court annulled the declaration of death."));

    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertThat(json(revoked).path("status").asString()).isEqualTo("REVOKED");
    assertThat(json(get("/persons/" + personId)).path("status").asString()).isEqualTo("LIVING");
    List<ConsumerRecord<String, String>> events = eventsOf(personId, 2, EVENT_WAIT);
    assertThat(events).extracting(e -> header(e, "ce_type")).containsExactly(
        "gov.civilaffairs.registry.person-deceased.v1", "gov.civilaffairs.registry.death-record-revoked.v1");
    JsonNode payload = JSON.readTree(events.get(1).value());
    assertThat(payload.path("deathRecordId").asLong()).isEqualTo(recordId);
    assertThat(payload.path("reason").asString()).isEqualTo("The court annulled the declaration of death.");
    assertThat(schemaErrors("registry.death-record-revoked.v1.schema.json", events.get(1).value())).isEmpty();
  }

  /** Validates a payload against its contract in contracts/events (JSON Schema draft 2020-12). */
  static List<Error> schemaErrors(String schemaFile, String payload) throws Exception {
    try (InputStream in = java.nio.file.Files.newInputStream(
        java.nio.file.Path.of("..", "contracts", "events", schemaFile))) {
      Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
      return schema.validate(payload, InputFormat.JSON);
    }
  }
}
