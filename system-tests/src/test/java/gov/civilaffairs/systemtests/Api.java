package gov.civilaffairs.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A caller of the system's HTTP APIs, as an external system or a staff console would call them: JSON in,
 * JSON out, a bearer token or none. Answers of every status are returned (never thrown), so that tests
 * assert 401, 403, 404 and problem+json bodies like any other.
 */
final class Api {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final URI base;

  Api(URI base) {
    this.base = base;
  }

  /** One answer: status, headers, the body as text and (when it is JSON) parsed. */
  record Response(int status, HttpHeaders headers, String text) {

    /** The body as JSON; a missing node for an empty or non-JSON body. */
    JsonNode json() {
      try {
        return text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
      } catch (RuntimeException notJson) {
        return JSON.missingNode();
      }
    }

    String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }

  /** GET {@code path} (relative to the base, e.g. {@code /api/registry/persons/1}); {@code token} may be null. */
  Response get(String path, String token) {
    return send(request(path, token).GET());
  }

  /** POST {@code body} as JSON (serialised with Jackson); {@code token} may be null. */
  Response post(String path, String token, Object body) {
    return send(request(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** Sends any request built on {@link #request(String, String)}. */
  Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
        .header("Accept", "application/json, application/problem+json");
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }
}
