package gov.civilaffairs.eldercare;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokenConfiguration;
import gov.civilaffairs.platform.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** REST helpers of eldercare-service's integration tests: real HTTP with real tokens (TestTokens). */
@Import(TestTokenConfiguration.class)
public abstract class EldercareTestSupport {

  /** A city administrator, who sees every region. */
  protected static final String CITY_ADMINISTRATOR = TestTokens.staff("city-admin", Role.CITY_ADMINISTRATOR, null);
  /** 暨阳街道 (330681001) and 店口镇 (330681104), two townships of 诸暨市 (330681). */
  protected static final String JIYANG_CASEWORKER =
      TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  protected static final String DIANKOU_CASEWORKER =
      TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  protected static final String ZHUJI_OFFICER = TestTokens.staff("zhuji-officer", Role.COUNTY_OFFICER, "330681");
  /** 江东社区 and 金鸡山社区 of 暨阳街道; 金湖社区 of 店口镇. */
  protected static final String JIANGDONG = "330681001001";
  protected static final String JINJISHAN = "330681001004";
  protected static final String JINHU = "330681104003";

  protected static final HttpClient HTTP = HttpClient.newHttpClient();
  protected static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 900);

  @LocalServerPort
  protected int port;

  @Autowired
  protected JdbcTemplate jdbc;

  /** A valid ID number of a person born on {@code birthDate} (yyyyMMdd), with a sequence unique in this run. */
  protected static String idNumber(String birthDate) {
    String first17 = "330681" + birthDate + String.format("%03d", SEQUENCE.incrementAndGet() % 1000);
    return first17 + NationalIdNumber.checkCharacter(first17);
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

  /** Sends as the city administrator. */
  protected HttpResponse<String> send(String method, String path, String json) throws Exception {
    return send(CITY_ADMINISTRATOR, method, path, json);
  }

  /** Sends as the city administrator, asserts the status and reads the body. */
  protected JsonNode call(String method, String path, String json, int status) throws Exception {
    return call(CITY_ADMINISTRATOR, method, path, json, status);
  }

  /** Sends, asserts the status and reads the body (null for an empty body). */
  protected JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    if (status >= 400) {
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
    return response.body().isEmpty() ? null : JSON.readTree(response.body());
  }

  /** The problem's {@code code} of an error answer with the status expected. */
  protected String problem(String token, String method, String path, String json, int status) throws Exception {
    return call(token, method, path, json, status).path("code").asString();
  }

  /** Registers an elderly person in a village as the city administrator; returns the ID number. */
  protected String registerPerson(String birthDate, String village) throws Exception {
    String idNumber = idNumber(birthDate);
    call("POST", "/elderly-persons", """
        {"nationalIdNumber":"%s","name":"𠮷祥","regionCode":"%s"}""".formatted(idNumber, village), 201);
    return idNumber;
  }
}
