package gov.civilaffairs.bench;

import java.net.URI;
import java.nio.file.Path;

/**
 * What the loader and the benchmark read from {@code -Dbench.<name>=value} system properties (the
 * scripts in {@code deploy/demo} pass environment variables through). Defaults build the city of
 * issue 4 on the local system of {@code deploy/run-local.sh}.
 *
 * @param gateway base URL of the gateway; default {@code http://localhost:8080}
 * @param authServer base URL of the authorization server; default {@code http://localhost:9000}
 * @param kafka bootstrap servers of the broker the services use; default {@code localhost:9092}
 * @param topic the registry's person topic (EVENTS.md); default {@code registry.person.v1}
 * @param dataDir where the loader writes the city's manifest, the feed and the DCI message, and the
 *     benchmark its record of who already died; default {@code .run-local/demo-city}
 * @param households allowance households (低保户) to load; default 20,000 (about 50,000 persons)
 * @param elderly elderly persons (60 and over) to load; default 30,000
 * @param veterans entitled persons (优抚对象) to load; default 3,000
 * @param threads HTTP calls in flight at once (the bounded pool); default 16
 * @param personsPerFile rows per file of the bulk person import (the registry accepts 20,000); default 5,000
 * @param seed seed of the fake data: the same seed builds the same city, so a second run finds
 *     everyone already there (409) and adds nothing; default 330681
 * @param deaths deaths the benchmark imports; default 10,000
 * @param warmupDeaths deaths imported first and not measured, so that the services' JIT compilers are
 *     warm; default 1,000
 * @param rowsPerFile rows per imported CSV file (the import allows 20,000 rows and 10 MB; the
 *     gateway waits 120 s for an import); default 2,000
 * @param importChunk the registry's {@code registry.import.chunk-size}, the chunk of the JDBC baseline's
 *     transactions (the same rows in transactions of the same size); default 100, the registry's default
 * @param latencySample deaths whose confirmation-to-last-effect latency is read back over REST
 *     (0 = all); default 0
 * @param timeoutSeconds how long the benchmark waits for every consumer to catch up; default 600
 * @param rolls whether the benchmark first generates the current month's unsent payment rolls (relief's 低保
 *     rolls and eldercare's old-age allowance roll), as the bureau does on the first of a month, so that deaths
 *     drop lines from them; default true
 * @param jdbcUrl the database server of the JDBC baseline (a scratch schema {@code bench_baseline} is
 *     created there and dropped); default {@code jdbc:mysql://127.0.0.1:3306/}, empty: no baseline
 * @param jdbcUser its account; default {@code root}
 * @param jdbcPassword its password; default empty
 */
record Settings(URI gateway, URI authServer, String kafka, String topic, Path dataDir, int households,
    int elderly, int veterans, int threads, int personsPerFile, long seed, int deaths, int warmupDeaths, int rowsPerFile, int importChunk, int latencySample,
    int timeoutSeconds, boolean rolls, String jdbcUrl, String jdbcUser, String jdbcPassword) {

  static Settings fromSystemProperties() {
    return new Settings(URI.create(text("gateway", "http://localhost:8080")),
        URI.create(text("authServer", "http://localhost:9000")), text("kafka", "localhost:9092"),
        text("topic", "registry.person.v1"), Path.of(text("dataDir", ".run-local/demo-city")),
        number("households", 20_000), number("elderly", 30_000), number("veterans", 3_000),
        number("threads", 16), number("personsPerFile", 5_000), number("seed", 330681), number("deaths", 10_000), number("warmupDeaths", 1_000),
        number("rowsPerFile", 2_000), number("importChunk", 100),
        number("latencySample", 0), number("timeoutSeconds", 600), Boolean.parseBoolean(text("rolls", "true")),
        System.getProperty("bench.jdbcUrl", "jdbc:mysql://127.0.0.1:3306/").strip(), text("jdbcUser", "root"),
        System.getProperty("bench.jdbcPassword", ""));
  }

  Path manifest() {
    return dataDir.resolve("persons.csv");
  }

  Path deceased() {
    return dataDir.resolve("deceased.txt");
  }

  private static String text(String name, String fallback) {
    String value = System.getProperty("bench." + name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static int number(String name, int fallback) {
    int value = Integer.parseInt(text(name, Integer.toString(fallback)));
    if (value < 0) {
      throw new IllegalArgumentException("bench." + name + " must not be negative: " + value);
    }
    return value;
  }
}
