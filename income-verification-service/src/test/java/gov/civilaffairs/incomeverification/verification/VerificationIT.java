package gov.civilaffairs.incomeverification.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import gov.civilaffairs.incomeverification.department.Source;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.kafka.CloudEventPublisher;
import gov.civilaffairs.platform.kafka.EventEnvelope;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The verification flow against the real database, an embedded Kafka broker and one WireMock server
 * standing in for every department (each under its own path prefix, {@code /<source id>}). The
 * registry, ours, is also stubbed there, answering as registry-service's {@code GET /persons} does
 * (contracts/departments/registry.yaml): 404 for a number it does not index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "income-verification.deadline=3s",
    // a city that shows ID numbers in full only to these roles: county officers and auditors get them masked
    "platform.security.unmasked-roles.NATIONAL_ID_NUMBER=CITY_ADMINISTRATOR,TOWNSHIP_CASEWORKER,EXTERNAL_SYSTEM",
    "income-verification.retry-interval=1h",
    "spring.http.serviceclient.tax.read-timeout=500ms",
    "resilience4j.retry.configs.default.max-attempts=2",
    "resilience4j.retry.configs.default.wait-duration=10ms",
    "resilience4j.circuitbreaker.instances.market-regulation.sliding-window-size=4",
    "resilience4j.circuitbreaker.instances.market-regulation.minimum-number-of-calls=4",
    "resilience4j.circuitbreaker.instances.market-regulation.wait-duration-in-open-state=2s",
    "resilience4j.circuitbreaker.instances.market-regulation.permitted-number-of-calls-in-half-open-state=1"})
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(TestTokenConfiguration.class)
class VerificationIT {

  static final String CASEWORKER = "Bearer " + TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");

  static final WireMockServer departments = new WireMockServer(wireMockConfig().dynamicPort());

  /** The access token the stand-in identity provider issues to this service. */
  static final String REGISTRY_TOKEN = "registry-access-token-of-income-verification";

  static {
    departments.start();
  }

  static final String A = idNumber("11010119800101001");
  static final String B = idNumber("11010119820202002");
  static final String C = idNumber("11010120100303003");

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  CircuitBreakerRegistry circuitBreakers;
  @Autowired
  VerificationService verifications;
  @Autowired
  EmbeddedKafkaBroker kafka;
  @Autowired
  CloudEventPublisher cloudEvents;
  @Autowired
  JsonMapper json;
  @Autowired
  KafkaListenerEndpointRegistry listeners;

  @DynamicPropertySource
  static void departmentUrls(DynamicPropertyRegistry registry) {
    for (Source source : Source.values()) {
      registry.add("spring.http.serviceclient." + source.id() + ".base-url",
          () -> departments.baseUrl() + "/" + source.id());
    }
    registry.add("spring.security.oauth2.client.provider.identity-provider.token-uri",
        () -> departments.baseUrl() + "/oauth2/token");
  }

  @AfterAll
  static void stopDepartments() {
    departments.stop();
  }

