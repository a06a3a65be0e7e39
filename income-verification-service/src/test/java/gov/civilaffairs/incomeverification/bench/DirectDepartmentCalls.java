package gov.civilaffairs.incomeverification.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import gov.civilaffairs.incomeverification.department.Source;

/**
 * The benchmark's baseline: the HTTP calls of one verification made directly, with the JDK client held to
 * HTTP/1.1 like the service's, on a fixed pool of the same size as the service's query pool, with JSON
 * written and read, and nothing else: no Resilience4j, no database, no outbox. Per verification, one
 * query to each of the seven departments and, as the service does, one registry lookup per member in
 * sequence; all eight in parallel.
 */
final class DirectDepartmentCalls implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Function<Source, String> baseUrls;
  private final ExecutorService pool;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(1)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  /**
   * @param baseUrls each department's base URL
   * @param poolThreads threads of the pool that makes the calls
   */
  DirectDepartmentCalls(Function<Source, String> baseUrls, int poolThreads) {
    this.baseUrls = baseUrls;
    this.pool = Executors.newFixedThreadPool(poolThreads);
  }

  /**
   * Asks every department about {@code members} and waits for all of them.
   *
   * @throws IllegalStateException if a department answered other than 200 (the baseline must not be
   *     faster for having failed)
   */
  void verify(List<String> members) {
    CompletableFuture.allOf(Arrays.stream(Source.values())
            .map(source -> CompletableFuture.runAsync(() -> query(source, members), pool))
            .toArray(CompletableFuture[]::new))
        .join();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private void query(Source source, List<String> members) {
    if (source == Source.REGISTRY) {
      for (String member : members) {
        json.readTree(send(HttpRequest.newBuilder(URI.create(baseUrls.apply(source) + "/persons?nationalIdNumber="
            + URLEncoder.encode(member, StandardCharsets.UTF_8))).GET()));
      }
      return;
    }
    String query = json.writeValueAsString(Map.of("nationalIdNumbers", members));
    json.readTree(send(HttpRequest.newBuilder(URI.create(baseUrls.apply(source) + "/household-member-queries"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(query))));
  }

  private String send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      // 404 is the registry's answer for a number it does not index (an expected answer, not a failure).
      boolean registryNotIndexed = response.statusCode() == 404 && response.uri().getPath().endsWith("/registry/persons");
      if (response.statusCode() != 200 && !registryNotIndexed) {
        throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
