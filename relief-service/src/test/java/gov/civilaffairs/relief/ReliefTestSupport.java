package gov.civilaffairs.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** REST (with a city administrator's token), database and Kafka helpers of relief-service's integration tests. */
@Import(TestTokenConfiguration.class)
public abstract class ReliefTestSupport {

  /** A city administrator, who sees every region; valid for 5 minutes from the first IT class of the JVM. */
  protected static final String CITY_ADMINISTRATOR = TestTokens.staff("city-admin", Role.CITY_ADMINISTRATOR, null);

  protected static final HttpClient HTTP = HttpClient.newHttpClient();
  protected static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /**
   * Stand-in for the services relief calls: the authorization server's token endpoint, registry-service's
   * person index and income-verification-service, answering their real shapes (contracts/departments/
   * registry.yaml; income-verification's VerificationController). One per test JVM; {@link #resetServices}
   * restores the default answers: a token, every person LIVING, every verification request taken.
   */
  protected static final WireMockServer SERVICES = new WireMockServer(
      WireMockConfiguration.options().dynamicPort().globalTemplating(true));

  static {
    SERVICES.start();
    resetServices();
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry properties) {
    properties.add("spring.http.serviceclient.registry.base-url", SERVICES::baseUrl);
    properties.add("spring.http.serviceclient.income-verification.base-url", SERVICES::baseUrl);
    properties.add("spring.security.oauth2.client.provider.civil-affairs.token-uri",
        () -> SERVICES.baseUrl() + "/oauth2/token");
  }

  /** Removes every stub and request log and installs the default answers. */
  protected static void resetServices() {
    SERVICES.resetAll();
    SERVICES.stubFor(WireMock.post("/oauth2/token").willReturn(WireMock.okJson("""
        {"access_token":"relief-service-token","token_type":"Bearer","expires_in":3600,"scope":"persons:read"}""")));
    SERVICES.stubFor(WireMock.get(WireMock.urlPathEqualTo("/persons")).atPriority(10)
        .withHeader("Authorization", WireMock.equalTo("Bearer relief-service-token"))
        .willReturn(WireMock.okJson("""
            {"id":{{randomInt lower=1 upper=1000000}},"nationalIdNumber":"{{request.query.nationalIdNumber}}",
             "name":"测试","sex":"MALE","birthDate":"1980-01-01","regionCode":"330681001001","status":"LIVING"}""")));
    SERVICES.stubFor(WireMock.post("/verification-requests").atPriority(10)
        .withHeader("Authorization", WireMock.equalTo("Bearer relief-service-token"))
        .willReturn(WireMock.jsonResponse("""
            {"request":{"id":{{randomInt lower=1 upper=1000000}},"householdId":"{{jsonPath request.body '$.householdId'}}",
             "status":"PENDING"},"departmentQueries":[],"report":null}""", 201)));
  }

  /** Stubs registry-service's answer for one number: a person with that status, or its 404 problem when null. */
  protected static void registryAnswers(String nationalIdNumber, String status) {
    SERVICES.stubFor(WireMock.get(WireMock.urlPathEqualTo("/persons")).atPriority(1)
        .withQueryParam("nationalIdNumber", WireMock.equalTo(nationalIdNumber))
        .willReturn(status == null
            ? WireMock.jsonResponse("""
                {"type":"https://civil-affairs.gov.cn/problems/not-found","title":"Not Found","status":404,
                 "code":"not-found","detail":"Person not found."}""", 404)
                .withHeader("Content-Type", "application/problem+json")
            : WireMock.okJson("""
                {"id":77,"nationalIdNumber":"%s","name":"测试","sex":"MALE","birthDate":"1950-01-01",
                 "regionCode":"330681001001","status":"%s"}""".formatted(nationalIdNumber, status))));
  }

  @LocalServerPort
  protected int port;

  @Autowired
  protected JdbcTemplate jdbc;

  @Autowired
  protected EmbeddedKafkaBroker broker;

  /** A valid national ID number: the 17 digits given and their MOD 11-2 check character. */
  protected static String idNumber(String first17) {
    return first17 + NationalIdNumber.checkCharacter(first17);
  }

  /**
   * Sends as a city administrator, with a token minted for this call: test tokens expire 5 minutes after they are
   * made, and one failsafe JVM runs every IT of the module (more than 6 minutes on a loaded machine), so the
   * constant {@link #CITY_ADMINISTRATOR}, made when this class is loaded, is not used here.
   */
  protected HttpResponse<String> send(String method, String path, String json) throws Exception {
    return send(TestTokens.staff("city-admin", Role.CITY_ADMINISTRATOR, null), method, path, json);
  }

  /** Sends with the bearer token; none when {@code token} is null. */
  protected HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** GET, asserting 200, as JSON. */
  protected JsonNode get(String path) throws Exception {
    HttpResponse<String> response = send("GET", path, null);
    assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** POST, asserting the status, as JSON. */
  protected JsonNode post(String path, String json, int status) throws Exception {
    HttpResponse<String> response = send("POST", path, json);
    assertThat(response.statusCode()).as("POST " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  /** Registers a household over REST and returns its id. */
  protected long registerHousehold(String json) throws Exception {
    return post("/households", json, 201).path("id").longValue();
  }

  /** Generates the month's minimum-living-allowance rolls (one per township); answers the month's rolls and totals. */
  protected JsonNode generateRoll(String month) throws Exception {
    return post("/payment-rolls", "{\"month\":\"" + month + "\",\"scheme\":\"MINIMUM_LIVING_ALLOWANCE\"}", 201);
  }

  protected JsonNode sendRoll(String month) throws Exception {
    return post("/payment-rolls/" + month + "/sent", null, 200);
  }

  /** The elements of a JSON array. */
  protected static List<JsonNode> list(JsonNode array) {
    List<JsonNode> elements = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      elements.add(array.get(i));
    }
    return elements;
  }

  /** Validates a fixture against the producer's JSON Schema in contracts/events (draft 2020-12). */
  protected static List<Error> schemaErrors(String schemaFile, String payload) throws Exception {
    Path contracts = Path.of(System.getProperty("contracts.dir", "../contracts"));
    try (InputStream in = Files.newInputStream(contracts.resolve("events").resolve(schemaFile))) {
      Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
      return schema.validate(payload, InputFormat.JSON);
    }
  }

  /** Waits until the consumer group has committed every record of the topic (all deliveries handled). */
  protected void awaitConsumed(String groupId, String topic) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
        Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
            .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        return partitions.stream().allMatch(p -> ends.get(p) == 0
            || (committed.get(p) != null && committed.get(p).offset() >= ends.get(p)));
      });
    }
  }

  protected int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }
}
