package gov.civilaffairs.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole system, started once per test run: an embedded KRaft Kafka broker in the test JVM, and the
 * auth-server, the domain services and the gateway as child processes from their fat jars, each on a free
 * port, with its own freshly created schema on the real database (ARCHITECTURE.md, "Runtime": tests and
 * CI). {@link #close()} stops everything; a JVM shutdown hook does the same if the run is interrupted.
 *
 * <p>Configuration, all optional: {@code DB_HOST} (127.0.0.1), {@code DB_PORT} (3306), {@code DB_USER}
 * (root), {@code DB_PASSWORD} (empty), {@code TEST_SCHEMA_SUFFIX} (appended to every schema name, e.g.
 * {@code registry_e2e_e2}), {@code SERVICE_JAVA_OPTS}; system properties {@code system-tests.root} (the
 * repository) and {@code system-tests.logs} (where each deployable's log goes), both set by the pom, and
 * {@code system-tests.readiness-timeout} (seconds each deployable may take to start, default 420; raise it
 * on a machine busy with other builds).
 */
final class SystemUnderTest implements AutoCloseable {

  /** The registry's person topic (contracts/) and its dead-letter topic (EVENTS.md). */
  static final String PERSON_TOPIC = "registry.person.v1";
  static final String PERSON_DEAD_LETTER_TOPIC = PERSON_TOPIC + "-dlt";

  /** The consumer groups of {@link #PERSON_TOPIC}: one per consuming service, named after it. */
  static final List<String> PERSON_TOPIC_CONSUMERS = List.of("relief-service", "eldercare-service", "veterans-service");

  /** How long each deployable may take to become ready: {@code system-tests.readiness-timeout} seconds, default 420. */
  private static final Duration READINESS_TIMEOUT =
      Duration.ofSeconds(Long.getLong("system-tests.readiness-timeout", 180));
  /**
   * The gateway's rate limits in this run: high for everyone (tests poll), except the demo client
   * {@value #RATE_LIMITED_CLIENT}: 2 requests, then 2 a minute (gateway.rate-limits.*).
   */
  static final String RATE_LIMITED_CLIENT = "funeral-home";
  private static final Map<String, String> RATE_LIMITS = Map.of(
      "RATE_LIMIT_REQUESTS", "1000", "RATE_LIMIT_BURST", "2000",
      "SPRING_APPLICATION_JSON", "{\"gateway\":{\"rate-limits\":{\"clients\":{\"" + RATE_LIMITED_CLIENT
          + "\":{\"requests\":2,\"period\":\"1m\",\"burst\":2}}}}}");

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  /** The domain services: module name (= spring.application.name), schema, the gateway's route variable. */
  private record Service(String name, String schema, String routeVariable) {
  }

  private static final List<Service> SERVICES = List.of(
      new Service("registry-service", "registry", "REGISTRY_SERVICE_URL"),
      new Service("relief-service", "relief", "RELIEF_SERVICE_URL"),
      new Service("eldercare-service", "eldercare", "ELDERCARE_SERVICE_URL"),
      new Service("veterans-service", "veterans", "VETERANS_SERVICE_URL"));

  private final EmbeddedKafkaKraftBroker kafka;
  private final Map<String, DeployableProcess> processes = new LinkedHashMap<>();
  private Path root;
  private Map<String, String> common;
  private Path logs;
  private Tokens tokens;
  private final Thread shutdownHook = new Thread(this::stopProcesses, "system-tests-shutdown");

  private SystemUnderTest(EmbeddedKafkaKraftBroker kafka) {
    this.kafka = kafka;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts everything and waits until every deployable is ready.
   *
   * @throws IllegalStateException naming the deployable that did not start, with the end of its log;
   *     whatever had started is stopped
   */
  static SystemUnderTest start() {
    Path root = Path.of(System.getProperty("system-tests.root", "..")).toAbsolutePath().normalize();
    Path logs = Path.of(System.getProperty("system-tests.logs", "target/system-tests")).toAbsolutePath();
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
    kafka.afterPropertiesSet();
    SystemUnderTest system = new SystemUnderTest(kafka);
    try {
      system.launch(root, logs);
      return system;
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  private void launch(Path root, Path logs) {
    this.root = root;
    this.logs = logs;
    Database database = Database.fromEnvironment();
    int authPort = freePort();
    String issuer = "http://localhost:" + authPort;

    Map<String, String> common = new HashMap<>(database.environment());
    common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.getBrokersAsString());
    common.put("AUTH_ISSUER_URI", issuer);
    common.put("PLATFORM_SECURITY_JWT_JWK_SET_URI", issuer + "/oauth2/jwks");
    common.put("DB_POOL_SIZE", "4");
    // relief-service (and income-verification-service) get their own client-credentials tokens here
    common.put("AUTH_TOKEN_URI", issuer + "/oauth2/token");
    this.common = common;

    startProcess(root, logs, "auth-server", authPort, Map.of("AUTH_ISSUER_URI", issuer));
    Map<String, String> routes = new HashMap<>(common);
    for (Service service : SERVICES) {
      String schema = database.recreateSchema(service.schema() + "_e2e");
      Map<String, String> environment = new HashMap<>(common);
      environment.put("DB_SCHEMA", schema);
      DeployableProcess process = startProcess(root, logs, service.name(), freePort(), environment);
      routes.put(service.routeVariable(), process.url().toString());
      if (service.name().equals("registry-service")) {
        // relief-service checks every applicant and household member in the registry's person index
        common.put("REGISTRY_URL", process.url().toString());
      }
    }
    routes.putAll(RATE_LIMITS);
    startProcess(root, logs, "gateway", freePort(), routes);
    long started = System.nanoTime();
    processes.values().forEach(process -> process.awaitReady(READINESS_TIMEOUT));
    System.out.printf("[system-tests] %d deployables ready in %d s; logs in %s%n", processes.size(),
        Duration.ofNanos(System.nanoTime() - started).toSeconds(), logs);
  }

  private DeployableProcess startProcess(Path root, Path logs, String name, int port,
      Map<String, String> environment) {
    DeployableProcess process = DeployableProcess.start(root, logs, name, port, environment);
    processes.put(name, process);
    return process;
  }

  /** Name of the deployable of {@link #startIncomeVerification()}. */
  static final String INCOME_VERIFICATION = "income-verification-service";

  /**
   * Starts income-verification-service, which only the tests of its call to the registry need, and
   * waits until it is ready; it is called directly (not through the gateway), asks the running
   * registry with a client-credentials token of the running auth-server ({@code AUTH_TOKEN_URI}), and
   * finds every other department unreachable. Its consumer of the person topic would dead-letter
   * other tests' poison messages: stop it with {@link #stopIncomeVerification()} when done.
   *
   * @return its base URL
   */
  synchronized URI startIncomeVerification() {
    Map<String, String> environment = new HashMap<>(common);
    environment.put("DB_SCHEMA", Database.fromEnvironment().recreateSchema("income_verification_e2e"));
    environment.put("REGISTRY_URL", processes.get("registry-service").url().toString());
    environment.put("AUTH_TOKEN_URI", authServer() + "/oauth2/token");
    for (String department : List.of("TAX", "HRSS", "HOUSING_PROVIDENT_FUND", "REAL_ESTATE", "VEHICLES",
        "BANK_DEPOSITS", "MARKET_REGULATION")) {
      environment.put(department + "_API_URL", "http://127.0.0.1:1");
    }
    DeployableProcess process = startProcess(root, logs, INCOME_VERIFICATION, freePort(), environment);
    process.awaitReady(READINESS_TIMEOUT);
    return process.url();
  }

  /** Stops what {@link #startIncomeVerification()} started, if it runs. */
  synchronized void stopIncomeVerification() {
    DeployableProcess process = processes.remove(INCOME_VERIFICATION);
    if (process != null) {
      process.stop();
      process.awaitStopped(STOP_GRACE);
    }
  }

  /** The gateway's base URL: every test call goes through it ({@code /api/<service>/...}). */
  URI gateway() {
    return processes.get("gateway").url();
  }

  /** The auth-server's base URL (token endpoint {@code /oauth2/token}). */
  URI authServer() {
    return processes.get("auth-server").url();
  }

  /** The directory of the deployables' logs, one {@code <name>.log} each. */
  Path logs() {
    return logs;
  }

  /** A caller of the APIs through the gateway. */
  Api api() {
    return new Api(gateway());
  }

  /** Tokens from the running auth-server, fetched once each. */
  synchronized Tokens tokens() {
    if (tokens == null) {
      tokens = new Tokens(new Api(authServer()));
    }
    return tokens;
  }

  /** The registry's person topic on the embedded broker, as a test sees it. */
  PersonTopic personTopic() {
    return new PersonTopic(kafkaBootstrapServers());
  }

  /** {@code host:port} of the embedded broker. */
  String kafkaBootstrapServers() {
    return kafka.getBrokersAsString();
  }

  /** Stops every deployable (gracefully, then forcibly after a grace period) and the broker. */
  @Override
  public void close() {
    stopProcesses();
    kafka.destroy();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run
    }
  }

  private synchronized void stopProcesses() {
    List<DeployableProcess> started = new ArrayList<>(processes.values());
    started.forEach(DeployableProcess::stop);
    started.forEach(process -> process.awaitStopped(STOP_GRACE));
    processes.clear();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The MySQL-compatible server the services use, and the schemas made for this run. */
  private record Database(String host, String port, String user, String password, String schemaSuffix) {

    static Database fromEnvironment() {
      Map<String, String> env = System.getenv();
      return new Database(env.getOrDefault("DB_HOST", "127.0.0.1"), env.getOrDefault("DB_PORT", "3306"),
          env.getOrDefault("DB_USER", "root"), env.getOrDefault("DB_PASSWORD", ""),
          env.getOrDefault("TEST_SCHEMA_SUFFIX", ""));
    }

    Map<String, String> environment() {
      return Map.of("DB_HOST", host, "DB_PORT", port, "DB_USER", user, "DB_PASSWORD", password);
    }

    /** Drops and creates {@code <name><suffix>} in utf8mb4, so that every run starts empty; returns the name. */
    String recreateSchema(String name) {
      String schema = name + schemaSuffix;
      if (!schema.matches("[A-Za-z0-9_]+")) {
        throw new IllegalArgumentException("Not a schema name: " + schema);
      }
      try (Connection connection = DriverManager.getConnection(
          "jdbc:mysql://" + host + ":" + port + "/", user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS `" + schema + "`");
        statement.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return schema;
      } catch (SQLException e) {
        throw new IllegalStateException("Could not recreate schema " + schema + " at " + host + ":" + port, e);
      }
    }
  }
}
