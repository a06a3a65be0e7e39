package gov.civilaffairs.relief.death;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.ReliefTestSupport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry.person.v1 listener applies a poll of events in one transaction ({@link DeathRule#applyAll}, issue 4)
 * with exactly the effect of applying them one by one: a poll mixing deaths of persons relief does not know, a
 * household member's death and its revocation, a duplicate delivery, a revocation before its death, a replay of a
 * revoked death, an event processed in an earlier poll and a registered child's death. Each case is built twice
 * ("worlds" with their own persons and death records): once applied as a batch, once event by event, and the two
 * results compared row by row (with the worlds' ids replaced by their roles). Through the embedded broker: several
 * records in one poll (published while the listener is stopped), a record in the middle of a poll that cannot be
 * applied or read goes to registry.person.v1-dlt while the records before and after it apply.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "platform.kafka.retry.initial-interval=20ms")
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class DeathBatchIT extends ReliefTestSupport {

  static final String TOPIC = "registry.person.v1";
  static final String GROUP = "relief-service";
  static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");

  @Autowired
  DeathRule deathRule;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  CloudEventPublisher publisher;

  @Autowired
  KafkaListenerEndpointRegistry listeners;

  @Test
  void aBatchHasTheEffectOfItsEventsAppliedOneByOne() throws Exception {
    World batch = world(1);
    World single = world(2);
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    transactions.executeWithoutResult(s -> deathRule.applyAll(List.of(batch.earlier)));
    transactions.executeWithoutResult(s -> deathRule.apply(single.earlier));

    transactions.executeWithoutResult(s -> deathRule.applyAll(batch.poll));
    for (DeathEvent event : single.poll) {
      transactions.executeWithoutResult(s -> oneByOne(event));
    }

    List<String> effect = snapshot(batch);
    assertThat(effect).isEqualTo(snapshot(single));
    assertEffects(batch, effect);
  }

  @Test
  void severalRecordsInOnePollThroughTheListenerHaveTheEffectOfTheEventsOneByOne() throws Exception {
    World viaKafka = world(3);
    World single = world(4);
    publish(viaKafka, viaKafka.earlier);
    awaitConsumed(GROUP, TOPIC);
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    transactions.executeWithoutResult(s -> deathRule.apply(single.earlier));

    listener().stop();
    try {
      for (DeathEvent event : viaKafka.poll) {
        publish(viaKafka, event);
      }
    } finally {
      listener().start();
    }
    awaitConsumed(GROUP, TOPIC);
    for (DeathEvent event : single.poll) {
      transactions.executeWithoutResult(s -> oneByOne(event));
    }

    List<String> effect = snapshot(viaKafka);
    assertThat(effect).isEqualTo(snapshot(single));
    assertEffects(viaKafka, effect);
  }

  @Test
  void aRecordThatCannotBeAppliedInTheMiddleOfAPollIsDeadLetteredAndTheOthersApply() throws Exception {
    PersonDeceased before = new PersonDeceased(UUID.randomUUID(), 95_001, number(5, 1), LocalDate.parse("2026-06-10"));
    // a valid ISO date the death_record table cannot store (DATE ends with year 9999): the insert fails
    PersonDeceased broken = new PersonDeceased(UUID.randomUUID(), 95_002, number(5, 2), LocalDate.parse("+10000-01-01"));
    PersonDeceased after = new PersonDeceased(UUID.randomUUID(), 95_003, number(5, 3), LocalDate.parse("2026-06-11"));

    listener().stop();
    try {
      for (PersonDeceased death : List.of(before, broken, after)) {
        publisher.publish(TOPIC, envelope(death, "95000")).get(10, TimeUnit.SECONDS); // one person's key: one poll
      }
    } finally {
      listener().start();
    }

    ConsumerRecord<byte[], byte[]> deadLetter = readDeadLetter(broken.eventId().toString());
    awaitConsumed(GROUP, TOPIC);
    assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("10000-01-01");
    assertThat(count("SELECT COUNT(*) FROM death_record WHERE death_record_id IN (95001, 95003) AND status = 'APPLIED'"))
        .isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM processed_event WHERE event_id IN (?, ?)", before.eventId().toString(),
        after.eventId().toString())).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM death_record WHERE death_record_id = 95002")).isZero();
    assertThat(count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", broken.eventId().toString())).isZero();
  }

  @Test
  void anUnreadableRecordInTheMiddleOfAPollIsDeadLetteredAndTheOthersApply() throws Exception {
    String householdMember = number(6, 1);
    long household = registerHousehold(single(householdMember, "周大福", "2026-01", "200.00"));
    PersonDeceased before = new PersonDeceased(UUID.randomUUID(), 96_001, number(6, 2), LocalDate.parse("2026-06-10"));
    String wrongCheckCharacter = number(6, 3).substring(0, 17) + (number(6, 3).endsWith("0") ? "1" : "0");
    PersonDeceased unreadable = new PersonDeceased(UUID.randomUUID(), 96_002, wrongCheckCharacter,
        LocalDate.parse("2026-06-10"));
    PersonDeceased after = new PersonDeceased(UUID.randomUUID(), 96_003, householdMember, LocalDate.parse("2026-06-12"));

    listener().stop();
    try {
      for (PersonDeceased death : List.of(before, unreadable, after)) {
        publisher.publish(TOPIC, envelope(death, "96000")).get(10, TimeUnit.SECONDS);
      }
    } finally {
      listener().start();
    }

    ConsumerRecord<byte[], byte[]> deadLetter = readDeadLetter(unreadable.eventId().toString());
    awaitConsumed(GROUP, TOPIC);
    assertThat(header(deadLetter, "kafka_dlt-exception-cause-fqcn"))
        .isEqualTo("gov.civilaffairs.platform.kafka.MalformedEventException");
    assertThat(count("SELECT COUNT(*) FROM death_record WHERE death_record_id IN (96001, 96003)")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM death_record WHERE death_record_id = 96002")).isZero();
    JsonNode allowance = get("/households/" + household).path("allowance");
    assertThat(allowance.path("status").asString()).isEqualTo("TERMINATED");
    assertThat(allowance.path("terminatedByDeathRecordId").longValue()).isEqualTo(96003);
  }

  /**
   * Two members of one household die, and their deaths are applied in two concurrent transactions (two partitions of
   * the registry's topic, two consumers): the second waits for the first's lock on the household and then sees the
   * head dead, so the allowance ends instead of being recomputed twice for one member.
   */
  @Test
  void deathsOfTwoMembersInConcurrentTransactionsAreAppliedOneAfterTheOther() throws Exception {
    String head = number(7, 1);
    String spouse = number(7, 2);
    long household = registerHousehold("""
        {"regionCode":"330681102001","area":"URBAN","monthlyIncome":1000.00,"startMonth":"2026-01","members":[
          {"nationalIdNumber":"%s","name":"孙建华","relation":"HEAD"},
          {"nationalIdNumber":"%s","name":"周敏","relation":"SPOUSE"}]}""".formatted(head, spouse));
    TransactionTemplate transactions = RegistryPersonListener.transactions(transactionManager);
    CountDownLatch firstApplied = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first = threads.submit(() -> transactions.execute(s -> {
        deathRule.applyAll(List.of(new PersonDeceased(UUID.randomUUID(), 97_001, head, LocalDate.parse("2026-05-15"))));
        firstApplied.countDown();
        try {
          return secondDone.await(3, TimeUnit.SECONDS); // the transaction stays open meanwhile
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }));
      assertThat(firstApplied.await(60, TimeUnit.SECONDS)).isTrue();
      Future<?> second = threads.submit(() -> {
        transactions.executeWithoutResult(s -> deathRule.applyAll(List.of(
            new PersonDeceased(UUID.randomUUID(), 97_002, spouse, LocalDate.parse("2026-06-05")))));
        secondDone.countDown();
      });
      assertThat(first.get(60, TimeUnit.SECONDS)).as("the second death waited for the first's commit").isFalse();
      second.get(60, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
    JsonNode allowance = get("/households/" + household).path("allowance");
    assertThat(allowance.path("status").asString()).isEqualTo("TERMINATED");
    assertThat(allowance.path("terminatedByDeathRecordId").longValue()).isEqualTo(97_002);
    assertThat(list(allowance.path("amounts"))).extracting(a -> a.path("fromMonth").asString() + " "
        + a.path("members").intValue()).containsExactly("2026-01 2", "2026-06 1");
  }

  /**
   * The persons and events of one world: {@code u1}, {@code u2}, {@code r}, {@code p} unknown here; {@code k1} the
   * member of a one-member household, {@code k2} the head of a two-member household and {@code k2spouse} its other
   * member (both die in the same poll: the head, then the last member), {@code c} a registered child.
   */
  private final class World {
    final int world;
    final Map<String, String> numbers = new LinkedHashMap<>();
    final Map<String, Long> households = new LinkedHashMap<>();
    long childRegistration;
    /** The month before the child's first month paid: the death, in June, came before it (ChildAllowanceDeathRule). */
    String childEndMonth;
    PersonDeceased earlier;
    final List<DeathEvent> poll = new ArrayList<>();
    final Map<String, Long> personIds = new HashMap<>();
    final Map<Long, String> roleOfRecord = new HashMap<>();

    World(int world) {
      this.world = world;
    }

    long record(int role) {
      return world * 10_000L + role;
    }
  }

  private World world(int w) throws Exception {
    World world = new World(w);
    String[] roles = {"u1", "u2", "k1", "k2", "k2spouse", "r", "p"};
    for (int i = 0; i < roles.length; i++) {
      world.numbers.put(roles[i], number(w, i + 1));
      world.personIds.put(roles[i], w * 100L + i + 1);
    }
    world.numbers.put("c", idNumber("33068120150301" + w + "01"));
    world.personIds.put("c", w * 100L + 99);
    world.households.put("k1", registerHousehold(single(world.numbers.get("k1"), "王秀英", "2026-01", "300.00")));
    world.households.put("k2", registerHousehold("""
        {"regionCode":"330681102001","area":"URBAN","monthlyIncome":1000.00,"startMonth":"2026-01","members":[
          {"nationalIdNumber":"%s","name":"赵建国","relation":"HEAD"},
          {"nationalIdNumber":"%s","name":"钱丽","relation":"SPOUSE"}]}"""
        .formatted(world.numbers.get("k2"), world.numbers.get("k2spouse"))));
    HttpResponseJson registration = new HttpResponseJson(send(CASEWORKER, "POST", "/child-registrations", """
        {"regionCode":"330681001001","nationalIdNumber":"%s","name":"李小雨","kind":"SCATTERED_ORPHAN",
         "cause":"BOTH_PARENTS_DECEASED","causeDetails":"父母双亡。","guardianName":"李国华",
         "guardianNationalIdNumber":"%s","guardianRelation":"GRANDPARENT"}"""
        .formatted(world.numbers.get("c"), idNumber("33068119560203001"))));
    assertThat(registration.status).as(registration.body.toString()).isEqualTo(201);
    world.childRegistration = registration.body.path("id").longValue();
    world.childEndMonth = java.time.YearMonth.parse(registration.body.path("startMonth").asString()).minusMonths(1)
        .toString();

    PersonDeceased u1 = death(world, 1, "u1", "2026-06-10");
    world.earlier = death(world, 7, "p", "2026-06-01");
    world.poll.addAll(List.of(
        u1,
        death(world, 3, "k1", "2026-06-30"),
        death(world, 2, "u2", "2026-06-11"),
        u1,                                                              // a duplicate delivery in the same poll
        new DeathRecordRevoked(UUID.randomUUID(), world.record(3)),      // k1's death revoked in the same poll
        death(world, 4, "k2", "2026-05-15"),
        death(world, 5, "k2spouse", "2026-06-05"),                       // the last member of k2's household
        new DeathRecordRevoked(UUID.randomUUID(), world.record(6)),      // a revocation before its death
        death(world, 6, "r", "2026-06-12"),
        death(world, 3, "k1", "2026-06-30"),                             // a replay of the revoked death
        world.earlier,                                                   // processed in an earlier poll
        death(world, 8, "c", "2026-06-20"),
        new DeathRecordRevoked(UUID.randomUUID(), world.record(2))));    // u2's death, applied above, revoked
    return world;
  }

  private static PersonDeceased death(World world, int record, String role, String date) {
    world.roleOfRecord.put(world.record(record), role);
    return new PersonDeceased(UUID.randomUUID(), world.record(record), world.numbers.get(role), LocalDate.parse(date));
  }

  /** The registry.person.v1 listener's container: stopped while a poll's records are published, then started. */
  private MessageListenerContainer listener() {
    return listeners.getListenerContainer(RegistryPersonListener.LISTENER_ID);
  }

  private void oneByOne(DeathEvent event) {
    if (event instanceof PersonDeceased death) {
      deathRule.apply(death);
    } else {
      deathRule.revoke((DeathRecordRevoked) event);
    }
  }

  /**
   * What the world's events did, row by row, with the world's ids replaced by roles: the death records, the
   * processed events, each household's allowance, amounts, members and changes, the child's registration and
   * changes, and the benefit-terminated publications.
   */
  private List<String> snapshot(World world) throws Exception {
    Map<String, String> names = new HashMap<>();
    world.numbers.forEach((role, number) -> names.put(number, role));
    List<DeathEvent> events = new ArrayList<>(world.poll);
    events.add(world.earlier);
    Map<String, String> eventNames = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      eventNames.putIfAbsent(events.get(i).eventId().toString(), "event " + i);
    }
    List<String> rows = new ArrayList<>();
    for (int role = 1; role <= 8; role++) {
      rows.addAll(jdbc.query("SELECT * FROM death_record WHERE death_record_id = ?", (rs, n) -> "death record "
          + rs.getString("status") + " " + names.get(rs.getString("national_id_number")) + " "
          + rs.getString("date_of_death") + " " + rs.getString("end_month"), world.record(role)));
      rows.add("death record " + role + " rows: " + count("SELECT COUNT(*) FROM death_record WHERE death_record_id = ?",
          world.record(role)));
    }
    for (String id : eventNames.keySet().stream().sorted().toList()) {
      rows.add(eventNames.get(id) + " processed: " + count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", id));
    }
    rows.sort(null);
    for (Map.Entry<String, Long> household : world.households.entrySet()) {
      JsonNode view = get("/households/" + household.getValue());
      JsonNode allowance = view.path("allowance");
      rows.add(household.getKey() + " allowance " + allowance.path("status").asString() + " "
          + allowance.path("endMonth").asString(null) + " "
          + (allowance.path("terminatedByDeathRecordId").isIntegralNumber()
              ? allowance.path("terminatedByDeathRecordId").longValue() - world.world * 10_000L : null)
          + " head required " + view.path("headRequired").booleanValue());
      list(allowance.path("amounts")).forEach(a -> rows.add(household.getKey() + " amount " + a.path("fromMonth").asString()
          + " " + a.path("amount").decimalValue().setScale(2) + " " + a.path("members").intValue()));
      list(view.path("members")).forEach(m -> rows.add(household.getKey() + " member "
          + names.get(m.path("nationalIdNumber").asString()) + " living " + m.path("living").booleanValue()));
      rows.addAll(jdbc.query("SELECT * FROM benefit_change WHERE household_id = ? ORDER BY id", (rs, n) ->
          household.getKey() + " change " + (rs.getLong("death_record_id") - world.world * 10_000L) + " "
              + eventNames.get(rs.getString("event_id")) + " " + names.get(rs.getString("national_id_number")) + " "
              + rs.getString("change_type") + " " + rs.getString("detail"), household.getValue()));
      await().atMost(Duration.ofSeconds(30)).until(() -> count(
          "SELECT COUNT(*) FROM benefit_termination_outbox WHERE household_id = ? AND sent_at IS NULL",
          household.getValue()) == 0);
      rows.add(household.getKey() + " benefit-terminated published: " + count(
          "SELECT COUNT(*) FROM benefit_termination_outbox WHERE household_id = ? AND sent_at IS NOT NULL",
          household.getValue()));
    }
    rows.addAll(jdbc.query("SELECT * FROM child_registration WHERE id = ?", (rs, n) -> "child registration "
        + rs.getString("status") + " " + rs.getString("end_month") + " " + rs.getString("end_reason"),
        world.childRegistration));
    rows.addAll(jdbc.query("SELECT * FROM scheme_benefit_change WHERE case_id = ? AND scheme = 'CHILD_ALLOWANCE' ORDER BY id",
        (rs, n) -> "child change " + (rs.getLong("death_record_id") - world.world * 10_000L) + " "
            + eventNames.get(rs.getString("event_id")) + " " + rs.getString("change_type") + " " + rs.getString("detail"),
        world.childRegistration));
    return rows;
  }

  /** What a user would check: the snapshot holds the effects of each case, not only equal emptiness. */
  private static void assertEffects(World world, List<String> effect) {
    assertThat(effect).contains(
        "death record APPLIED u1 2026-06-10 2026-06-01",
        "death record 1 rows: 1",
        "death record REVOKED u2 2026-06-11 2026-06-01",
        "death record REVOKED k1 2026-06-30 2026-06-01",
        "death record REVOKED null null null",                      // r: revoked before its death, never applied
        "death record APPLIED p 2026-06-01 2026-06-01",
        "k1 allowance ACTIVE null null head required false",
        "k1 member k1 living true",
        "k1 benefit-terminated published: 1",
        "death record APPLIED k2spouse 2026-06-05 2026-06-01",
        "k2 allowance TERMINATED 2026-06 5 head required true",
        "k2 member k2 living false",
        "k2 member k2spouse living false",
        "k2 benefit-terminated published: 1",
        "child registration ENDED " + world.childEndMonth + " DEATH");
    assertThat(effect).filteredOn(row -> row.startsWith("k1 change"))
        .extracting(row -> row.split(" ")[6])
        .containsExactly("MEMBER_DECEASED", "ALLOWANCE_TERMINATED", "MEMBER_RESTORED", "ALLOWANCE_RESTORED");
    assertThat(effect).filteredOn(row -> row.startsWith("k2 change")).extracting(row -> row.split(" ")[6])
        .containsExactly("MEMBER_DECEASED", "AMOUNT_RECOMPUTED", "HEAD_REQUIRED", "MEMBER_DECEASED",
            "ALLOWANCE_TERMINATED");
    assertThat(effect).filteredOn(row -> row.startsWith("k2 amount")).hasSize(2);
    assertThat(effect).filteredOn(row -> row.contains(" processed: "))
        .allSatisfy(row -> assertThat(row).endsWith("processed: 1")).hasSize(world.poll.size() - 1); // u1 twice
    assertThat(effect).filteredOn(row -> row.startsWith("child change")).extracting(row -> row.split(" ")[5])
        .containsExactly("ALLOWANCE_TERMINATED");
  }

  private void publish(World world, DeathEvent event) throws Exception {
    // keyed by person id as the registry does: a person's events share a partition and keep their order. Except
    // k2spouse's death, keyed as k2's: the topic has 3 partitions, and two members' deaths in two partitions are
    // applied in either order (serialised by the household lock, in no set order), while the
    // world applied one by one has k2 first.
    String role = world.roleOfRecord.get(event.deathRecordId());
    String person = String.valueOf(world.personIds.get("k2spouse".equals(role) ? "k2" : role));
    EventEnvelope envelope = event instanceof PersonDeceased death ? envelope(death, person)
        : revocationEnvelope((DeathRecordRevoked) event, person);
    publisher.publish(TOPIC, envelope).get(10, TimeUnit.SECONDS);
  }

  /** A person-deceased event as the registry publishes it, checked against its schema (unless the date is not). */
  private static EventEnvelope envelope(PersonDeceased death, String personId) throws Exception {
    String payload = """
        {"eventId":"%s","personId":%s,"deathRecordId":%d,"nationalIdNumber":"%s","name":"测试",
         "dateOfDeath":"%s","source":"HUKOU_CANCELLATION","confirmedAt":"2026-07-01T02:00:00Z"}"""
        .formatted(death.eventId(), personId, death.deathRecordId(), death.nationalIdNumber(), death.dateOfDeath());
    if (death.dateOfDeath().getYear() < 10_000) {
      assertThat(schemaErrors("registry.person-deceased.v1.schema.json", payload)).isEmpty();
    }
    return new EventEnvelope(death.eventId(), DeathRule.PERSON_DECEASED, personId,
        Instant.parse("2026-07-01T02:00:00Z"), payload);
  }

  private static EventEnvelope revocationEnvelope(DeathRecordRevoked revocation, String personId) throws Exception {
    String payload = """
        {"eventId":"%s","personId":%s,"deathRecordId":%d,"reason":"公安户籍注销有误","revokedAt":"2026-07-02T03:00:00Z"}"""
        .formatted(revocation.eventId(), personId, revocation.deathRecordId());
    assertThat(schemaErrors("registry.death-record-revoked.v1.schema.json", payload)).isEmpty();
    return new EventEnvelope(revocation.eventId(), DeathRule.DEATH_RECORD_REVOKED, personId,
        Instant.parse("2026-07-02T03:00:00Z"), payload);
  }

  /** A valid ID number of world {@code w}, person {@code i} (born 1950-01-01, sequence w and i). */
  private static String number(int w, int i) {
    return idNumber("33068119500101%d%02d".formatted(w, i));
  }

  private static String single(String number, String name, String startMonth, String income) {
    return """
        {"regionCode":"330681102203","area":"RURAL","monthlyIncome":%s,"startMonth":"%s","members":[
          {"nationalIdNumber":"%s","name":"%s","relation":"HEAD"}]}""".formatted(income, startMonth, number, name);
  }

  private record HttpResponseJson(int status, JsonNode body) {
    HttpResponseJson(java.net.http.HttpResponse<String> response) throws Exception {
      this(response.statusCode(), JSON.readTree(response.body()));
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    assertThat(record.headers().lastHeader(name)).as("header " + name).isNotNull();
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** The record of registry.person.v1-dlt whose ce_id is {@code eventId}. */
  private ConsumerRecord<byte[], byte[]> readDeadLetter(String eventId) {
    Map<String, Object> props = new HashMap<>(KafkaTestUtils.consumerProps(broker, "reader-" + UUID.randomUUID(), false));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (Consumer<byte[], byte[]> consumer = new DefaultKafkaConsumerFactory<>(props,
        new ByteArrayDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(TOPIC + "-dlt"));
      // generous: the listener rejoins its group after the restart, then retries; the machine may be loaded
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.headers().lastHeader("ce_id") != null && eventId.equals(header(record, "ce_id"))) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("No dead letter with ce_id " + eventId);
  }
}
