package gov.civilaffairs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import gov.civilaffairs.bench.Gateway.Principal;
import gov.civilaffairs.bench.Gateway.Reply;
import gov.civilaffairs.bench.Manifest.Entry;
import tools.jackson.databind.JsonNode;

/**
 * The death-flow benchmark of issue 4 on the loaded city: {@code bench.deaths} persons of the manifest
 * who have not died yet die in the registry's bulk CSV import (source HUKOU_CANCELLATION, confirmed at
 * once by the default confirmation policy), files of {@code bench.rowsPerFile} rows sent one after the other.
 *
 * <ul>
 *   <li>Throughput: person-deceased events published / time from the first upload until every
 *       consumer group of the registry's topic has committed every event on it (the services commit
 *       after applying an event, so then every effect is applied).</li>
 *   <li>Latency per death: the last service's effect ({@code changedAt} / {@code recordedAt} of the
 *       benefit change naming the death record) minus the death record's confirmation (its
 *       {@code CONFIRMED} history entry), read over REST afterwards for {@code bench.latencySample}
 *       deaths (0 = all).</li>
 *   <li>Baselines: raw produce-and-consume of 10,000 messages of the size of a real event on the same
 *       broker, and the ratio of the rates; the same deaths written by plain JDBC batches on the same
 *       database server ({@link JdbcBaseline}) against the import's rate.</li>
 * </ul>
 */
public final class DeathFlowBenchmark {

  private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");
  /** Where deploy/run-local.sh writes the pid of each process it starts. */
  private static final Path PID_DIR = Path.of(".run-local", "pids");
  /** Messages in the raw Kafka baseline (issue 4). */
  private static final int BASELINE_MESSAGES = 10_000;
  /** How long the topic must stay still, every group caught up, before the run counts as done. */
  private static final Duration SETTLED = Duration.ofSeconds(3);

  private final Settings settings;
  private final Gateway gateway;
  /** The highest lag of each consumer group seen while waiting (is a consumer the bottleneck?). */
  private final Map<String, Long> maxLag = new TreeMap<>();

  private DeathFlowBenchmark(Settings settings) {
    this.settings = settings;
    this.gateway = new Gateway(settings);
  }

  public static void main(String[] args) throws Exception {
    new DeathFlowBenchmark(Settings.fromSystemProperties()).run();
  }

  private record Death(Entry person, long deathRecordId) {
  }

