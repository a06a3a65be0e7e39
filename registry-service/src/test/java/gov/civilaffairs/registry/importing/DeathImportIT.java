package gov.civilaffairs.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.registry.RegistryIntegrationTest;
import gov.civilaffairs.registry.TestIdNumbers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The daily death feed: good and bad rows in one file, each with its own result (issue 4). */
class DeathImportIT extends RegistryIntegrationTest {

  /** The daily feed's sender; it may report every source (registry.death-sources). */
  private static final String DATA_SHARING_PLATFORM = TestTokens.client("data-sharing-platform", "deaths:write");
  private static final String FUNERAL_HOME = TestTokens.client("funeral-home", "deaths:write");

  @Test
  void aFeedWithGoodAndBadRowsReportsEachRowAndAppliesTheGoodOnes() throws Exception {
    String police = newIdNumber();
    String duplicate = newIdNumber();
    String mismatch = newIdNumber();
    String future = newIdNumber();
    String lowercaseX = java.util.stream.Stream.generate(this::newIdNumber).filter(n -> n.endsWith("X")).findFirst().orElseThrow();
    String wrongCheck = newIdNumber();
    long policePerson = createPerson(police, "张一");
    createPerson(duplicate, "张二");
    createPerson(mismatch, "张三");
    createPerson(future, "张四");
    createPerson(lowercaseX, "张五");
    String csv = String.join("\n",
        "national_id_number,name,date_of_death,source,source_reference,time_of_death",
        police + ",张一,2025-06-01,HUKOU_CANCELLATION,F-" + police + ",",
        duplicate + ",张二,2025-06-02,CREMATION,F-" + duplicate + ",",
        duplicate + ",张二,2025-06-02,CREMATION,F-" + duplicate + ",",
        mismatch + ",李三,2025-06-03,MEDICAL_CERTIFICATE,F-" + mismatch + ",",
        future + ",张四," + LocalDate.now().plusDays(3) + ",HUKOU_CANCELLATION,F-" + future + ",",
        lowercaseX.toLowerCase() + ",张五,,HUKOU_CANCELLATION,F-" + lowercaseX + ",2025-06-30T23:30:00+08:00",
        wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0') + ",张六,2025-06-04,HUKOU_CANCELLATION,F-x,",
        police + ",张一,2025-06-01,NOT_A_SOURCE,F-y,");

    HttpResponse<String> response = send(DATA_SHARING_PLATFORM, "/imports", "text/csv", csv);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    long importId = json(response).path("id").asLong();
    JsonNode report = json(get("/imports/" + importId));
    assertThat(report.path("rowCount").asInt()).isEqualTo(8);
    assertThat(report.at("/counts/ACCEPTED").asLong()).isEqualTo(3);
    assertThat(report.at("/counts/DUPLICATE").asLong()).isEqualTo(1);
    assertThat(report.at("/counts/HELD_FOR_REVIEW").asLong()).isEqualTo(1);
    assertThat(report.at("/counts/REJECTED").asLong()).isEqualTo(3);
    assertThat(report.path("rows").findValuesAsString("outcome")).containsExactly("ACCEPTED", "ACCEPTED", "DUPLICATE",
        "HELD_FOR_REVIEW", "REJECTED", "ACCEPTED", "REJECTED", "REJECTED");
    assertThat(report.at("/rows/4/reason").asString()).contains("after today");
    assertThat(report.at("/rows/6/reason").asString()).contains("check character");
    assertThat(report.at("/rows/7/reason").asString()).contains("source must be one of");
    assertThat(json(get("/deaths/" + report.at("/rows/5/deathRecordId").asLong())).path("dateOfDeath").asString())
        .isEqualTo("2025-06-30");
    assertThat(eventsOf(policePerson, 1, Duration.ofSeconds(15))).hasSize(1);
    List<String> changed = new ArrayList<>();
    for (int row : new int[] {0, 1, 3, 5}) {
      changed.add(String.valueOf(report.at("/rows/" + row + "/deathRecordId").asLong()));
    }
    assertThat(jdbc.queryForList("SELECT object_id FROM audit_entry WHERE object_type = 'death-record' AND action = "
            + "'CREATE' AND actor_id = 'data-sharing-platform' AND object_id IN (" + String.join(",", changed) + ")",
        String.class)).as("one audit entry per death record the feed created (accepted or held), none for the "
            + "duplicate and the rejected rows").containsExactlyInAnyOrderElementsOf(changed);
    assertThat(jdbc.queryForList("SELECT person_reference FROM audit_entry WHERE object_type = 'death-record' AND "
        + "object_id = ?", String.class, changed.get(0))).containsExactly(police.substring(0, 6) + "********"
        + police.substring(14));
  }