  @BeforeEach
  void everyDepartmentAnswersNothing() {
    departments.resetAll();
    for (Source source : Source.values()) {
      departments.stubFor(post("/" + source.id() + "/household-member-queries").willReturn(okJson("{\"records\":[]}")));
    }
    departments.stubFor(get(urlPathEqualTo("/registry/persons")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"code\":\"not-found\"}")));
    // The identity provider's token endpoint: a token valid for 30 s, within the client's 60 s clock
    // skew, so that every registry call fetches one and each test sees its own token request.
    departments.stubFor(post("/oauth2/token").willReturn(okJson(
        "{\"access_token\":\"" + REGISTRY_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":30,"
            + "\"scope\":\"persons:read\"}")));
    circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
  }

  @Test
  void allDepartmentsAnswerTheReportIsCompleteAndTheEventLeaves() {
    answers(Source.TAX, record(A, "WAGES", "1200.00"));
    answers(Source.HUMAN_RESOURCES_SOCIAL_SECURITY, record(B, "PENSION", "300.00"));
    answers(Source.BANK_DEPOSITS, record(A, "DEPOSITS_AND_WEALTH_PRODUCTS", "10000.00"));

    ResponseEntity<JsonNode> response = submit(body("H-all", List.of(A, B, C), consent(LocalDate.now())));

    assertThat(response.getStatusCode().value()).isEqualTo(201);
    JsonNode verification = response.getBody();
    long id = verification.at("/request/id").asLong();
    assertThat(verification.at("/request/status").asString()).isEqualTo("COMPLETED");
    assertThat(verification.at("/report/householdMonthlyIncome").decimalValue()).isEqualByComparingTo("1500.00");
    assertThat(verification.at("/report/perCapitaMonthlyIncome").decimalValue()).isEqualByComparingTo("500.00");
    assertThat(verification.at("/report/assets/DEPOSITS_AND_WEALTH_PRODUCTS").decimalValue())
        .isEqualByComparingTo("10000.00");
    assertThat(verification.at("/report/missingSources")).isEmpty();
    assertThat(verification.at("/report/determination/outcome").asString()).isEqualTo("BELOW_ALLOWANCE_STANDARD");
    assertThat(verification.at("/report/determination/rule").asString())
        .isEqualTo("per-capita-income-below-allowance-standard");
    assertThat(auditEntries(id)).as("one entry per department and member").isEqualTo(8 * 3);

    ConsumerRecord<String, String> event = awaitEvent(Long.toString(id));
    assertThat(new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
        .isEqualTo(VerificationCompleted.TYPE);
    JsonNode payload = json.readTree(event.value());
    assertThat(payload.get("perCapitaMonthlyIncome").decimalValue()).isEqualByComparingTo("500.00");
    assertThat(payload.at("/determination/outcome").asString()).isEqualTo("BELOW_ALLOWANCE_STANDARD");
  }

  @Test
  void theRegistryIsAskedWithAClientCredentialsTokenAndNoOtherDepartmentGetsIt() {
    submit(body("H-token", List.of(A), consent(LocalDate.now())));

    departments.verify(postRequestedFor(urlPathEqualTo("/oauth2/token"))
        .withBasicAuth(new BasicCredentials("income-verification", "demo-income-verification-secret"))
        .withRequestBody(containing("grant_type=client_credentials"))
        .withRequestBody(containing("scope=persons%3Aread")));
    departments.verify(getRequestedFor(urlPathEqualTo("/registry/persons"))
        .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + REGISTRY_TOKEN)));
    assertThat(departments.findAll(postRequestedFor(urlPathEqualTo("/tax/household-member-queries"))))
        .isNotEmpty().allSatisfy(request -> assertThat(request.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse());
  }

  @Test
  void withoutATokenTheRegistryIsAMissingSourceNotAnError() {
    departments.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(500)));

    ResponseEntity<JsonNode> response = submit(body("H-no-token", List.of(A), consent(LocalDate.now())));

    assertThat(response.getStatusCode().value()).isEqualTo(201);
    assertThat(response.getBody().at("/request/status").asString()).isEqualTo("PENDING");
    assertThat(queryOf(response.getBody(), Source.REGISTRY).path("status").asString()).isEqualTo("UNAVAILABLE");
    assertThat(departments.findAll(getRequestedFor(urlPathEqualTo("/registry/persons")))).isEmpty();
  }

  @Test
  void aMemberTheRegistryKnowsAsDeceasedIsNotCountedAmongTheLiving() {
    departments.stubFor(get(urlPathEqualTo("/registry/persons")).withQueryParam("nationalIdNumber", equalTo(B))
        .willReturn(okJson("{\"id\":7,\"nationalIdNumber\":\"110101********002X\",\"name\":\"李四\",\"sex\":\"FEMALE\","
            + "\"birthDate\":\"1982-02-02\",\"regionCode\":\"110101001001\",\"status\":\"DECEASED\"}")));
    answers(Source.TAX, record(A, "WAGES", "1200.00"));

    JsonNode verification = submit(body("H-death", List.of(A, B), consent(LocalDate.now()))).getBody();

    assertThat(verification.at("/request/status").asString()).isEqualTo("COMPLETED");
    assertThat(verification.at("/report/livingMembers").asInt()).isEqualTo(1);
    assertThat(verification.at("/report/members/1/nationalIdNumber").asString()).isEqualTo(B);
    assertThat(verification.at("/report/members/1/deceased").asBoolean()).isTrue();
    assertThat(verification.at("/report/perCapitaMonthlyIncome").decimalValue()).isEqualByComparingTo("1200.00");
  }

  @Test
  void aSlowDepartmentIsMarkedMissingThenRetriedAndTheReportCompleted() {
    departments.stubFor(post("/tax/household-member-queries")
        .willReturn(okJson("{\"records\":[]}").withFixedDelay(1500)));

    JsonNode pending = submit(body("H-slow", List.of(A, B), consent(LocalDate.now()))).getBody();

    long id = pending.at("/request/id").asLong();
    assertThat(pending.at("/request/status").asString()).isEqualTo("PENDING");
    assertThat(pending.at("/report/missingSources").toString()).isEqualTo("[\"TAX\"]");
    assertThat(pending.at("/report/determination/outcome").asString()).isEqualTo("INCONCLUSIVE");
    assertThat(queryOf(pending, Source.TAX).get("status").asString()).isEqualTo("TIMED_OUT");

    answers(Source.TAX, record(A, "WAGES", "3000.00"));
    verifications.retryMissingSources();

    JsonNode completed = fetch(id);
    assertThat(completed.at("/request/status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.at("/report/missingSources")).isEmpty();
    assertThat(queryOf(completed, Source.TAX).get("queries").asInt()).isEqualTo(2);
    assertThat(completed.at("/report/perCapitaMonthlyIncome").decimalValue()).isEqualByComparingTo("1500.00");
    assertThat(completed.at("/report/determination/outcome").asString()).isEqualTo("ABOVE_NEAR_POVERTY_LINE");
    awaitEvent(Long.toString(id));
  }

  @Test
  void aDepartmentFailingWith500sOpensItsCircuitThenIsCalledAgainAfterTheWait() {
    departments.stubFor(post("/market-regulation/household-member-queries")
        .willReturn(aResponse().withStatus(500)));

    submit(body("H-500-1", List.of(A), consent(LocalDate.now())));
    submit(body("H-500-2", List.of(A), consent(LocalDate.now())));
    assertThat(marketRegulationCalls()).as("2 requests x 2 attempts").isEqualTo(4);
    assertThat(circuitBreakers.circuitBreaker("market-regulation").getState()).isEqualTo(CircuitBreaker.State.OPEN);

    JsonNode whileOpen = submit(body("H-500-3", List.of(A), consent(LocalDate.now()))).getBody();
    assertThat(queryOf(whileOpen, Source.MARKET_REGULATION).get("status").asString()).isEqualTo("CIRCUIT_OPEN");
    assertThat(marketRegulationCalls()).as("no call while open").isEqualTo(4);

    departments.stubFor(post("/market-regulation/household-member-queries").willReturn(okJson("{\"records\":[]}")));
    await().atMost(Duration.ofSeconds(5)).until(() ->
        circuitBreakers.circuitBreaker("market-regulation").getState() == CircuitBreaker.State.HALF_OPEN);
    JsonNode afterWait = submit(body("H-500-4", List.of(A), consent(LocalDate.now()))).getBody();
    assertThat(afterWait.at("/request/status").asString()).isEqualTo("COMPLETED");
    assertThat(marketRegulationCalls()).isEqualTo(5);
    assertThat(circuitBreakers.circuitBreaker("market-regulation").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aDepartmentRefusingTheQueryIsPassedThroughAndNotCountedByItsCircuit() {
    departments.stubFor(post("/vehicles/household-member-queries")
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
            .withBody("{\"detail\":\"unknown national ID number\"}")));

    ResponseEntity<JsonNode> response = submit(body("H-400", List.of(A), consent(LocalDate.now())));

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("code").asString()).isEqualTo("department-rejected-query");
    assertThat(response.getBody().get("source").asString()).isEqualTo("VEHICLES");
    assertThat(response.getBody().get("departmentAnswer").asString()).contains("unknown national ID number");
    assertThat(departments.countRequestsMatching(postRequestedFor(
        urlPathEqualTo("/vehicles/household-member-queries")).build()).getCount()).as("not retried").isEqualTo(1);
    CircuitBreaker.Metrics metrics = circuitBreakers.circuitBreaker("vehicles").getMetrics();
    assertThat(metrics.getNumberOfFailedCalls()).isZero();
    assertThat(metrics.getNumberOfNotPermittedCalls()).isZero();
    assertThat(fetch(response.getBody().get("requestId").asLong()).at("/request/status").asString())
        .isEqualTo("REJECTED");
  }

  @Test
  void aRequestWithoutValidConsentIsRefusedAndNothingIsAsked() {
    long before = requestCount();

    ResponseEntity<JsonNode> none = submit(body("H-consent", List.of(A), null));
    ResponseEntity<JsonNode> expired = submit(body("H-consent", List.of(A), consent(LocalDate.now().minusYears(1))));
    ResponseEntity<JsonNode> future = submit(body("H-consent", List.of(A), consent(LocalDate.now().plusDays(2))));

    assertThat(none.getStatusCode().value()).isEqualTo(422);
    assertThat(none.getBody().get("code").asString()).isEqualTo("consent-required");
    assertThat(expired.getBody().get("code").asString()).isEqualTo("consent-expired");
    assertThat(future.getBody().get("code").asString()).isEqualTo("consent-in-future");
    assertThat(requestCount()).isEqualTo(before);
    assertThat(departments.getAllServeEvents()).isEmpty();
  }

  @Test
  void aSecondRequestForTheSameHouseholdAndPurposeWhileOneIsPendingIsAConflict() {
    departments.stubFor(post("/tax/household-member-queries").willReturn(okJson("{\"records\":[]}").withFixedDelay(1500)));
    long pendingId = submit(body("H-dup", List.of(A), consent(LocalDate.now()))).getBody().at("/request/id").asLong();

    ResponseEntity<JsonNode> duplicate = submit(body("H-dup", List.of(A), consent(LocalDate.now())));

    assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
    assertThat(duplicate.getBody().get("code").asString()).isEqualTo("verification-pending");
    assertThat(duplicate.getBody().get("pendingRequestId").asLong()).isEqualTo(pendingId);
  }

  @Test
  void aDeathClosesThePendingRequestsAboutThatPersonAloneEvenWhenDeliveredTwice() {
    departments.stubFor(post("/tax/household-member-queries").willReturn(okJson("{\"records\":[]}").withFixedDelay(1500)));
    long alone = submit(body("H-death-1", List.of(C), consent(LocalDate.now()))).getBody().at("/request/id").asLong();
    long household = submit(body("H-death-2", List.of(B, C), consent(LocalDate.now()))).getBody()
        .at("/request/id").asLong();

    EventEnvelope death = new EventEnvelope(UUID.randomUUID(), PersonDeceasedListener.PERSON_DECEASED, "42",
        Instant.now(), Map.of("eventId", UUID.randomUUID().toString(), "personId", 42, "deathRecordId", 7,
            "nationalIdNumber", C, "name", "张三", "dateOfDeath", LocalDate.now().toString(),
            "source", "HUKOU_CANCELLATION", "confirmedAt", Instant.now().toString()));
    cloudEvents.publish(VerificationEventsConfiguration.PERSON_TOPIC, death).join();
    cloudEvents.publish(VerificationEventsConfiguration.PERSON_TOPIC, death).join();

    await().atMost(Duration.ofSeconds(15)).until(() -> "CLOSED".equals(fetch(alone).at("/request/status").asString()));
    assertThat(fetch(household).at("/request/status").asString()).isEqualTo("PENDING");
  }

  @Test
  void aPollOfDeathsClosesThePendingRequestsOfEachDeceasedAloneOnceAsOneByOneWould() {
    String d = idNumber("33068119400101101");
    String e = idNumber("33068119400101102");
    String f = idNumber("33068119400101103");
    String g = idNumber("33068119400101104");
    long dAlone = pendingRequest("H-poll-1", "ALLOWANCE_APPLICATION", d);
    long dHousehold = pendingRequest("H-poll-2", "ALLOWANCE_APPLICATION", e, d);
    long fFirst = pendingRequest("H-poll-3", "ALLOWANCE_APPLICATION", f);
    long fSecond = pendingRequest("H-poll-3", "PERIODIC_REVIEW", f);
    long gAlone = pendingRequest("H-poll-4", "ALLOWANCE_APPLICATION", g);
    EventEnvelope dDies = death(d, 101);
    List<EventEnvelope> poll = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      poll.add(death(idNumber("3306811930010120" + i), 1000 + i));
    }
    poll.add(dDies);
    poll.add(death(d, 102));
    poll.add(new EventEnvelope(UUID.randomUUID(), "gov.civilaffairs.registry.death-record-revoked.v1", "42",
        Instant.now(), Map.of("eventId", UUID.randomUUID().toString(), "personId", 42, "deathRecordId", 101,
            "reason", "wrong person", "revokedAt", Instant.now().toString())));
    poll.add(dDies);
    for (int i = 0; i < 10; i++) {
      poll.add(death(idNumber("3306811930010130" + i), 2000 + i));
    }
    poll.add(death(f, 103));

    publishWhileTheListenerIsStopped(poll);

    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(status(fSecond)));
    assertThat(status(fFirst)).isEqualTo("CLOSED");
    assertThat(reason(fFirst)).isEqualTo("person deceased (death record 103)");
    assertThat(status(dAlone)).isEqualTo("CLOSED");
    assertThat(reason(dAlone)).as("closed by the first death of the person in the poll")
        .isEqualTo("person deceased (death record 101)");
    assertThat(status(dHousehold)).as("a household's request goes on").isEqualTo("PENDING");
    assertThat(status(gAlone)).isEqualTo("PENDING");
  }

  @Test
  void aDeathThatCannotBeAppliedInTheMiddleOfAPollIsDeadLetteredAndTheOthersApply() {
    String h1 = idNumber("33068119400202201");
    String h2 = idNumber("33068119400202202");
    String h3 = idNumber("33068119400202203");
    long first = pendingRequest("H-fail-1", "ALLOWANCE_APPLICATION", h1);
    long broken = pendingRequest("H-fail-2", "ALLOWANCE_APPLICATION", h2);
    long last = pendingRequest("H-fail-3", "ALLOWANCE_APPLICATION", h3);
    UUID reasonTooLong = UUID.randomUUID();
    UUID withoutIdNumber = UUID.randomUUID();
    publishWhileTheListenerIsStopped(List.of(
        death(h1, 201),
        // "person deceased (death record <600 digits>)" does not fit status_reason VARCHAR(500)
        new EventEnvelope(reasonTooLong, PersonDeceasedListener.PERSON_DECEASED, "42", Instant.now(),
            Map.of("eventId", reasonTooLong.toString(), "deathRecordId", "9".repeat(600), "nationalIdNumber", h2)),
        new EventEnvelope(withoutIdNumber, PersonDeceasedListener.PERSON_DECEASED, "42", Instant.now(),
            Map.of("eventId", withoutIdNumber.toString(), "deathRecordId", 202)),
        death(h3, 203)));

    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(status(last)));
    assertThat(status(first)).isEqualTo("CLOSED");
    assertThat(status(broken)).as("a dead letter changes nothing").isEqualTo("PENDING");
    assertThat(deadLetterIds(reasonTooLong.toString(), withoutIdNumber.toString()))
        .contains(reasonTooLong.toString(), withoutIdNumber.toString());
  }

  @Test
  void circuitStateAndPerDepartmentLatencyAreExposedToPrometheus() {
    submit(body("H-metrics", List.of(A), consent(LocalDate.now())));

    String metrics = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus")
        .retrieve().body(String.class);

    assertThat(metrics).contains("resilience4j_circuitbreaker_state{")
        .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"tax\"[^}]*state=\"closed\"[^}]*} 1")
        .containsPattern("resilience4j_circuitbreaker_calls_seconds_count\\{[^}]*kind=\"successful\"[^}]*name=\"tax\"")
        .contains("resilience4j_retry_calls_total{")
        .contains("resilience4j_bulkhead_available_concurrent_calls{");
  }

  @Test
  void theHouseholdsListOfQueriesSaysWhoAskedWhyAboutWhomWhereWhenAndHowManyNeverTheValues() {
    answers(Source.TAX, record(A, "WAGES", "1200.00"));
    submit(body("H-list", List.of(A, B), consent(LocalDate.now())));

    ResponseEntity<JsonNode> list = call("GET", "/households/H-list/department-queries?size=500", CASEWORKER, null);

    assertThat(list.getStatusCode().value()).isEqualTo(200);
    JsonNode items = list.getBody().path("items");
    assertThat(list.getBody().path("total").asLong()).as("8 departments x 2 members").isEqualTo(16);
    assertThat(items).hasSize(16).allSatisfy(item -> {
      assertThat(item.path("askedBy").asString()).isEqualTo("jiyang-caseworker");
      assertThat(item.path("purpose").asString()).isEqualTo("ALLOWANCE_APPLICATION");
      assertThat(item.path("outcome").asString()).isEqualTo("ANSWERED");
      assertThat(item.path("retry").asBoolean()).isFalse();
      assertThat(item.has("queriedAt")).isTrue();
    });
    assertThat(items.valueStream().filter(item -> item.path("source").asString().equals("TAX")
        && item.path("nationalIdNumber").asString().equals(A))).singleElement()
        .satisfies(item -> assertThat(item.path("recordCount").asInt()).isEqualTo(1));
    assertThat(list.getBody().toString()).doesNotContain("1200").doesNotContain("WAGES");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE object_type = 'department-query-log'"
        + " AND object_id = 'H-list' AND actor_id = 'jiyang-caseworker'").query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void theListAndTheRequestAreAreaCheckedAndIdNumbersMaskedForAVillageAssistant() {
    Map<String, Object> request = new java.util.HashMap<>(body("H-area", List.of(A), consent(LocalDate.now())));
    request.put("regionCode", "330681001001");
    long id = submit(request).getBody().at("/request/id").asLong();
    String diankou = "Bearer " + TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
    String assistant = "Bearer " + TestTokens.staff("jiangdong-assistant", Role.VILLAGE_ASSISTANT, "330681001001");

    assertThat(call("GET", "/households/H-area/department-queries", diankou, null).getBody().path("items")).isEmpty();
    assertThat(call("GET", "/verification-requests/" + id, diankou, null).getStatusCode().value()).isEqualTo(404);
    assertThat(call("GET", "/verification-requests/" + id, CASEWORKER, null).getStatusCode().value()).isEqualTo(200);
    JsonNode seenByAssistant = call("GET", "/households/H-area/department-queries", assistant, null).getBody();
    assertThat(seenByAssistant.path("items")).hasSize(8).allSatisfy(item -> assertThat(
        item.path("nationalIdNumber").asString()).isEqualTo(A.substring(0, 6) + "********" + A.substring(14)));
  }

  @Test
  void rolesAndAreasOfSubmissions() {
    String operations = "Bearer " + TestTokens.staff("operations", Role.OPERATIONS, null);
    Map<String, Object> outside = new java.util.HashMap<>(body("H-outside", List.of(A), consent(LocalDate.now())));
    outside.put("regionCode", "330681104003");
    long before = requestCount();

    ResponseEntity<JsonNode> refused = call("POST", "/verification-requests", CASEWORKER, outside);

    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody().path("code").asString()).isEqualTo("region-outside-area");
    assertThat(refused.getBody().at("/errors/0/field").asString()).isEqualTo("regionCode");
    assertThat(call("POST", "/verification-requests", operations, body("H-ops", List.of(A), consent(LocalDate.now())))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(call("GET", "/households/H-ops/department-queries", operations, null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(requestCount()).isEqualTo(before);
  }

  @Test
  void reliefServiceSubmitsWithItsMachineTokenOnlyWithScopeVerificationsWrite() {
    String relief = "Bearer " + TestTokens.client("relief-service", "persons:read verifications:write");
    String registryReader = "Bearer " + TestTokens.client("data-sharing-platform", "persons:read");
    Map<String, Object> request = new java.util.HashMap<>(body("dibao-application-7", List.of(A), consent(LocalDate.now())));
    request.put("regionCode", "330681104003");
    long before = requestCount();

    assertThat(call("POST", "/verification-requests", registryReader, request).getStatusCode().value()).isEqualTo(403);
    assertThat(requestCount()).isEqualTo(before);

    ResponseEntity<JsonNode> accepted = call("POST", "/verification-requests", relief, request);

    assertThat(accepted.getStatusCode().value()).isEqualTo(201);
    long id = accepted.getBody().at("/request/id").asLong();
    String diankou = "Bearer " + TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
    assertThat(call("GET", "/verification-requests/" + id, diankou, null).getStatusCode().value())
        .as("the request belongs to the application's village, so its township sees it").isEqualTo(200);
  }

  @Test
  void theVerificationShowsIdNumbersMaskedToRolesTheCityDoesNotShowThemTo() {
    Map<String, Object> request = new java.util.HashMap<>(body("H-masked", List.of(A, B), consent(LocalDate.now())));
    request.put("regionCode", "330681001001");
    long id = submit(request).getBody().at("/request/id").asLong();
    String auditor = "Bearer " + TestTokens.staff("auditor", Role.AUDITOR, null);
    String masked = A.substring(0, 6) + "********" + A.substring(14);

    JsonNode seenByAuditor = call("GET", "/verification-requests/" + id, auditor, null).getBody();
    JsonNode seenByCaseworker = call("GET", "/verification-requests/" + id, CASEWORKER, null).getBody();

    assertThat(seenByAuditor.at("/request/members/0").asString()).isEqualTo(masked);
    assertThat(seenByAuditor.at("/report/members/0/nationalIdNumber").asString()).isEqualTo(masked);
    assertThat(seenByAuditor.toString()).doesNotContain(A).doesNotContain(B);
    assertThat(seenByCaseworker.at("/request/members/0").asString()).isEqualTo(A);
    assertThat(seenByCaseworker.at("/report/members/0/nationalIdNumber").asString()).isEqualTo(A);
  }

  // --- helpers -----------------------------------------------------------------------------------

  private ResponseEntity<JsonNode> call(String method, String path, String token, Object body) {
    RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + port).method(
        org.springframework.http.HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION, token);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.exchange((req, response) -> ResponseEntity.status(response.getStatusCode())
        .body(response.bodyTo(JsonNode.class)));
  }

  private ResponseEntity<JsonNode> submit(Map<String, Object> body) {
    return RestClient.create("http://localhost:" + port).post().uri("/verification-requests")
        .header(HttpHeaders.AUTHORIZATION, CASEWORKER).contentType(MediaType.APPLICATION_JSON).body(body)
        .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
            .body(response.bodyTo(JsonNode.class)));
  }

  private JsonNode fetch(long id) {
    return RestClient.create("http://localhost:" + port).get().uri("/verification-requests/{id}", id)
        .header(HttpHeaders.AUTHORIZATION, CASEWORKER).retrieve().body(JsonNode.class);
  }

  private static Map<String, Object> body(String household, List<String> members, Map<String, Object> consent) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("householdId", household, "residence", "URBAN",
        "purpose", "ALLOWANCE_APPLICATION", "members", members));
    if (consent != null) {
      body.put("consent", consent);
    }
    return body;
  }

  private static Map<String, Object> consent(LocalDate signedOn) {
    return Map.of("documentReference", "SQ-2026-0001", "signedOn", signedOn.toString());
  }

  private static String record(String member, String category, String amount) {
    return "{\"nationalIdNumber\":\"" + member + "\",\"category\":\"" + category + "\",\"amount\":" + amount + "}";
  }

  private static void answers(Source source, String... records) {
    departments.stubFor(post("/" + source.id() + "/household-member-queries")
        .willReturn(okJson("{\"records\":[" + String.join(",", records) + "]}")));
  }

  private static JsonNode queryOf(JsonNode verification, Source source) {
    for (JsonNode query : verification.get("departmentQueries")) {
      if (query.get("source").asString().equals(source.name())) {
        return query;
      }
    }
    throw new AssertionError("no query of " + source);
  }

  private long marketRegulationCalls() {
    return departments.countRequestsMatching(postRequestedFor(
        urlPathEqualTo("/market-regulation/household-member-queries")).build()).getCount();
  }

  private long auditEntries(long requestId) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'QUERY_EXTERNAL' AND object_id LIKE ?")
        .param(requestId + "/%").query(Long.class).single();
  }

  private long requestCount() {
    return jdbc.sql("SELECT COUNT(*) FROM verification_request").query(Long.class).single();
  }

  private ConsumerRecord<String, String> awaitEvent(String key) {
    Map<String, Object> props = KafkaTestUtils.consumerProps(kafka, "it-" + UUID.randomUUID(), false);
    props.put("auto.offset.reset", "earliest");
    try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
        new StringDeserializer()).createConsumer()) {
      // Assigned, not subscribed: no consumer-group rebalance to wait for.
      consumer.assign(consumer.partitionsFor(VerificationCompleted.TOPIC).stream()
          .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList());
      consumer.seekToBeginning(consumer.assignment());
      List<ConsumerRecord<String, String>> seen = new ArrayList<>();
      await().atMost(Duration.ofSeconds(20)).until(() -> {
        KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(seen::add);
        return seen.stream().anyMatch(r -> key.equals(r.key()));
      });
      return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }
  }

  /** A person-deceased event as the registry publishes it (key: registry person 42). */
  private static EventEnvelope death(String nationalIdNumber, long deathRecordId) {
    UUID id = UUID.randomUUID();
    return new EventEnvelope(id, PersonDeceasedListener.PERSON_DECEASED, "42", Instant.now(), Map.of(
        "eventId", id.toString(), "personId", 42, "deathRecordId", deathRecordId,
        "nationalIdNumber", nationalIdNumber, "name", "张三", "dateOfDeath", LocalDate.now().toString(),
        "source", "HUKOU_CANCELLATION", "confirmedAt", Instant.now().toString()));
  }

  /** A pending request of these members, stored directly (no department is asked). */
  private long pendingRequest(String household, String purpose, String... members) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO verification_request (household_id, residence, purpose, consent_reference, consent_signed_on,
          status, pending_key, requested_by, requested_at, retry_until, region_code)
        VALUES (?, 'URBAN', ?, 'consent-it', CURRENT_DATE, 'PENDING', ?, 'it', NOW(3), NOW(3) + INTERVAL 1 DAY,
          '330681001001')""").params(household, purpose, household + "|" + purpose).update(key);
    long id = key.getKey().longValue();
    for (int position = 0; position < members.length; position++) {
      jdbc.sql("INSERT INTO verification_member (request_id, position, national_id_number) VALUES (?, ?, ?)")
          .params(id, position, members[position]).update();
    }
    return id;
  }

  private String status(long requestId) {
    return jdbc.sql("SELECT status FROM verification_request WHERE id = ?").param(requestId).query(String.class)
        .single();
  }

  private String reason(long requestId) {
    return jdbc.sql("SELECT status_reason FROM verification_request WHERE id = ?").param(requestId)
        .query(String.class).single();
  }

  /** Publishes while the listener is stopped, then starts it: its first poll holds all of {@code events}. */
  private void publishWhileTheListenerIsStopped(List<EventEnvelope> events) {
    var container = listeners.getListenerContainer(PersonDeceasedListener.LISTENER_ID);
    container.stop();
    try {
      events.forEach(event -> cloudEvents.publish(VerificationEventsConfiguration.PERSON_TOPIC, event).join());
    } finally {
      container.start();
    }
  }

  /** The ce_ids on the person topic's dead-letter topic, read until all of {@code expected} are there (20 s). */
  private List<String> deadLetterIds(String... expected) {
    Map<String, Object> props = KafkaTestUtils.consumerProps(kafka, "dlt-" + UUID.randomUUID(), false);
    props.put("auto.offset.reset", "earliest");
    try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
        new StringDeserializer()).createConsumer()) {
      consumer.subscribe(List.of(VerificationEventsConfiguration.PERSON_TOPIC + "-dlt"));
      List<String> ids = new ArrayList<>();
      await().atMost(Duration.ofSeconds(20)).until(() -> {
        KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(record -> ids.add(
            new String(record.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8)));
        return ids.containsAll(List.of(expected));
      });
      return ids;
    }
  }

  private static String idNumber(String first17) {
    return first17 + NationalIdNumber.checkCharacter(first17);
  }
}