  private void run() throws Exception {
    String loadBefore = Machine.loadAverage();
    List<Entry> chosen = chooseVictims(settings.warmupDeaths() + settings.deaths());
    List<Entry> warmup = chosen.subList(0, settings.warmupDeaths());
    List<Entry> victims = chosen.subList(settings.warmupDeaths(), chosen.size());
    LocalDate dateOfDeath = LocalDate.now(BUREAU).minusDays(1);
    List<String> files = csvFiles(victims, dateOfDeath);
    System.out.printf("Benchmark: %d deaths in %d files through %s; machine: %s%n", victims.size(), files.size(),
        settings.gateway(), Machine.describe());

    if (settings.rolls()) {
      generateRolls(YearMonth.now(BUREAU));
    }
    try (KafkaProbe kafka = new KafkaProbe(settings.kafka())) {
      List<String> groups = kafka.consumerGroups(settings.topic());
      System.out.printf("Consumer groups of %s: %s%n", settings.topic(), groups);
      if (!warmup.isEmpty()) {
        // Not measured: the services' JIT compilers warm up on the import and event paths, as in a
        // system that has been running (on this shared machine C2 needs tens of seconds of CPU).
        System.out.printf("Warm-up: %d deaths, not measured%n", warmup.size());
        recordDeceased(warmup);
        upload(csvFiles(warmup, dateOfDeath));
      }
      waitUntilApplied(kafka, groups, Instant.now().plusSeconds(settings.timeoutSeconds()));
      maxLag.clear();
      long publishedBefore = kafka.published(settings.topic());
      recordDeceased(victims);

      Map<String, Double> cpuBefore = ProcessCpu.snapshot(PID_DIR);
      double compilingBefore = ProcessCpu.compilerSeconds(PID_DIR);
      long start = System.nanoTime();
      Instant startedAt = Instant.now();
      List<Long> importIds = upload(files);
      double importSeconds = (System.nanoTime() - start) / 1e9;
      List<Death> deaths = deathRecords(importIds, victims);
      System.out.printf("Imported in %.1f s: %d deaths accepted of %d rows (%.0f rows/s into the registry)%n",
          importSeconds, deaths.size(), victims.size(), victims.size() / importSeconds);

      Instant applied = waitUntilApplied(kafka, groups, startedAt.plusSeconds(settings.timeoutSeconds()));
      Map<String, Double> cpuAfter = ProcessCpu.snapshot(PID_DIR);
      double compiling = ProcessCpu.compilerSeconds(PID_DIR) - compilingBefore;
      long published = kafka.published(settings.topic()) - publishedBefore;
      double seconds = Duration.between(startedAt, applied).toMillis() / 1e3;
      double throughput = published / seconds;

      long[] latencies = latencies(deaths);
      int size = kafka.newestMessageSize(settings.topic());
      KafkaProbe.Baseline baseline = kafka.baseline(settings.topic(), BASELINE_MESSAGES, size);
      JdbcBaseline.Result jdbc = settings.jdbcUrl().isEmpty() ? null
          : JdbcBaseline.run(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword(), victims.size(),
              Math.min(settings.importChunk(), settings.rowsPerFile()));

      System.out.printf("""

          === Death flow, %d deaths accepted, %d person-deceased events published (%s) ===
          import: %.1f s, %.0f rows/s; plain JDBC batch baseline (same rows, same server): %s
          end to end: %.1f s, %.0f deaths/s (floor 500)
          highest consumer lag seen: %s
          confirmation -> last service's effect, %d deaths read back (timestamps to the ms): p50 %.0f ms, p99 %.0f ms, max %.0f ms (floor p99 < 2000)
          raw Kafka baseline, %d messages of %d bytes, acks=all: %.2f s, %.0f msg/s, p50 %.0f ms, p99 %.0f ms
          ratio raw Kafka / death flow: %.1fx
          machine: %s; load average before %s, after %s
          CPU used from the first upload until every effect was applied (where the cores went; the waits for
          consumer lag poll every 250 ms, so the end is up to that late):
          %s  of which the services' JIT compiler threads: %.1f s (a system that has run a while compiles little)
          """, deaths.size(), published, startedAt, importSeconds, victims.size() / importSeconds,
          jdbc == null ? "not run" : String.format("%.2f s, %.0f rows/s (%.1fx the import)", jdbc.seconds(),
              jdbc.perSecond(), jdbc.perSecond() / (victims.size() / importSeconds)),
          seconds, throughput, maxLag, latencies.length, Percentiles.of(latencies, 0.5),
          Percentiles.of(latencies, 0.99), Percentiles.of(latencies, 1.0), baseline.messages(), baseline.bytes(),
          baseline.seconds(), baseline.perSecond(), baseline.p50Millis(), baseline.p99Millis(),
          baseline.perSecond() / throughput, Machine.describe(), loadBefore, Machine.loadAverage(),
          ProcessCpu.report(cpuBefore, cpuAfter, seconds), compiling);
    }
  }

