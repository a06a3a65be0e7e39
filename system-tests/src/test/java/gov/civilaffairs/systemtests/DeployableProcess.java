package gov.civilaffairs.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

/**
 * One deployable (a Spring Boot fat jar) running as a child process of the test JVM, on its own port, with
 * its output in {@code <logs>/<name>.log}. Started the way {@code deploy/run-local.sh} starts it: {@code java
 * <SERVICE_JAVA_OPTS> -jar <module>/target/<module>-<version>.jar} with the configuration in environment
 * variables.
 */
final class DeployableProcess {

  /** JVM options of every deployable: those of {@code deploy/local/common.sh}, overridable the same way. */
  static final String SERVICE_JAVA_OPTS = System.getenv().getOrDefault("SERVICE_JAVA_OPTS",
      "-Xmx192m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m "
          + "-XX:TieredStopAtLevel=1 -XX:MaxDirectMemorySize=64m");

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private DeployableProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts {@code <root>/<name>/target/<name>-*.jar}.
   *
   * @param environment the deployable's configuration (PORT is added)
   * @throws IllegalStateException when the jar is not built
   */
  static DeployableProcess start(Path root, Path logs, String name, int port, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(SERVICE_JAVA_OPTS.trim().split("\\s+")));
    command.addAll(List.of("-jar", fatJar(root, name).toString()));
    Path log = logs.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("PORT", String.valueOf(port));
    try {
      Files.createDirectories(logs);
      Process process = builder.start();
      process.getOutputStream().close();
      return new DeployableProcess(name, port, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /** The repackaged jar of a module; neither the plain jar, the test jar nor the sources. */
  static Path fatJar(Path root, String module) {
    Path target = root.resolve(module).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(file -> {
        String fileName = file.getFileName().toString();
        return fileName.startsWith(module + "-") && fileName.endsWith(".jar") && !fileName.endsWith("-tests.jar")
            && !fileName.endsWith("-sources.jar") && !fileName.endsWith("-plain.jar");
      }).findFirst().orElseThrow(() -> notBuilt(module, target));
    } catch (IOException e) {
      throw notBuilt(module, target);
    }
  }

  private static IllegalStateException notBuilt(String module, Path target) {
    return new IllegalStateException("No jar of " + module + " in " + target
        + ": build through the reactor, e.g. ./mvnw -o -B verify -pl system-tests -am");
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  /** {@code http://localhost:<port>}. */
  URI url() {
    return URI.create("http://localhost:" + port);
  }

  /**
   * Waits until {@code /actuator/health/readiness} answers 200.
   *
   * @throws IllegalStateException with the end of the log when the process ends or the time runs out
   */
  void awaitReady(Duration timeout) {
    HttpRequest readiness = HttpRequest.newBuilder(url().resolve("/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(2)).build();
    try {
      await(name + " ready").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; log "
              + log + ", last lines:\n" + logTail(40));
        }
        try {
          return HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
          return false;
        }
      });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; log " + log
          + ", last lines:\n" + logTail(40), e);
    }
  }

  /** The last lines of the process's log (for failure messages). */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** Asks the process to stop (SIGTERM: graceful shutdown); see {@link #awaitStopped(Duration)}. */
  void stop() {
    process.destroy();
  }

  /** Waits for the process to end, then kills it (and anything it started) when the grace period is over. */
  void awaitStopped(Duration grace) {
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
