package gov.civilaffairs.incomeverification.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.incomeverification.department.QueryPoolProperties;
import gov.civilaffairs.incomeverification.department.Source;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Benchmark of issue 6: {@value #VERIFICATIONS} verifications of 3-member households against stub
 * departments answering in {@value StubDepartments#LATENCY_MS} ms, in three modes measured in the same run:
 * <ol>
 *   <li>baseline: the same department calls made directly ({@link DirectDepartmentCalls}), no resilience
 *       layer, on a pool of the service's size;</li>
 *   <li>the service: {@code POST /verification-requests} with a bearer token, through the resilience
 *       layer, the database writes (request, results, findings, audit entries) and the outbox, to the
 *       completed report; the outbox is then drained to the embedded Kafka broker;</li>
 *   <li>the same with {@link #DOWN} answering 500 to everything: its circuit opens during the warm-up,
 *       the reports are {@code PENDING} with that source missing.</li>
 * </ol>
 * Each mode first runs {@value #WARM_UP} verifications that are not measured. Verifications are made by
 * {@code threads / sources} callers at once, so that the service's query pool
 * ({@code income-verification.queries.threads}) is just filled. Prints throughput, p50, p99, their ratio
 * to the baseline and the machine. Not a test of the build: runs only under the Maven profile
 * {@code bench} (see README). Schema {@code income_verification_bench}, emptied at start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "bench"})
@EmbeddedKafka(partitions = 1)
@Import(TestTokenConfiguration.class)
class VerificationBenchmark {

  static final int VERIFICATIONS = 1000;
  static final int WARM_UP = 100;
  /** The department that is down in the third mode. */
  static final Source DOWN = Source.BANK_DEPOSITS;
  /** The most one mode (warm-up or measured run) may take: the benchmark stops by itself. */
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

  static final StubDepartments departments = new StubDepartments();

  @LocalServerPort
  int port;
  @Autowired
  QueryPoolProperties queryPool;
  @Autowired
  JdbcClient jdbc;

  @DynamicPropertySource
  static void departmentUrls(DynamicPropertyRegistry registry) {
    for (Source source : Source.values()) {
      registry.add("spring.http.serviceclient." + source.id() + ".base-url", () -> departments.baseUrl(source));
    }
    registry.add("spring.security.oauth2.client.provider.identity-provider.token-uri", departments::tokenUri);
  }

  @AfterAll
  static void stopDepartments() {
    departments.close();
  }

  @Test
  void verificationsThroughTheResilienceLayerAgainstDirectCallsAndWithOneDepartmentDown() throws InterruptedException {
    int callers = Math.max(1, queryPool.threads() / Source.values().length);
    String machine = machine();
    List<LoadRun> runs = new ArrayList<>();

    try (DirectDepartmentCalls direct = new DirectDepartmentCalls(departments::baseUrl, queryPool.threads())) {
      runs.add(run("baseline: direct calls, no resilience", callers, i -> direct.verify(StubDepartments.MEMBERS)));
    }

    RestClient service = service();
    runs.add(run("service: all departments answer", callers, i -> submit(service, "all-" + i, "COMPLETED", "[]")));
    Duration outboxDrained = awaitOutboxDrained();

    departments.takeDown(DOWN);
    Map<String, Integer> downOutcomes = new ConcurrentHashMap<>();
    RestClient downService = service();
    LoadRun down = run("service: " + DOWN.id() + " down (circuit open)", callers, i -> {
      JsonNode verification = submit(downService, "down-" + i, "PENDING", "[\"" + DOWN.name() + "\"]");
      if (i < VERIFICATIONS) {
        downOutcomes.merge(statusOf(verification, DOWN), 1, Integer::sum);
      }
    });
    runs.add(down);
    long downQueries = departments.queriesOf(DOWN);

    print(machine, callers, runs, outboxDrained, downOutcomes, downQueries);
    assertThat(downQueries).as("the circuit keeps most calls away from the department that is down")
        .isLessThan(VERIFICATIONS / 10);
  }

  /**
   * Warms up with {@value #WARM_UP} verifications (numbered from {@value #VERIFICATIONS}), forgets the stub's
   * request counts, then measures {@value #VERIFICATIONS} (numbered from 0).
   */
  private static LoadRun run(String mode, int callers, IntConsumer verification) throws InterruptedException {
    LoadRun.measure(mode + " (warm-up)", WARM_UP, callers, RUN_TIMEOUT, i -> verification.accept(VERIFICATIONS + i));
    departments.forgetRequests();
    LoadRun run = LoadRun.measure(mode, VERIFICATIONS, callers, RUN_TIMEOUT, verification);
    System.out.printf("bench: %s done in %d ms%n", mode, run.elapsed().toMillis());
    return run;
  }

  /**
   * Submits a verification of household {@code bench-<household>} and checks its answer.
   *
   * @throws IllegalStateException unless the request has {@code status} and the report's missing sources
   *     are {@code missingSources} (a JSON array)
   */
  private static JsonNode submit(RestClient service, String household, String status, String missingSources) {
    JsonNode verification = service.post().uri("/verification-requests")
        .body(Map.of("householdId", "bench-" + household, "residence", "URBAN", "purpose", "ALLOWANCE_APPLICATION",
            "members", StubDepartments.MEMBERS,
            "consent", Map.of("documentReference", "SQ-BENCH-" + household, "signedOn", LocalDate.now().toString())))
        .retrieve().body(JsonNode.class);
    String actualStatus = verification.at("/request/status").asString();
    String actualMissing = verification.at("/report/missingSources").toString();
    if (!status.equals(actualStatus) || !missingSources.equals(actualMissing)) {
      throw new IllegalStateException(household + ": " + actualStatus + ", missing " + actualMissing);
    }
    return verification;
  }

  private static String statusOf(JsonNode verification, Source source) {
    for (JsonNode query : verification.get("departmentQueries")) {
      if (query.get("source").asString().equals(source.name())) {
        return query.get("status").asString();
      }
    }
    return "NOT_ASKED";
  }

  /** The service as a township caseworker calls it (HTTP/1.1, a fresh token valid for the next 5 minutes). */
  private RestClient service() {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
            .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1)).build())
        .defaultHeader(HttpHeaders.AUTHORIZATION,
            "Bearer " + TestTokens.staff("bench-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001"))
        .build();
  }

  /** Waits until every {@code verification-completed} event of the outbox is on Kafka; how long it took. */
  private Duration awaitOutboxDrained() {
    long start = System.nanoTime();
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() ->
        jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE completion_date IS NULL").query(Long.class).single() == 0);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static String machine() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Runtime runtime = Runtime.getRuntime();
    return "%d cores, %.1f GiB memory, %s %s %s (max heap %d MiB), %s %s, load average %.2f at start".formatted(
        runtime.availableProcessors(), os.getTotalMemorySize() / 1024.0 / 1024 / 1024,
        System.getProperty("java.vm.name"), System.getProperty("java.vm.vendor"), Runtime.version(),
        runtime.maxMemory() / 1024 / 1024, os.getName(), os.getArch(), os.getSystemLoadAverage());
  }

  private void print(String machine, int callers, List<LoadRun> runs, Duration outboxDrained,
      Map<String, Integer> downOutcomes, long downQueries) {
    LoadRun baseline = runs.get(0);
    StringBuilder out = new StringBuilder("%n=== income-verification benchmark ===%n".formatted());
    out.append("%d verifications of 3-member households per mode (after %d to warm up), %d at a time; %d sources%n"
        .formatted(VERIFICATIONS, WARM_UP, callers, Source.values().length))
        .append("(7 departments, 1 query each; registry, 1 lookup per member) stubbed in-process, %d ms each;%n"
            .formatted(StubDepartments.LATENCY_MS))
        .append("query pool %d threads%n".formatted(queryPool.threads()))
        .append("machine: ").append(machine).append('\n')
        .append("%-45s %9s %8s %8s %14s %12s %6s%n".formatted("mode", "verif/s", "p50 ms", "p99 ms",
            "verif/s vs base", "p99 vs base", "load"));
    for (LoadRun run : runs) {
      out.append("%-45s %9.1f %8d %8d %14.2f %12.2f %6.2f%n".formatted(run.mode(), run.throughput(),
          run.p50().toMillis(), run.p99().toMillis(), run.throughput() / baseline.throughput(),
          (double) run.p99().toNanos() / baseline.p99().toNanos(), run.loadAverage()));
    }
    out.append("outbox: every verification-completed event on Kafka %d ms after the last report%n"
            .formatted(outboxDrained.toMillis()))
        .append("%s down: %d queries reached it during the measured run; its outcomes: %s%n"
            .formatted(DOWN.id(), downQueries, downOutcomes));
    System.out.println(out);
  }
}