  /**
   * Generates the month's payment rolls, as the bureau does on the first of the month (relief's 低保 rolls, one
   * per township, and eldercare's old-age allowance roll; both idempotent), so that each death drops its
   * person's line from an unsent roll, as on any day of a real month (DOMAIN.md, the death rule).
   */
  private void generateRolls(YearMonth month) {
    Reply relief = gateway.postJson(Principal.CITY_ADMIN, "/api/relief/payment-rolls",
        Map.of("month", month.toString(), "scheme", "MINIMUM_LIVING_ALLOWANCE"));
    Reply eldercare = gateway.postJson(Principal.CITY_ADMIN, "/api/eldercare/old-age-allowance-rolls",
        Map.of("month", month.toString()));
    if (!relief.ok() || !eldercare.ok()) {
      throw new IllegalStateException("rolls of " + month + " not generated: relief HTTP " + relief.status() + " "
          + relief.body() + ", eldercare HTTP " + eldercare.status() + " " + eldercare.body());
    }
    System.out.printf("Rolls of %s (unsent): relief %s lines in %d township rolls, eldercare %s lines%n", month,
        relief.body().path("lineCount").asText(),
        relief.body().path("rolls").size(), eldercare.body().path("lineCount").asText());
  }

  /** Persons of the manifest not yet dead (neither in the demo feed nor in an earlier run), at random. */
  private List<Entry> chooseVictims(int count) throws IOException {
    Set<String> dead = Files.exists(settings.deceased())
        ? new HashSet<>(Files.readAllLines(settings.deceased(), StandardCharsets.UTF_8)) : Set.of();
    List<Entry> alive = new ArrayList<>(Manifest.read(settings.manifest()).stream()
        .filter(e -> !dead.contains(e.resident().nationalIdNumber())).toList());
    if (alive.size() < count) {
      throw new IllegalStateException("only " + alive.size() + " living persons in " + settings.manifest()
          + " for " + count + " deaths (warm-up included): load a larger city or delete " + settings.deceased()
          + " after reloading");
    }
    Collections.shuffle(alive, new Random(System.nanoTime()));
    return List.copyOf(alive.subList(0, count));
  }

