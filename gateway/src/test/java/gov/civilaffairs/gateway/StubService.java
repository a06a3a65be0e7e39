package gov.civilaffairs.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for one of the platform's services on a random local port: answers every request
 * {@code 200 {"service":"<name>"}}, except {@code /slow} and paths ending in {@code /slow}, answered after {@link #SLOW}. Records what
 * it received so that a test can check what the gateway forwarded.
 */
final class StubService implements AutoCloseable {

  /** How long {@code /slow} takes: longer than the tests' response timeout. */
  static final Duration SLOW = Duration.ofSeconds(3);

  /** What the service received: method, path with query, headers (case-insensitive names). */
  record Received(String method, String pathAndQuery, Headers headers) {
  }

  private final String name;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  private StubService(String name) throws IOException {
    this.name = name;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::answer);
    server.start();
  }

  static StubService start(String name) {
    try {
      return new StubService(name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start stub " + name, e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next request the service received, waiting up to 5 s; null if none came. */
  Received nextRequest() throws InterruptedException {
    return received.poll(5, TimeUnit.SECONDS);
  }

  /** Whether the service received any request not yet taken with {@link #nextRequest()}. */
  boolean receivedAny() {
    return !received.isEmpty();
  }

  void forget() {
    received.clear();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      String uri = exchange.getRequestURI().toString();
      received.add(new Received(exchange.getRequestMethod(), uri, exchange.getRequestHeaders()));
      if (uri.startsWith("/slow") || uri.endsWith("/slow")) {
        Thread.sleep(SLOW.toMillis());
      }
      byte[] json = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, json.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(json);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
