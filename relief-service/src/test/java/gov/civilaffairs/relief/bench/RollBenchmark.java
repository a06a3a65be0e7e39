package gov.civilaffairs.relief.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.relief.ReliefTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Benchmark of issue 5: {@value #HOUSEHOLDS} active allowance households (one member each, spread over
 * {@value #TOWNSHIPS} townships of 10 villages), in the schema {@code relief_bench} (emptied at start by Flyway clean).
 * In one run, each phase timed with the JVM's peak heap use (all heap pools' peak, reset before the phase; the
 * server runs in this JVM):
 * <ol>
 *   <li>baseline: a plain JDBC batch insert (batches of 1,000, one transaction) of the {@value #HOUSEHOLDS} roll
 *       lines into a copy of {@code payment_roll_line};</li>
 *   <li>{@code POST /payment-rolls} for month {@value #ROLL_MONTH}: one roll per township, a line per household;</li>
 *   <li>baseline: the same kind of insert of {@value #HOUSEHOLDS} amount entries into a copy of {@code allowance_amount};</li>
 *   <li>{@code POST /allowance-standards} (URBAN, effective {@value #STANDARD_MONTH}, after the roll was sent):
 *       every allowance recomputed, one amount entry and one {@code benefit-changed} event each (relief's own
 *       outbox, ADR 0007);</li>
 *   <li>after its commit: until the relay has sent every outbox row to the embedded broker (measured from the
 *       response on, so it includes what was sent while the previous phase ended).</li>
 * </ol>
 * Not a test of the build: runs only under the Maven profile {@code bench} (README). Asserts the floor of issue 5:
 * the roll in under 60 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "bench"})
@EmbeddedKafka(partitions = 1)
class RollBenchmark extends ReliefTestSupport {

  static final int HOUSEHOLDS = Integer.getInteger("bench.households", 200_000);
  static final int TOWNSHIPS = 20;
  static final String ROLL_MONTH = "2026-03";
  static final String STANDARD_MONTH = "2026-04";
  static final int BATCH = 1000;

  @Autowired
  DataSource dataSource;

  record Phase(String name, long millis, long peakHeapMb, int rows) {
  }

  @Test
  void rollGenerationAndStandardRecomputationAgainstPlainJdbcBatchInserts() throws Exception {
    String machine = machine();
    long loadStart = System.nanoTime();
    load();
    long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
    List<Phase> phases = new ArrayList<>();

    execute("CREATE TABLE bench_line LIKE payment_roll_line");
    phases.add(measure("baseline: JDBC batch insert of the roll's lines", () -> baselineLines()));
    JsonNode[] roll = new JsonNode[1];
    phases.add(measure("POST /payment-rolls (one roll per township)", () -> {
      roll[0] = post("/payment-rolls", "{\"month\":\"" + ROLL_MONTH + "\",\"scheme\":\"MINIMUM_LIVING_ALLOWANCE\"}", 201);
      return roll[0].path("lineCount").intValue();
    }));
    print(machine, loadMillis, phases);
    assertThat(roll[0].path("lineCount").intValue()).isEqualTo(HOUSEHOLDS);
    assertThat(roll[0].path("rolls").size()).isEqualTo(TOWNSHIPS);
    post("/payment-rolls/" + ROLL_MONTH + "/sent", null, 200);

    execute("CREATE TABLE bench_amount LIKE allowance_amount");
    phases.add(measure("baseline: JDBC batch insert of the new amount entries", () -> baselineAmounts()));
    phases.add(measure("POST /allowance-standards (recompute every allowance)", () -> {
      JsonNode standard = post("/allowance-standards", "{\"area\":\"URBAN\",\"year\":2026,\"effectiveMonth\":\""
          + STANDARD_MONTH + "\",\"amount\":\"1300.00\",\"documentReference\":\"BENCH-2026\"}", 201);
      return count("SELECT COUNT(*) FROM allowance_amount WHERE allowance_standard_id = ?", standard.path("id").longValue());
    }));
    int events = count("SELECT COALESCE(SUM(events), 0) FROM benefit_event_outbox");
    // after the commit: the relay sends the outbox rows to the embedded broker (not part of the recompute's time)
    phases.add(measure("after it: relay of the benefit-changed events to Kafka", () -> {
      long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
      while (count("SELECT COUNT(*) FROM benefit_event_outbox WHERE completed_at IS NULL") > 0) {
        assertThat(System.nanoTime()).as("relay within 10 min").isLessThan(deadline);
        Thread.sleep(200);
      }
      return count("SELECT COALESCE(SUM(events), 0) FROM benefit_event_outbox WHERE completed_at IS NOT NULL");
    }));
    print(machine, loadMillis, phases);
    assertThat(events).as("one benefit-changed per new amount entry").isEqualTo(phases.get(3).rows());
    assertThat(phases.get(1).millis()).as("issue 5 floor: the roll of 200,000 households in under 60 s").isLessThan(60_000);
  }

  /** Households, members, allowances and amounts, by plain JDBC batches (not measured). */
  private void load() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement h = c.prepareStatement(
              "INSERT INTO household (id, region_code, area, monthly_income) VALUES (?, ?, 'URBAN', ?)");
          PreparedStatement m = c.prepareStatement(
              "INSERT INTO household_member (household_id, national_id_number, name, relation, head) VALUES (?, ?, '测试', 'HEAD', TRUE)");
          PreparedStatement a = c.prepareStatement(
              "INSERT INTO allowance (id, household_id, start_month, status) VALUES (?, ?, '2026-01-01', 'ACTIVE')");
          PreparedStatement x = c.prepareStatement(
              "INSERT INTO allowance_amount (allowance_id, from_month, amount, members) VALUES (?, '2026-01-01', ?, 1)")) {
        for (int i = 1; i <= HOUSEHOLDS; i++) {
          BigDecimal income = BigDecimal.valueOf(i % 500).setScale(2);
          h.setLong(1, i);
          h.setString(2, village(i));
          h.setBigDecimal(3, income);
          h.addBatch();
          m.setLong(1, i);
          m.setString(2, idNumber(i));
          m.addBatch();
          a.setLong(1, i);
          a.setLong(2, i);
          a.addBatch();
          x.setLong(1, i);
          x.setBigDecimal(2, new BigDecimal("1240.00").subtract(income));
          x.addBatch();
          if (i % BATCH == 0 || i == HOUSEHOLDS) {
            h.executeBatch();
            m.executeBatch();
            a.executeBatch();
            x.executeBatch();
          }
        }
      }
      c.commit();
    }
  }

  private int baselineLines() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("""
          INSERT INTO bench_line (roll_id, beneficiary_id, region_code, kind, for_month, amount, decision_kind, decision_id)
          VALUES (?, ?, ?, 'MONTHLY', ?, ?, 'HOUSEHOLD_REGISTRATION', ?)""")) {
        for (int i = 1; i <= HOUSEHOLDS; i++) {
          p.setLong(1, 1 + i % TOWNSHIPS);
          p.setLong(2, i);
          p.setString(3, village(i));
          p.setObject(4, LocalDate.parse(ROLL_MONTH + "-01"));
          p.setBigDecimal(5, new BigDecimal("1240.00").subtract(BigDecimal.valueOf(i % 500)).setScale(2));
          p.setLong(6, i);
          p.addBatch();
          if (i % BATCH == 0 || i == HOUSEHOLDS) {
            p.executeBatch();
          }
        }
      }
      c.commit();
    }
    return HOUSEHOLDS;
  }

  private int baselineAmounts() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("""
          INSERT INTO bench_amount (allowance_id, from_month, amount, members, allowance_standard_id) VALUES (?, ?, ?, 1, 1)""")) {
        for (int i = 1; i <= HOUSEHOLDS; i++) {
          p.setLong(1, i);
          p.setObject(2, YearMonth.parse(STANDARD_MONTH).atDay(1));
          p.setBigDecimal(3, new BigDecimal("1300.00").subtract(BigDecimal.valueOf(i % 500)).setScale(2));
          p.addBatch();
          if (i % BATCH == 0 || i == HOUSEHOLDS) {
            p.executeBatch();
          }
        }
      }
      c.commit();
    }
    return HOUSEHOLDS;
  }

  private static String village(int i) {
    return "330681%03d%03d".formatted(100 + i % TOWNSHIPS, 1 + (i / TOWNSHIPS) % 10);
  }

  private static String idNumber(int i) {
    String first17 = "330681" + LocalDate.of(1940, 1, 1).plusDays(i / 1000).toString().replace("-", "")
        + "%03d".formatted(i % 1000);
    return first17 + NationalIdNumber.checkCharacter(first17);
  }

  private void execute(String sql) throws Exception {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static Phase measure(String name, Callable<Integer> work) throws Exception {
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    int rows = work.call();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1024 / 1024;
    Phase phase = new Phase(name, millis, peak, rows);
    System.out.printf("bench: %s: %d rows in %d ms, peak heap %d MB%n", name, rows, millis, peak);
    return phase;
  }

  private static String machine() {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Runtime runtime = Runtime.getRuntime();
    return "%d cores, %.1f GiB, %s %s, -Xmx%d MB, load average %.2f".formatted(runtime.availableProcessors(),
        os.getTotalMemorySize() / 1024.0 / 1024 / 1024, System.getProperty("java.vm.name"), Runtime.version(),
        runtime.maxMemory() / 1024 / 1024, os.getSystemLoadAverage());
  }

  private static void print(String machine, long loadMillis, List<Phase> phases) {
    StringBuilder out = new StringBuilder("%n=== relief roll benchmark ===%n".formatted())
        .append("%d households in %d townships (loaded in %d ms); machine at start: %s%n"
            .formatted(HOUSEHOLDS, TOWNSHIPS, loadMillis, machine))
        .append("load average now: %.2f%n".formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
        .append("%-60s %9s %10s %14s%n".formatted("phase", "rows", "ms", "peak heap MB"));
    for (Phase p : phases) {
      out.append("%-60s %9d %10d %14d%n".formatted(p.name(), p.rows(), p.millis(), p.peakHeapMb()));
    }
    System.out.println(out);
  }
}
