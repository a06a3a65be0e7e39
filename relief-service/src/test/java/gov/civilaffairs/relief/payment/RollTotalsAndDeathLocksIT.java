package gov.civilaffairs.relief.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.ReliefTestSupport;
import gov.civilaffairs.relief.death.DeathRule;
import gov.civilaffairs.relief.death.PersonDeceased;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 4: a payment roll's control totals are counted from its lines when read (V61), and a death reads the DRAFT
 * rolls it changes with a shared lock. Real MariaDB, real HTTP; the deaths are applied through {@link DeathRule} (the
 * code the Kafka batch listener runs) in transactions this test holds open, to see what waits for what.
 *
 * <p>Township 330681112 (五泄镇) is used by no other test, and the rolls are generated and sent with a caseworker's token
 * limited to it, so no other test's household gets a line here (the IT classes share one schema).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class RollTotalsAndDeathLocksIT extends ReliefTestSupport {

  static final String TOWNSHIP = "330681112";
  static final String CASEWORKER = TestTokens.staff("rrt-caseworker", Role.TOWNSHIP_CASEWORKER, TOWNSHIP);

  @Autowired
  DeathRule deathRule;

  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void deathsCorrectADraftRollInParallelMarkSentWaitsForThemAndASentRollNeverChanges() throws Exception {
    String a = idNumber("33068119500101107");
    String b = idNumber("33068119500202107");
    String c = idNumber("33068119500303107");
    long householdA = registerHousehold(single(a, "钱一", "300.00"));
    long householdB = registerHousehold(single(b, "钱二", "400.00"));
    long householdC = registerHousehold(single(c, "钱三", "500.00"));
    call("POST", "/payment-rolls", "{\"month\":\"2026-08\",\"scheme\":\"MINIMUM_LIVING_ALLOWANCE\"}", 201);
    JsonNode month = call("GET", "/payment-rolls/2026-08?scheme=MINIMUM_LIVING_ALLOWANCE", null, 200);
    assertThat(month.path("rolls").size()).isEqualTo(1);
    long rollId = month.path("rolls").get(0).path("id").longValue();
    JsonNode before = call("GET", "/payment-rolls/" + rollId, null, 200);
    List<JsonNode> lines = list(call("GET", "/payment-rolls/" + rollId + "/lines", null, 200));
    assertThat(lines).hasSize(3);
    assertThat(before.path("lineCount").intValue()).isEqualTo(3);
    assertThat(before.path("totalAmount").decimalValue())
        .isEqualByComparingTo(lines.stream().map(l -> l.path("amount").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add));
    BigDecimal amountA = amountOf(lines, householdA);
    BigDecimal amountB = amountOf(lines, householdB);
    BigDecimal amountC = amountOf(lines, householdC);

    // A's death is applied and its transaction (READ COMMITTED, as the listener's) held open; B's death, in a
    // transaction of its own, does not wait
    // for it (shared locks); "mark sent" does, until A's commits.
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED); // as the death listener's (RegistryPersonListener)
    CompletableFuture<HttpResponse<String>> markSent = tx.execute(status -> {
      deathRule.apply(death(9701, a));
      try {
        CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> deathRule.apply(death(9702, b))))
            .get(10, TimeUnit.SECONDS);
        CompletableFuture<HttpResponse<String>> sent = HTTP.sendAsync(request("POST", "/payment-rolls/" + rollId + "/sent"),
            HttpResponse.BodyHandlers.ofString());
        try {
          sent.get(1500, TimeUnit.MILLISECONDS);
          throw new AssertionError("mark sent did not wait for the open death transaction");
        } catch (TimeoutException waiting) {
          return sent;
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    HttpResponse<String> response = markSent.get(20, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode sent = JSON.readTree(response.body());
    assertThat(sent.path("status").asString()).isEqualTo("SENT");
    assertThat(sent.path("lineCount").intValue()).as("both deaths' lines dropped before sending").isEqualTo(1);
    assertThat(sent.path("totalAmount").decimalValue()).isEqualByComparingTo(amountC);
    assertThat(call("GET", "/payment-rolls/" + rollId, null, 200).path("totalAmount").decimalValue())
        .isEqualByComparingTo(before.path("totalAmount").decimalValue().subtract(amountA).subtract(amountB));
    assertThat(call("GET", "/households/" + householdA + "/overpayment-claims", null, 200).size()).isZero();

    // C dies after the roll was sent: its line stays, the money becomes an overpayment claim.
    tx.executeWithoutResult(s -> deathRule.apply(death(9703, c)));
    JsonNode after = call("GET", "/payment-rolls/" + rollId, null, 200);
    assertThat(after.path("status").asString()).isEqualTo("SENT");
    assertThat(after.path("lineCount").intValue()).isEqualTo(1);
    assertThat(after.path("totalAmount").decimalValue()).isEqualByComparingTo(amountC);
    assertThat(amountOf(list(call("GET", "/payment-rolls/" + rollId + "/lines", null, 200)), householdC))
        .isEqualByComparingTo(amountC);
    JsonNode claims = call("GET", "/households/" + householdC + "/overpayment-claims", null, 200);
    assertThat(claims.size()).isEqualTo(1);
    assertThat(claims.get(0).path("fromMonth").asString()).isEqualTo("2026-08");
    assertThat(claims.get(0).path("amount").decimalValue()).isEqualByComparingTo(amountC);
    assertThat(claims.get(0).path("status").asString()).isEqualTo("OPEN");
  }

  /** A death of 30 June 2026: the last month paid is June, so the August roll's line is not due. */
  private static PersonDeceased death(long deathRecordId, String number) {
    return new PersonDeceased(UUID.randomUUID(), deathRecordId, number, LocalDate.parse("2026-06-30"));
  }

  private static BigDecimal amountOf(List<JsonNode> lines, long household) {
    return lines.stream().filter(l -> l.path("beneficiaryId").longValue() == household).findFirst()
        .orElseThrow(() -> new AssertionError("no line of household " + household)).path("amount").decimalValue();
  }

  private HttpRequest request(String method, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + CASEWORKER).method(method, HttpRequest.BodyPublishers.noBody()).build();
  }

  /** Calls as the township's caseworker, asserting the status. */
  private JsonNode call(String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(CASEWORKER, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static String single(String number, String name, String income) {
    return """
        {"regionCode":"330681112213","area":"RURAL","monthlyIncome":%s,"startMonth":"2026-01","members":[
          {"nationalIdNumber":"%s","name":"%s","relation":"HEAD"}]}""".formatted(income, number, name);
  }
}