  private void recordDeceased(List<Entry> victims) throws IOException {
    Files.write(settings.deceased(), victims.stream().map(e -> e.resident().nationalIdNumber()).toList(),
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private List<String> csvFiles(List<Entry> victims, LocalDate dateOfDeath) {
    List<String> files = new ArrayList<>();
    String run = Long.toString(System.currentTimeMillis(), 36);
    for (int from = 0; from < victims.size(); from += settings.rowsPerFile()) {
      StringBuilder csv = new StringBuilder(DemoFeed.HEADER).append('\n');
      for (Entry e : victims.subList(from, Math.min(victims.size(), from + settings.rowsPerFile()))) {
        csv.append(e.resident().nationalIdNumber()).append(',').append(e.resident().name()).append(',')
            .append(dateOfDeath).append(",HUKOU_CANCELLATION,BENCH-").append(run).append('-')
            .append(e.resident().nationalIdNumber()).append(",\n");
      }
      files.add(csv.toString());
    }
    return files;
  }

  /** Uploads the files one after the other, as the data-sharing platform sends its daily feed. */
  private List<Long> upload(List<String> files) {
    List<Long> ids = new ArrayList<>();
    for (String csv : files) {
      Reply reply = gateway.postCsv(Principal.DATA_SHARING_PLATFORM, "/api/registry/imports", csv);
      if (!reply.ok()) {
        throw new IllegalStateException("import failed: HTTP " + reply.status() + " " + reply.body());
      }
      ids.add(reply.body().get("id").asLong());
    }
    return ids;
  }

  /** The accepted rows of the imports, with their death record ids; other outcomes are counted. */
  private List<Death> deathRecords(List<Long> importIds, List<Entry> victims) {
    List<Death> deaths = new ArrayList<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int f = 0; f < importIds.size(); f++) {
      int offset = f * settings.rowsPerFile();
      for (int page = 0; ; page++) {
        JsonNode rows = gateway.get(Principal.CITY_ADMIN,
            "/api/registry/imports/" + importIds.get(f) + "?size=1000&page=" + page).body().get("rows");
        for (JsonNode row : rows) {
          String outcome = row.get("outcome").asString();
          outcomes.merge(outcome, 1, Integer::sum);
          if (outcome.equals("ACCEPTED")) {
            deaths.add(new Death(victims.get(offset + row.get("rowNo").asInt() - 1), row.get("deathRecordId").asLong()));
          }
        }
        if (rows.size() < 1000) {
          break;
        }
      }
    }
    System.out.printf("Row outcomes: %s%n", outcomes);
    return deaths;
  }

  /**
   * Waits until every group has committed everything on the topic and the topic has not grown for
   * {@code SETTLED}; returns when that state was first seen. (Counting expected events is not exact: an
   * accepted row for a person already dead attaches a source and publishes nothing.)
   */
  private Instant waitUntilApplied(KafkaProbe kafka, List<String> groups, Instant deadline) {
    Instant nextReport = Instant.now();
    Instant caughtUpAt = null;
    long caughtUpWith = -1;
    for (;;) {
      long onTopic = kafka.published(settings.topic());
      Map<String, Long> lag = kafka.lag(settings.topic(), groups);
      lag.forEach((group, l) -> maxLag.merge(group, l, Math::max));
      Instant now = Instant.now();
      if (lag.values().stream().allMatch(l -> l == 0)) {
        if (onTopic != caughtUpWith) {
          caughtUpAt = now;
          caughtUpWith = onTopic;
        } else if (Duration.between(caughtUpAt, now).compareTo(SETTLED) >= 0) {
          return caughtUpAt;
        }
      } else {
        caughtUpWith = -1;
      }
      if (now.isAfter(deadline)) {
        throw new IllegalStateException("timed out: " + onTopic + " events on the topic, lag " + lag);
      }
      if (now.isAfter(nextReport)) {
        System.out.printf("  %s: %d events on the topic, lag %s%n", now, onTopic, lag);
        nextReport = now.plusSeconds(5);
      }
      Gateway.pause(Duration.ofMillis(100));
    }
  }

  /**
   * Confirmation to last effect, in ms, sorted, of the deaths of persons with a benefit (a person in the
   * index only has no effect to wait for); read over REST with the loader's pool size.
   */
  private long[] latencies(List<Death> deaths) throws InterruptedException {
    List<Death> sample = new ArrayList<>(deaths.stream().filter(d -> d.person().programme().hasBenefits()).toList());
    if (settings.latencySample() > 0 && sample.size() > settings.latencySample()) {
      Collections.shuffle(sample, new Random(1));
      sample = sample.subList(0, settings.latencySample());
    }
    ConcurrentLinkedQueue<Long> millis = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> missing = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
    for (Death d : sample) {
      pool.execute(() -> {
        Instant confirmed = confirmedAt(d.deathRecordId());
        Instant effect = lastEffect(d);
        if (confirmed == null || effect == null) {
          missing.add(d.person().resident().nationalIdNumber() + " (" + d.person().programme() + ")");
        } else {
          millis.add(Duration.between(confirmed, effect).toMillis());
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    if (!missing.isEmpty()) {
      System.out.printf("WARNING: %d deaths without a confirmation or an effect, e.g. %s%n", missing.size(),
          missing.stream().limit(5).toList());
    }
    return millis.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  private Instant confirmedAt(long deathRecordId) {
    Reply reply = gateway.get(Principal.CITY_ADMIN, "/api/registry/deaths/" + deathRecordId);
    if (reply.ok()) {
      for (JsonNode entry : reply.body().path("history")) {
        if (entry.path("action").asString("").equals("CONFIRMED")) {
          return Instant.parse(entry.get("occurredAt").asString());
        }
      }
    }
    return null;
  }

  /** The newest change naming the death record in the person's service. */
  private Instant lastEffect(Death d) {
    Reply reply = gateway.get(Principal.CITY_ADMIN, d.person().programme().changesOf(d.person().resident().nationalIdNumber()));
    Instant last = null;
    if (reply.ok()) {
      for (JsonNode change : reply.body()) {
        if (change.path("deathRecordId").asLong() == d.deathRecordId()) {
          JsonNode at = change.has("changedAt") ? change.get("changedAt") : change.get("recordedAt");
          Instant instant = Instant.parse(at.asString());
          last = last == null || instant.isAfter(last) ? instant : last;
        }
      }
    }
    return last;
  }
}
