package gov.civilaffairs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as a client sees it: JSON over HTTP through the gateway, each call with a bearer token
 * from the authorization server (docs/security.md). Tokens are fetched once and again shortly before
 * they expire. A 429 (the gateway's rate limit) or 503 (not processed) is sent again after the pause
 * its {@code Retry-After} header asks for (RFC 9110, 10.2.3: seconds or an HTTP date), or a growing pause
 * without one, up to {@value #MAX_ATTEMPTS} attempts: a row is never dropped because the gateway asked to
 * slow down. Any other status, 502 and 504 included (the service may have done the work), is returned to
 * the caller, who decides (e.g. 409 = already loaded).
 */
final class Gateway {

  /** A demo principal of docs/security.md: a staff user (password grant) or a machine client. */
  enum Principal {
    /** {@code city-admin}, CITY_ADMINISTRATOR: loads the city and reads every service. */
    CITY_ADMIN("staff-console", "demo-staff-console-secret",
        "grant_type=password&username=city-admin&password=demo-staff-password"),
    /** {@code data-sharing-platform}, scopes deaths:write persons:read: sends the death feed. */
    DATA_SHARING_PLATFORM("data-sharing-platform", "demo-data-sharing-secret", "grant_type=client_credentials");

    private final String clientId;
    private final String secret;
    private final String form;

    Principal(String clientId, String secret, String form) {
      this.clientId = clientId;
      this.secret = secret;
      this.form = form;
    }
  }

  /** A response: status and body parsed as JSON (null when empty or not JSON). */
  record Reply(int status, JsonNode body) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  private record Token(String value, Instant renewAt) {
  }

  static final JsonMapper JSON = JsonMapper.builder().build();
  /** Attempts of one call answered 429 or 503 before its last answer is returned. */
  static final int MAX_ATTEMPTS = 40;
  /** The longest pause between two attempts, whatever Retry-After says. */
  private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final URI tokenEndpoint;
  private final ConcurrentMap<Principal, Token> tokens = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong retried = new java.util.concurrent.atomic.AtomicLong();

  Gateway(Settings settings) {
    this.base = settings.gateway();
    this.tokenEndpoint = settings.authServer().resolve("/oauth2/token");
  }

  Reply get(Principal principal, String path) {
    return send(principal, () -> HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Reply postJson(Principal principal, String path, Object body) {
    String json = JSON.writeValueAsString(body);
    return send(principal, () -> HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A CSV upload (bulk import): the gateway waits up to 120 s for the registry's imports, so do we (plus margin). */
  Reply postCsv(Principal principal, String path, String csv) {
    return send(principal, () -> HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "text/csv")
        .timeout(Duration.ofMinutes(3)).POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
  }

  private Reply send(Principal principal, Supplier<HttpRequest.Builder> request) {
    for (int attempt = 1; ; attempt++) {
      HttpRequest built = request.get().header("Authorization", "Bearer " + token(principal))
          .header("Accept", "application/json, application/problem+json").build();
      HttpResponse<String> response = exchange(built);
      boolean transientFailure = switch (response.statusCode()) {
        case 429, 503 -> true;
        default -> false;
      };
      if (!transientFailure || attempt == MAX_ATTEMPTS) {
        return new Reply(response.statusCode(), parse(response.body()));
      }
      retried.incrementAndGet();
      pause(retryAfter(response).orElse(Duration.ofMillis(Math.min(MAX_PAUSE.toMillis(), 250L * attempt * attempt))));
    }
  }

  /** Calls answered 429 or 503 and sent again, so far. */
  long retried() {
    return retried.get();
  }

  /** The pause the answer asks for ({@code Retry-After}: delay-seconds or an HTTP date), at most {@link #MAX_PAUSE}. */
  private static java.util.Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
      try {
        return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          return java.util.Optional.of(Duration.between(Instant.now(), at));
        } catch (java.time.format.DateTimeParseException notDate) {
          return java.util.Optional.empty();
        }
      }
    }).map(d -> d.isNegative() ? Duration.ZERO : d).map(d -> d.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : d)
        // a little jitter, so that the threads that were refused together do not come back together
        .map(d -> d.plusMillis(java.util.concurrent.ThreadLocalRandom.current().nextLong(50, 250)));
  }

  private String token(Principal principal) {
    Token token = tokens.get(principal);
    if (token == null || Instant.now().isAfter(token.renewAt())) {
      token = tokens.compute(principal, (p, current) ->
          current != null && Instant.now().isBefore(current.renewAt()) ? current : fetchToken(p));
    }
    return token.value();
  }

  private Token fetchToken(Principal principal) {
    String basic = Base64.getEncoder()
        .encodeToString((principal.clientId + ":" + principal.secret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = exchange(HttpRequest.newBuilder(tokenEndpoint)
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(principal.form)).build());
    JsonNode body = parse(response.body());
    if (response.statusCode() != 200 || body == null || !body.has("access_token")) {
      throw new IllegalStateException("no token for " + principal + " from " + tokenEndpoint + ": HTTP "
          + response.statusCode() + " " + response.body());
    }
    long seconds = body.path("expires_in").asLong(300);
    return new Token(body.get("access_token").asString(), Instant.now().plusSeconds(Math.max(30, seconds - 60)));
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