  /**
   * Two feeds naming the same persons at once (the police's cancellations and the funeral homes'
   * cremation records, in opposite orders): before, InnoDB deadlocked on INSERT INTO death_record and
   * one import answered 500. Now both complete; each person has one record with both sources, is
   * confirmed once and has one person-deceased publication in the outbox.
   */
  @Test
  void twoConcurrentFeedsOfTheSamePersonsBothCompleteAndEachDeathIsConfirmedOnce() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String id = TestIdNumbers.valid(LocalDate.of(1931, 1, 1).plusDays(i));
      createPerson(id, "赵某");
      ids.add(id);
    }
    List<String> reversed = new ArrayList<>(ids);
    Collections.reverse(reversed);
    Long eventsBefore = personDeceasedPublications();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<HttpResponse<String>> police = pool.submit(() -> send(POLICE, "/imports", "text/csv", feed(ids, "HUKOU_CANCELLATION", "P-")));
      Future<HttpResponse<String>> cremation = pool.submit(() -> send(FUNERAL_HOME, "/imports", "text/csv", feed(reversed, "CREMATION", "C-")));
      for (HttpResponse<String> response : List.of(police.get(), cremation.get())) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode report = json(get("/imports/" + json(response).path("id").asLong()));
        assertThat(report.at("/counts/ACCEPTED").asLong()).as(report.toString()).isEqualTo(120);
      }
    } finally {
      pool.shutdown();
    }
    String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    assertThat(jdbc.queryForList("SELECT COUNT(*) FROM death_record WHERE national_id_number IN (" + in
        + ") GROUP BY national_id_number", Long.class)).hasSize(120).containsOnly(1L);
    assertThat(jdbc.queryForList("""
        SELECT COUNT(*) FROM death_record_source s JOIN death_record r ON r.id = s.death_record_id
        WHERE r.status = 'CONFIRMED' AND r.national_id_number IN (""" + in + ") GROUP BY r.id", Long.class))
        .hasSize(120).containsOnly(2L);
    assertThat(jdbc.queryForObject("""
        SELECT COUNT(*) FROM death_record_history h JOIN death_record r ON r.id = h.death_record_id
        WHERE h.action = 'CONFIRMED' AND r.national_id_number IN (""" + in + ")", Long.class)).isEqualTo(120);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE status = 'DECEASED' AND national_id_number IN ("
        + in + ")", Long.class)).isEqualTo(120);
    assertThat(personDeceasedPublications() - eventsBefore).isEqualTo(120);
    // every outbox row is sent and marked sent by the relay
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (incompletePublications() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(incompletePublications()).isZero();
  }

  private Long incompletePublications() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM death_event_outbox WHERE sent_at IS NULL", Long.class);
  }

  private static String feed(List<String> ids, String source, String referencePrefix) {
    StringBuilder csv = new StringBuilder("national_id_number,name,date_of_death,source,source_reference\n");
    ids.forEach(id -> csv.append(id).append(",赵某,2025-07-01,").append(source).append(',').append(referencePrefix)
        .append(id).append('\n'));
    return csv.toString();
  }

  /** Person-deceased rows in the outbox, sent or not. */
  private Long personDeceasedPublications() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM death_event_outbox WHERE event_type LIKE '%.person-deceased.v1'",
        Long.class);
  }

  @Test
  void aRowWhoseSourceTheSenderMayNotReportIsRejectedAndTheOthersApply() throws Exception {
    String certified = newIdNumber();
    String cancelled = newIdNumber();
    long certifiedPerson = createPerson(certified, "赵一");
    createPerson(cancelled, "赵二");
    String csv = String.join("\n",
        "national_id_number,name,date_of_death,source,source_reference,time_of_death",
        certified + ",赵一,2025-07-01,MEDICAL_CERTIFICATE,H-" + certified + ",",
        cancelled + ",赵二,2025-07-02,HUKOU_CANCELLATION,H-" + cancelled + ",");

    HttpResponse<String> response = send(TestTokens.client("hospital", "deaths:write"), "/imports", "text/csv", csv);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode report = json(get("/imports/" + json(response).path("id").asLong()));
    assertThat(report.path("rows").findValuesAsString("outcome")).containsExactly("ACCEPTED", "REJECTED");
    assertThat(report.at("/rows/1/reason").asString()).contains("HUKOU_CANCELLATION").contains("registry.death-sources");
    assertThat(json(get("/persons?nationalIdNumber=" + cancelled)).path("status").asString()).isEqualTo("LIVING");
    assertThat(eventsOf(certifiedPerson, 1, Duration.ofSeconds(15))).hasSize(1);
  }

  @Test
  void aFeedWithoutTheRequiredColumnsIsRefusedWhole() throws Exception {
    HttpResponse<String> response = send("/imports", "text/csv", "id,name\n1,x\n");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("code").asString()).isEqualTo("invalid-feed");
  }
}
