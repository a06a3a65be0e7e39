package gov.civilaffairs.eldercare.death;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import gov.civilaffairs.eldercare.EldercareTestSupport;
import gov.civilaffairs.eldercare.FixedClockConfiguration;
import gov.civilaffairs.eldercare.allowance.OldAgeAllowances;
import gov.civilaffairs.eldercare.card.CardKind;
import gov.civilaffairs.eldercare.card.Cards;
import gov.civilaffairs.eldercare.homecare.HomeCare;
import gov.civilaffairs.eldercare.homecare.HomeCareOrder;
import gov.civilaffairs.eldercare.homecare.HomeCareStation;
import gov.civilaffairs.eldercare.institution.CareInstitution;
import gov.civilaffairs.eldercare.institution.CareInstitutions;
import gov.civilaffairs.eldercare.institution.Residences;
import gov.civilaffairs.eldercare.person.ElderlyPerson;
import gov.civilaffairs.eldercare.person.ElderlyPersons;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 4: {@link DeathFlow#applyAll} applies a poll's deaths of registered persons set-wise, with the effect of
 * applying its events one by one ({@link DeathFlow#apply}). Two identical sets of persons (cards, allowances with
 * lines in a SENT and in an unsent roll, residences, home-care orders) receive the same poll: one through
 * {@code applyAll}, the other event by event; every table the death rule touches must then read the same for
 * each person (ids, card numbers and death records mapped to the person's place in the set). A poll of 200 deaths
 * is applied with a constant number of statements, counted by MariaDB on the transaction's connection.
 * A roll being marked SENT waits for a poll dropping its lines (the rolls are read {@code LOCK IN SHARE MODE}).
 * Rolls of 2026-01, 2026-02 (SENT) and 2026-03 (unsent) are used by no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(FixedClockConfiguration.class)
class DeathFlowSetWiseIT extends EldercareTestSupport {

  private static final AtomicLong DEATH_RECORDS = new AtomicLong(5_000_000 + (System.nanoTime() % 1000) * 10_000);
  private static final AtomicLong WORLDS = new AtomicLong();
  private static final YearMonth SENT_MONTH = YearMonth.of(2026, 2);
  private static final YearMonth UNSENT_MONTH = YearMonth.of(2026, 3);

  @Autowired DeathFlow deathFlow;
  @Autowired ElderlyPersons persons;
  @Autowired Cards cards;
  @Autowired OldAgeAllowances allowances;
  @Autowired CareInstitutions institutions;
  @Autowired Residences residences;
  @Autowired HomeCare homeCare;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void aPollAppliedTogetherLeavesEveryTableAsApplyingItsEventsOneByOne() {
    int size = 36;
    World together = world(size);
    World oneByOne = world(size);
    // Persons 11 died in an earlier poll; its event comes again in this poll.
    DeathEvent earlierTogether = together.death(11, "2026-01-05");
    DeathEvent earlierOneByOne = oneByOne.death(11, "2026-01-05");
    inTransaction(() -> deathFlow.applyAll(List.of(earlierTogether)));
    deathFlow.apply((PersonDeceased) earlierOneByOne);

    List<DeathEvent> pollTogether = together.poll(earlierTogether);
    List<DeathEvent> pollOneByOne = oneByOne.poll(earlierOneByOne);
    inTransaction(() -> deathFlow.applyAll(pollTogether));
    for (DeathEvent event : pollOneByOne) {
      if (event instanceof PersonDeceased deceased) {
        deathFlow.apply(deceased);
      } else {
        deathFlow.apply((DeathRecordRevoked) event);
      }
    }

    Map<String, List<String>> expected = oneByOne.snapshot();
    Map<String, List<String>> actual = together.snapshot();
    assertThat(expected.get("claims")).as("the fixture makes overpayment claims").isNotEmpty();
    assertThat(expected.get("notifications")).as("and transit-card notifications").isNotEmpty();
    assertThat(expected.get("arrears")).as("and arrears (a death revoked in the poll)").isNotEmpty();
    assertThat(expected.get("outbox")).as("and outbox events").isNotEmpty();
    assertThat(expected.get("residences")).as("and residences ended").anyMatch(row -> row.contains("DECEASED"));
    assertThat(expected.get("orders")).as("and orders cancelled").anyMatch(row -> row.contains("CANCELLED"));
    assertThat(expected.get("roll_lines")).as("and lines dropped from the unsent roll")
        .hasSizeLessThan(together.personIds.size() * 2);
    for (String table : expected.keySet()) {
      assertThat(actual.get(table)).as(table).containsExactlyElementsOf(expected.get(table));
    }
  }

  @Test
  void aPollOf200DeathsTakesAConstantNumberOfStatements() {
    int size = 200;
    World world = world(size);
    List<DeathEvent> poll = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      poll.add(world.death(i, world.dateOfDeath(i)));
    }
    long statements = inTransaction(() -> {
      long before = questions();
      deathFlow.applyAll(poll);
      return questions() - before - 1;
    });
    System.out.printf("DeathFlowSetWiseIT: a poll of %d deaths of registered persons took %d statements%n", size,
        statements);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM elderly_person WHERE status = 'DECEASED' AND id IN ("
        + world.personIds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow() + ")",
        Integer.class)).isEqualTo(size);
    assertThat(world.snapshot().get("changes")).as("every death changed benefits").hasSizeGreaterThan(size);
    assertThat(statements).as("statements of the poll's transaction (not per death)").isLessThanOrEqualTo(30);
  }

  @Test
  void markingARollSentWaitsForAPollDroppingItsLinesAndASentRollLosesNone() throws Exception {
    YearMonth january = YearMonth.of(2026, 1);
    long roll = roll(january, "GENERATED");
    World world = new World(WORLDS.incrementAndGet());
    List<Long> allowanceIds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ElderlyPerson person = persons.register(idNumber("194101" + String.format("%02d", i + 10)), "𠮷祥", JIANGDONG);
      world.idNumbers.add(person.nationalIdNumber());
      world.personIds.add(person.id());
      allowanceIds.add(allowances.grant(person, january).id());
      line(roll, allowanceIds.get(i), person, january, new BigDecimal("50.00"));
    }
    // died in December 2025, before the allowance started: it ends in December, January's line is dropped
    List<DeathEvent> poll = List.of(world.death(0, "2025-12-20"), world.death(1, "2025-12-21"));

    java.util.concurrent.CountDownLatch applied = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
    var deaths = java.util.concurrent.CompletableFuture.runAsync(() -> inTransaction(() -> {
      deathFlow.applyAll(poll);
      applied.countDown();
      try {
        commit.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    assertThat(applied.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    var sending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return send("POST", "/old-age-allowance-rolls/2026-01/sent", null);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(1500);
    assertThat(sending).as("mark sent waits for the poll's transaction (its shared lock on the roll)").isNotDone();
    commit.countDown();
    deaths.get(30, java.util.concurrent.TimeUnit.SECONDS);
    var sent = sending.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(sent.body()).path("status").asString()).isEqualTo("SENT");
    assertThat(JSON.readTree(sent.body()).path("lineCount").asInt())
        .as("the answer counts the lines the poll it waited for dropped").isEqualTo(1);

    inTransaction(() -> deathFlow.applyAll(List.of(world.death(2, "2025-12-22"))));
    assertThat(jdbc.queryForList("SELECT allowance_id FROM allowance_roll_line WHERE roll_id = ?", Long.class, roll))
        .as("a SENT roll loses no line").containsExactly(allowanceIds.get(2));
    assertThat(jdbc.queryForList("SELECT CONCAT(from_month, ' ', months, ' ', amount, ' ', status) FROM"
        + " allowance_overpayment_claim WHERE allowance_id = ?", String.class, allowanceIds.get(2)))
        .as("what it paid after the death is claimed back").containsExactly("2026-01-01 1 50.00 OPEN");
  }

  /** MariaDB's count of statements the client sent on this connection (the transaction's). */
  private long questions() {
    return jdbc.queryForObject("SHOW SESSION STATUS LIKE 'Questions'", (rs, row) -> rs.getLong(2));
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return new TransactionTemplate(transactionManager).execute(status -> work.get());
  }

  private void inTransaction(Runnable work) {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
  }

  /** A set of {@code size} persons; person i's benefits depend on i only, so two worlds of a size are alike. */
  private World world(int size) {
    World world = new World(WORLDS.incrementAndGet());
    long sentRoll = roll(SENT_MONTH, "SENT");
    long unsentRoll = roll(UNSENT_MONTH, "GENERATED");
    CareInstitution home = institutions.register("暨阳养老院", CareInstitution.Ownership.PUBLIC, JIANGDONG,
        "SW" + world.id + "-" + System.nanoTime() % 100_000_000, size, LocalDate.of(2019, 6, 1));
    HomeCareStation station = homeCare.openStation("江东站", JIANGDONG, "社区", LocalDate.of(2020, 1, 1));
    world.institutionId = home.id();
    for (int i = 0; i < size; i++) {
      String birthDate = (i % 5 == 4 ? "1932" : "1942") + String.format("%02d%02d", i % 12 + 1, i % 28 + 1);
      ElderlyPerson person = persons.register(idNumber(birthDate), "𠮷祥", i % 2 == 0 ? JIANGDONG : JINJISHAN);
      world.idNumbers.add(person.nationalIdNumber());
      world.personIds.add(person.id());
      if (i % 4 != 0) {
        cards.issue(person, CardKind.ELDERLY_CARD, world.cardNumber(i, "E"));
      }
      if (i % 4 >= 2) {
        cards.issue(person, CardKind.TRANSIT_CARD, world.cardNumber(i, "T"));
      }
      if (i % 4 != 3) {
        YearMonth start = i % 7 == 0 ? UNSENT_MONTH : YearMonth.of(2026, 1);
        long allowance = allowances.grant(person, start).id();
        BigDecimal amount = allowances.of(person).orElseThrow().monthlyAmount();
        if (!start.isAfter(SENT_MONTH)) {
          line(sentRoll, allowance, person, SENT_MONTH, amount);
        }
        line(unsentRoll, allowance, person, UNSENT_MONTH, amount);
      }
      if (i % 5 == 0) {
        residences.admit(home, person, i % 10 == 0 ? LocalDate.of(2025, 12, 1) : LocalDate.of(2026, 2, 1));
      }
      if (i % 3 != 0) {
        HomeCareOrder open = homeCare.order(station, person, HomeCareOrder.ServiceType.MEDICAL,
            HomeCareOrder.PaymentKind.GOVERNMENT_PAID, null, "李医生", Instant.parse("2026-11-20T01:00:00Z"));
        HomeCareOrder done = homeCare.order(station, person, HomeCareOrder.ServiceType.LEGAL,
            HomeCareOrder.PaymentKind.VOLUNTEER, null, "王律师", Instant.parse("2026-11-02T01:00:00Z"));
        homeCare.complete(station, done.id(), "已咨询");
        if (i % 3 == 2) {
          homeCare.order(station, person, HomeCareOrder.ServiceType.DAILY_CARE,
              HomeCareOrder.PaymentKind.GOVERNMENT_PAID, null, "张护工", Instant.parse("2026-11-21T01:00:00Z"));
        }
        assertThat(open.status()).isEqualTo(HomeCareOrder.Status.OPEN);
      }
    }
    return world;
  }

  private long roll(YearMonth month, String status) {
    jdbc.update("""
        INSERT INTO allowance_roll (month, status, generated_at, sent_at) VALUES (?, ?, ?, ?)
        ON DUPLICATE KEY UPDATE id = id""", month.atDay(1), status, "2026-01-01 00:00:00",
        "SENT".equals(status) ? "2026-01-02 00:00:00" : null);
    return jdbc.queryForObject("SELECT id FROM allowance_roll WHERE month = ?", Long.class, month.atDay(1));
  }

  private void line(long rollId, long allowanceId, ElderlyPerson person, YearMonth month, BigDecimal amount) {
    jdbc.update("""
        INSERT INTO allowance_roll_line (roll_id, allowance_id, person_id, region_code, kind, for_month, amount)
        VALUES (?, ?, ?, ?, 'MONTHLY', ?, ?)""", rollId, allowanceId, person.id(), person.regionCode(),
        month.atDay(1), amount);
  }

  /** Persons, death records and events of one set; {@link #snapshot} reads them with ids mapped to places. */
  private final class World {

    final long id;
    final List<String> idNumbers = new ArrayList<>();
    final List<Long> personIds = new ArrayList<>();
    final Map<Long, String> deathRecords = new HashMap<>();
    final Map<String, String> events = new HashMap<>();
    long institutionId;

    World(long id) {
      this.id = id;
    }

    String cardNumber(int person, String kind) {
      return "W" + id + "SW" + person + kind;
    }

    String dateOfDeath(int person) {
      return switch (person % 3) {
        case 0 -> "2026-01-20";
        case 1 -> "2026-02-10";
        default -> "2026-03-05";
      };
    }

    DeathEvent death(int person, String dateOfDeath) {
      return death(person, idNumbers.get(person), dateOfDeath);
    }

    DeathEvent death(int place, String idNumber, String dateOfDeath) {
      long record = DEATH_RECORDS.incrementAndGet();
      deathRecords.put(record, "D" + place + "." + deathRecords.size() % 1000);
      UUID eventId = UUID.randomUUID();
      events.put(eventId.toString(), "E" + events.size());
      return new PersonDeceased(eventId, record, idNumber, LocalDate.parse(dateOfDeath));
    }

    DeathEvent revocation(long deathRecordId) {
      UUID eventId = UUID.randomUUID();
      events.put(eventId.toString(), "E" + events.size());
      deathRecords.putIfAbsent(deathRecordId, "D?" + deathRecords.size());
      return new DeathRecordRevoked(eventId, deathRecordId);
    }

    /**
     * Every person's death, with: a duplicate, deaths of persons not registered here, a second death record of
     * a person, a death revoked later in the poll, a revocation before its death, a revocation of a record
     * unknown here, the death of a person who died in an earlier poll and that poll's event again.
     */
    List<DeathEvent> poll(DeathEvent earlier) {
      List<DeathEvent> poll = new ArrayList<>();
      DeathEvent revokedLater = null;
      for (int i = 0; i < idNumbers.size(); i++) {
        if (i == 11) {
          poll.add(earlier);
          poll.add(death(i, "2026-01-06"));
          continue;
        }
        if (i == 9) {
          DeathEvent revokedFirst = death(i, dateOfDeath(i));
          poll.add(revocation(revokedFirst.deathRecordId()));
          poll.add(revokedFirst);
          continue;
        }
        DeathEvent death = death(i, dateOfDeath(i));
        poll.add(death);
        if (i == 3) {
          poll.add(death);
        }
        if (i == 6) {
          revokedLater = death;
        }
        if (i == 13) {
          poll.add(revocation(revokedLater.deathRecordId()));
        }
        if (i == 5 || i == 14) {
          poll.add(death(i, "2026-02-11"));
        }
        if (i % 10 == 2) {
          poll.add(death(900 + i, idNumber("19450101"), "2026-02-01"));
        }
      }
      poll.add(revocation(DEATH_RECORDS.incrementAndGet()));
      return poll;
    }

    /** Each table's rows of this set, per person in order, ids replaced by places. */
    Map<String, List<String>> snapshot() {
      Map<String, List<String>> tables = new java.util.LinkedHashMap<>();
      String persons = personIds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
      tables.put("persons", rows("SELECT id AS person_id, status FROM elderly_person WHERE id IN (" + persons + ") ORDER BY id"));
      tables.put("death_records", rows("SELECT person_id, death_record_id, date_of_death, status FROM death_record"
          + " WHERE person_id IN (" + persons + ") ORDER BY person_id, death_record_id"));
      tables.put("cards", rows("SELECT person_id, kind, card_number, status, revoked_by_death_record_id FROM card"
          + " WHERE person_id IN (" + persons + ") ORDER BY person_id, id"));
      tables.put("notifications", rows("SELECT c.person_id, c.card_number, n.kind, n.death_record_id, n.created_at,"
          + " n.sent_at FROM transit_card_notification n JOIN card c ON c.id = n.card_id WHERE c.person_id IN ("
          + persons + ") ORDER BY c.person_id, n.id"));
      tables.put("allowances", rows("SELECT person_id, monthly_amount, start_month, end_month, status,"
          + " stopped_by_death_record_id FROM old_age_allowance WHERE person_id IN (" + persons + ") ORDER BY person_id"));
      tables.put("roll_lines", rows("SELECT l.person_id, r.month, r.status, l.kind, l.for_month, l.amount"
          + " FROM allowance_roll_line l JOIN allowance_roll r ON r.id = l.roll_id WHERE l.person_id IN ("
          + persons + ") ORDER BY l.person_id, l.for_month, l.kind"));
      tables.put("claims", rows("SELECT a.person_id, c.death_record_id, c.from_month, c.to_month, c.months, c.amount,"
          + " c.status, c.created_at, c.withdrawn_at FROM allowance_overpayment_claim c JOIN old_age_allowance a"
          + " ON a.id = c.allowance_id WHERE a.person_id IN (" + persons + ") ORDER BY a.person_id, c.id"));
      tables.put("arrears", rows("SELECT a.person_id, r.benefit_month, r.amount, r.death_record_id, r.roll_id"
          + " FROM allowance_arrears r JOIN old_age_allowance a ON a.id = r.allowance_id WHERE a.person_id IN ("
          + persons + ") ORDER BY a.person_id, r.benefit_month"));
      tables.put("residences", rows("SELECT person_id, admitted_on, discharged_on, discharge_reason,"
          + " ended_by_death_record_id FROM residence WHERE person_id IN (" + persons + ") ORDER BY person_id, id"));
      tables.put("orders", rows("SELECT person_id, service_type, status, outcome, closed_at, cancelled_by_death_record_id"
          + " FROM home_care_order WHERE person_id IN (" + persons + ") ORDER BY person_id, id"));
      tables.put("changes", rows("SELECT person_id, benefit, change_kind, detail, death_record_id, event_id, changed_at"
          + " FROM benefit_change WHERE person_id IN (" + persons + ") ORDER BY person_id, id"));
      tables.put("processed", rows("SELECT event_id, event_type FROM processed_event WHERE event_id IN ("
          + events.keySet().stream().map(e -> "'" + e + "'").reduce((a, b) -> a + "," + b).orElseThrow()
          + ") ORDER BY event_id").stream().sorted().toList());
      List<String> outbox = new ArrayList<>();
      jdbc.query("SELECT message_key, ce_type, payload FROM event_outbox WHERE message_key IN ("
          + personIds.stream().map(p -> "'" + p + "'").reduce((a, b) -> a + "," + b).orElseThrow()
          + ") ORDER BY CAST(message_key AS UNSIGNED), id", rs -> {
            ObjectNode payload = (ObjectNode) JSON.readTree(rs.getString(3));
            payload.remove(List.of("eventId", "cardId", "allowanceId"));
            payload.put("personId", person(payload.path("personId").asLong()));
            payload.put("deathRecordId", deathRecord(payload.path("deathRecordId").asLong()));
            payload.put("cardNumber", text(payload.path("cardNumber").asString("")));
            outbox.add(person(Long.parseLong(rs.getString(1))) + " " + rs.getString(2) + " " + payload);
          });
      tables.put("outbox", outbox);
      return tables;
    }

    /** Each row as column=value, ids of persons, death records and events replaced by their place in the set. */
    private List<String> rows(String sql) {
      return jdbc.query(sql, (rs, row) -> {
        StringBuilder text = new StringBuilder();
        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
          String label = rs.getMetaData().getColumnLabel(column);
          String value = rs.getString(column);
          if (value != null && label.endsWith("person_id")) {
            value = person(Long.parseLong(value));
          } else if (value != null && label.endsWith("death_record_id")) {
            value = deathRecord(Long.parseLong(value));
          } else if (value != null && label.equals("event_id")) {
            value = events.getOrDefault(value, "E?");
          } else if (value != null) {
            value = text(value);
          }
          text.append(label).append('=').append(value).append(' ');
        }
        return text.toString();
      });
    }

    private String person(long personId) {
      return "P" + personIds.indexOf(personId);
    }

    private String deathRecord(long deathRecordId) {
      return deathRecords.getOrDefault(deathRecordId, "D?");
    }

    private static final Pattern DEATH_RECORD = Pattern.compile("death record (\\d+)");
    private static final Pattern ENTITY = Pattern.compile("(residence|home-care order) \\d+");

    /** Card numbers, death records, residence, order and institution ids in a text replaced by what they are. */
    private String text(String value) {
      String cardsMapped = value.replace("W" + id + "SW", "WSW");
      String entities = ENTITY.matcher(cardsMapped).replaceAll(match -> match.group(1) + " #");
      String institution = entities.replace("institution " + institutionId, "institution #");
      return DEATH_RECORD.matcher(institution).replaceAll(match ->
          "death record " + Matcher.quoteReplacement(deathRecord(Long.parseLong(match.group(1)))));
    }
  }
}
