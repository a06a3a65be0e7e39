package gov.civilaffairs.incomeverification.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import gov.civilaffairs.incomeverification.department.Source;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;

/**
 * Every department of {@link Source}, the registry included, as one in-process WireMock server, each
 * under its own path prefix ({@code /<source id>}), answering after a fixed {@link #LATENCY_MS} delay.
 * The answers are about {@link #MEMBERS}: wages and deposits for the first, a pension for the second;
 * the registry does not index them (404), which counts as alive.
 */
final class StubDepartments implements AutoCloseable {

  /** Fixed delay of every answer, milliseconds (issue 6: "stub departments with 20 ms latency"). */
  static final int LATENCY_MS = 20;

  /** The members of every benchmark household: three valid national ID numbers. */
  static final List<String> MEMBERS = List.of("11010119800101001", "11010119820202002", "11010120100303003").stream()
      .map(first17 -> first17 + NationalIdNumber.checkCharacter(first17))
      .toList();

  private static final String POST_PATH = "/household-member-queries";

  /** Records per department; the others answer with none. */
  private static final Map<Source, String> RECORDS = Map.of(
      Source.TAX, record(MEMBERS.get(0), "WAGES", "1200.00"),
      Source.HUMAN_RESOURCES_SOCIAL_SECURITY, record(MEMBERS.get(1), "PENSION", "300.00"),
      Source.BANK_DEPOSITS, record(MEMBERS.get(0), "DEPOSITS_AND_WEALTH_PRODUCTS", "10000.00"));

  /** Enough Jetty threads that the stub never queues the benchmark's concurrent calls (each held 20 ms). */
  private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(128));

  /** Starts the server with every department answering. */
  StubDepartments() {
    server.start();
    for (Source source : Source.values()) {
      answer(source);
    }
    // The identity provider's token endpoint for the registry's client-credentials token (fetched once,
    // valid 15 minutes, as the auth-server issues it).
    server.stubFor(post("/oauth2/token").willReturn(okJson("{\"access_token\":\"bench-registry-token\","
        + "\"token_type\":\"Bearer\",\"expires_in\":900,\"scope\":\"persons:read\"}")));
  }

  /** The stand-in identity provider's token endpoint. */
  String tokenUri() {
    return server.baseUrl() + "/oauth2/token";
  }

  /** Base URL of {@code source}'s API, for {@code spring.http.serviceclient.<id>.base-url}. */
  String baseUrl(Source source) {
    return server.baseUrl() + "/" + source.id();
  }

  /** From now on {@code source} fails every query with a 500 (after the same delay). */
  void takeDown(Source source) {
    server.stubFor(post("/" + source.id() + POST_PATH)
        .willReturn(aResponse().withStatus(500).withFixedDelay(LATENCY_MS)));
  }

  /** Forgets the requests seen so far (the counts of {@link #queriesOf} start again at zero). */
  void forgetRequests() {
    server.resetRequests();
  }

  /** How many queries {@code source} (not the registry) received since the last {@link #forgetRequests}. */
  long queriesOf(Source source) {
    return server.countRequestsMatching(postRequestedFor(urlPathEqualTo("/" + source.id() + POST_PATH)).build())
        .getCount();
  }

  @Override
  public void close() {
    server.stop();
  }

  private void answer(Source source) {
    if (source == Source.REGISTRY) {
      // As registry-service answers for a number it does not index (contracts/departments/registry.yaml).
      server.stubFor(get(urlPathEqualTo("/registry/persons")).willReturn(aResponse().withStatus(404)
          .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"code\":\"not-found\"}")
          .withFixedDelay(LATENCY_MS)));
      return;
    }
    server.stubFor(post("/" + source.id() + POST_PATH).willReturn(
        okJson("{\"records\":[" + RECORDS.getOrDefault(source, "") + "]}").withFixedDelay(LATENCY_MS)));
  }

  private static String record(String member, String category, String amount) {
    return "{\"nationalIdNumber\":\"" + member + "\",\"category\":\"" + category + "\",\"amount\":" + amount + "}";
  }
}
