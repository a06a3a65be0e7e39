package gov.civilaffairs.relief.death;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.ReliefTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 4: a poll's plain household deaths (one death to apply in a household, nothing else of the poll touching it)
 * are applied set-wise by {@link DeathRule#applyAll}, in a constant number of statements, with exactly the effect of
 * the one-death path ({@link DeathRule#apply}, {@link DeathRule#revoke}) event by event. Each case is built in two
 * townships ("worlds"), one applied as a poll, one event by event, and compared row by row with ids replaced by roles:
 * the allowance, its amounts, the members, the head-required flag, the benefit changes, the household's lines in the
 * township's rolls, the overpayment claims and the benefit-terminated outbox rows. Rolls: July 2026 SENT, August DRAFT.
 *
 * <p>Townships 330681108 (山下湖镇), 330681109 (枫桥镇) and 330681110 (赵家镇) are used by no other test, and
 * their rolls are made and sent with caseworker tokens limited to them (the IT classes share one schema).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class PlainDeathsIT extends ReliefTestSupport {

  /** The first death record id of this class (the IT classes share one schema; no other class uses these). */
  static final long RECORDS = 7_300_000L;

  @Autowired
  DeathRule deathRule;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Test
  void plainDeathsInAPollHaveTheEffectOfTheOneDeathPath() throws Exception {
    World poll = world(1, "330681108", "330681108221");
    World single = world(2, "330681109", "330681109219");
    TransactionTemplate transactions = transactions();

    transactions.executeWithoutResult(s -> deathRule.applyAll(poll.events));
    for (DeathEvent event : single.events) {
      transactions.executeWithoutResult(s -> {
        if (event instanceof PersonDeceased death) {
          deathRule.apply(death);
        } else {
          deathRule.revoke((DeathRecordRevoked) event);
        }
      });
    }

    List<String> effect = snapshot(poll);
    assertThat(effect).isEqualTo(snapshot(single));
    // what a caseworker would check, not only that both are alike
    assertThat(effect).contains(
        "s1 allowance TERMINATED 2026-07 s1 head required false",
        "s1 change s1 MEMBER_DECEASED member died on 2026-07-10; last month paid 2026-07",
        "s1 change s1 ALLOWANCE_TERMINATED allowance terminated; end month 2026-07",
        "s1 line 2026-07 SENT 940.00 APPLICATION|HOUSEHOLD_REGISTRATION",
        "s1 benefit-terminated rows: 1",
        "m3 allowance ACTIVE null null head required true",
        "m3 amount 2026-08 2170.00 2 death m3",
        "m3 change m3 HEAD_REQUIRED the head died; a new head must be named",
        "m3 line 2026-08 DRAFT 2170.00 DEATH_RECORD m3",
        "m2 allowance ACTIVE null null head required false",
        "m2 amount 2026-08 withdrawn 1190.00 1 death m2spouse",
        "m2 change m2spouse MEMBER_RESTORED death record revoked; member living",
        "c1 claim 2026-07..2026-07 1 1140.00 OPEN",
        "m2 line 2026-08 DRAFT 2430.00 APPLICATION|HOUSEHOLD_REGISTRATION",
        "c1 benefit-terminated rows: 1");
    assertThat(effect).filteredOn(row -> row.startsWith("s1 line")).hasSize(1); // August's line dropped
    assertThat(effect).filteredOn(row -> row.startsWith("m3 change")).extracting(row -> row.split(" ")[3])
        .containsExactly("MEMBER_DECEASED", "AMOUNT_RECOMPUTED", "HEAD_REQUIRED", "ROLL_LINE_CORRECTED");
    assertThat(effect).filteredOn(row -> row.startsWith("m2 change")).extracting(row -> row.split(" ")[3])
        .containsExactly("MEMBER_DECEASED", "AMOUNT_RECOMPUTED", "ROLL_LINE_CORRECTED", "MEMBER_RESTORED",
            "AMOUNT_RESTORED", "ROLL_LINE_CORRECTED");
    assertThat(effect).filteredOn(row -> row.startsWith("c1 change")).extracting(row -> row.split(" ")[3])
        .containsExactly("MEMBER_DECEASED", "ALLOWANCE_TERMINATED", "ROLL_LINE_CORRECTED", "OVERPAYMENT_CLAIMED");
  }

  @Test
  void aPollOfPlainDeathsReadsOnceForAllAndWritesOnlyTheRowsEachDeathChanges() throws Exception {
    String caseworker = TestTokens.staff("plain-110", Role.TOWNSHIP_CASEWORKER, "330681110");
    List<PersonDeceased> deaths = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String number = idNumber("3306811945020%d%03d".formatted(i % 2 + 1, i));
      String household = i % 2 == 0 ? single("330681110001", number, "钱" + i, "200.00") : """
          {"regionCode":"330681110001","area":"RURAL","monthlyIncome":400.00,"startMonth":"2026-01","members":[
            {"nationalIdNumber":"%s","name":"孙%d","relation":"HEAD"},
            {"nationalIdNumber":"%s","name":"周%d","relation":"SPOUSE"}]}"""
          .formatted(number, i, idNumber("3306811946030%d%03d".formatted(i % 2 + 1, i)), i);
      assertThat(send(caseworker, "POST", "/households", household).statusCode()).isEqualTo(201);
      deaths.add(new PersonDeceased(UUID.randomUUID(), RECORDS + 1_000 + i, number, LocalDate.parse("2026-07-15")));
    }
    assertThat(send(caseworker, "POST", "/payment-rolls", "{\"month\":\"2026-08\",\"scheme\":\"MINIMUM_LIVING_ALLOWANCE\"}")
        .statusCode()).isEqualTo(201);

    long ten = statements(deaths.subList(0, 10));
    long forty = statements(deaths.subList(10, 50));

    // per death only the rows each changes, as statements of the poll's JDBC batches (one round trip each, counted
    // one by one by the server): its member, its allowance (or the amount entry, one multi-row INSERT, and the head
    // flag) and its roll line; every read and every other write is one statement for the whole poll
    assertThat(forty - ten).as("statements of 30 more plain deaths (40 vs 10)").isLessThanOrEqualTo(3 * 30);
    assertThat(ten - 3 * 10).as("statements of a poll besides the row updates").isLessThan(40);
    assertThat(count("SELECT COUNT(*) FROM benefit_change WHERE death_record_id BETWEEN ? AND ?"
        + " AND change_type = 'ROLL_LINE_CORRECTED'", RECORDS + 1_000, RECORDS + 1_049)).isEqualTo(50);
    assertThat(count("SELECT COUNT(*) FROM household_member WHERE deceased_death_record_id BETWEEN ? AND ?",
        RECORDS + 1_000, RECORDS + 1_049)).isEqualTo(50);
  }

  /** The statements ({@code Questions}) the connection of the poll's transaction sent for it. */
  private long statements(List<PersonDeceased> poll) {
    return transactions().execute(s -> {
      long before = questions();
      deathRule.applyAll(poll);
      return questions() - before - 1;
    });
  }

  private long questions() {
    return jdbc.queryForObject("SHOW SESSION STATUS LIKE 'Questions'", (rs, n) -> rs.getLong(2));
  }

  private TransactionTemplate transactions() {
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED); // as the listener's
    return transactions;
  }

  /** One township's households and the poll of events about them. */
  private record World(int world, String caseworker, Map<String, String> numbers, Map<String, Long> households,
      Map<Long, String> roleOfRecord, List<DeathEvent> events) {
  }

  /**
   * {@code s1} a one-member household (dies in July: terminated, August's line dropped); {@code m3} three members,
   * the head dies in July (recomputed for two from August, head required, August's line corrected); {@code m2} two
   * members, the spouse dies in July and the death is revoked later in the poll; {@code c1} one member who died in
   * June, after July's roll was sent (an overpayment claim: the one-death path); {@code u} nobody here. The poll also
   * delivers s1's death twice.
   */
  private World world(int w, String township, String village) throws Exception {
    String caseworker = TestTokens.staff("plain-" + township, Role.TOWNSHIP_CASEWORKER, township);
    Map<String, String> numbers = new LinkedHashMap<>();
    String[] roles = {"s1", "m3", "m3spouse", "m3child", "m2", "m2spouse", "c1", "u"};
    for (int i = 0; i < roles.length; i++) {
      numbers.put(roles[i], idNumber("33068119520101%d%02d".formatted(w, i)));
    }
    numbers.put("m3child", idNumber("33068120100505%d02".formatted(w)));
    Map<String, Long> households = new LinkedHashMap<>();
    households.put("s1", household(caseworker, single(village, numbers.get("s1"), "王一", "300.00")));
    households.put("m3", household(caseworker, """
        {"regionCode":"%s","area":"RURAL","monthlyIncome":310.00,"startMonth":"2026-01","members":[
          {"nationalIdNumber":"%s","name":"赵建国","relation":"HEAD"},
          {"nationalIdNumber":"%s","name":"钱丽","relation":"SPOUSE"},
          {"nationalIdNumber":"%s","name":"赵小明","relation":"CHILD"}]}"""
        .formatted(village, numbers.get("m3"), numbers.get("m3spouse"), numbers.get("m3child"))));
    households.put("m2", household(caseworker, """
        {"regionCode":"%s","area":"RURAL","monthlyIncome":50.00,"startMonth":"2026-01","members":[
          {"nationalIdNumber":"%s","name":"孙强","relation":"HEAD"},
          {"nationalIdNumber":"%s","name":"李芳","relation":"SPOUSE"}]}"""
        .formatted(village, numbers.get("m2"), numbers.get("m2spouse"))));
    households.put("c1", household(caseworker, single(village, numbers.get("c1"), "周三", "100.00")));
    roll(caseworker, "2026-07");
    assertThat(send(caseworker, "POST", "/payment-rolls/2026-07/sent?scheme=MINIMUM_LIVING_ALLOWANCE", null)
        .statusCode()).isEqualTo(200);
    roll(caseworker, "2026-08");

    Map<Long, String> roleOfRecord = new HashMap<>();
    List<DeathEvent> events = new ArrayList<>();
    PersonDeceased s1 = death(w, 1, "s1", numbers, roleOfRecord, "2026-07-10");
    events.add(death(w, 9, "u", numbers, roleOfRecord, "2026-07-01"));
    events.add(s1);
    events.add(death(w, 2, "m3", numbers, roleOfRecord, "2026-07-20"));
    events.add(death(w, 3, "m2spouse", numbers, roleOfRecord, "2026-07-05"));
    events.add(s1);
    events.add(death(w, 4, "c1", numbers, roleOfRecord, "2026-06-15"));
    events.add(new DeathRecordRevoked(UUID.randomUUID(), RECORDS + w * 100L + 3));
    return new World(w, caseworker, numbers, households, roleOfRecord, events);
  }

  private long household(String caseworker, String json) throws Exception {
    var response = send(caseworker, "POST", "/households", json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("id").longValue();
  }

  private void roll(String caseworker, String month) throws Exception {
    var response = send(caseworker, "POST", "/payment-rolls",
        "{\"month\":\"" + month + "\",\"scheme\":\"MINIMUM_LIVING_ALLOWANCE\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static PersonDeceased death(int w, int record, String role, Map<String, String> numbers,
      Map<Long, String> roleOfRecord, String date) {
    roleOfRecord.put(RECORDS + w * 100L + record, role);
    return new PersonDeceased(UUID.randomUUID(), RECORDS + w * 100L + record, numbers.get(role), LocalDate.parse(date));
  }

  /** What the world's events did, row by row, ids replaced by roles. */
  private List<String> snapshot(World world) {
    Map<String, String> roleOfNumber = new HashMap<>();
    world.numbers().forEach((role, number) -> roleOfNumber.put(number, role));
    List<String> rows = new ArrayList<>();
    for (Map.Entry<String, Long> household : world.households().entrySet()) {
      String h = household.getKey();
      long id = household.getValue();
      rows.addAll(jdbc.query("SELECT a.*, x.head_required_death_record_id FROM allowance a JOIN household x"
          + " ON x.id = a.household_id WHERE a.household_id = ?", (rs, n) -> h + " allowance " + rs.getString("status")
          + " " + (rs.getString("end_month") == null ? null : rs.getString("end_month").substring(0, 7)) + " "
          + world.roleOfRecord().get(rs.getObject("terminated_by_death_record_id", Long.class))
          + " head required " + (rs.getObject("head_required_death_record_id") != null), id));
      rows.addAll(jdbc.query("SELECT x.* FROM allowance_amount x JOIN allowance a ON a.id = x.allowance_id"
          + " WHERE a.household_id = ? ORDER BY x.id", (rs, n) -> h + " amount " + rs.getString("from_month").substring(0, 7)
          + (rs.getBoolean("withdrawn") ? " withdrawn " : " ") + rs.getBigDecimal("amount") + " " + rs.getInt("members")
          + " death " + world.roleOfRecord().get(rs.getObject("death_record_id", Long.class)), id));
      rows.addAll(jdbc.query("SELECT * FROM household_member WHERE household_id = ? ORDER BY id", (rs, n) -> h
          + " member " + roleOfNumber.get(rs.getString("national_id_number")) + " deceased by "
          + world.roleOfRecord().get(rs.getObject("deceased_death_record_id", Long.class)), id));
      rows.addAll(jdbc.query("SELECT * FROM benefit_change WHERE household_id = ? ORDER BY id", (rs, n) -> h
          + " change " + world.roleOfRecord().get(rs.getLong("death_record_id")) + " " + rs.getString("change_type")
          + " " + rs.getString("detail").replaceAll("claim \\d+", "claim #"), id));
      rows.addAll(jdbc.query("SELECT l.*, r.status FROM payment_roll_line l JOIN payment_roll r ON r.id = l.roll_id"
          + " WHERE l.beneficiary_id = ? AND r.scheme = 'MINIMUM_LIVING_ALLOWANCE' ORDER BY r.month, l.id",
          (rs, n) -> h + " line " + rs.getString("for_month").substring(0, 7) + " " + rs.getString("status") + " "
              + rs.getBigDecimal("amount") + " " + decision(rs.getString("decision_kind"),
                  rs.getObject("decision_id", Long.class), world), id));
      rows.addAll(jdbc.query("SELECT * FROM overpayment_claim WHERE household_id = ? ORDER BY id", (rs, n) -> h
          + " claim " + rs.getString("from_month").substring(0, 7) + ".." + rs.getString("to_month").substring(0, 7)
          + " " + rs.getInt("months") + " " + rs.getBigDecimal("amount") + " " + rs.getString("status"), id));
      rows.add(h + " benefit-terminated rows: " + count(
          "SELECT COUNT(*) FROM benefit_termination_outbox WHERE household_id = ?", id));
    }
    return rows;
  }

  /** A line's decision with a death record's id as its role; an application or registration as one kind. */
  private static String decision(String kind, Long id, World world) {
    return switch (kind) {
      case "DEATH_RECORD" -> kind + " " + world.roleOfRecord().get(id);
      case "APPLICATION", "HOUSEHOLD_REGISTRATION" -> "APPLICATION|HOUSEHOLD_REGISTRATION";
      default -> kind;
    };
  }

  private static String single(String village, String number, String name, String income) {
    return """
        {"regionCode":"%s","area":"RURAL","monthlyIncome":%s,"startMonth":"2026-01","members":[
          {"nationalIdNumber":"%s","name":"%s","relation":"HEAD"}]}""".formatted(village, income, number, name);
  }
}
