package gov.civilaffairs.eldercare.allowance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.eldercare.EldercareTestSupport;
import gov.civilaffairs.eldercare.FixedClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A death drops the person's line from an unsent old-age allowance roll (DOMAIN.md, death rule 5) and the roll's
 * control totals follow: they are counted from the lines when read (issue 4: no stored total that every death
 * would lock). A roll being marked SENT waits for a death's transaction that is dropping one of its lines, so a
 * SENT roll never loses a line. Months 2026-04 and 2026-05 are used by no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(FixedClockConfiguration.class)
class AllowanceRollDeathIT extends EldercareTestSupport {

  @Autowired AllowanceRollRepository rolls;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void aDeathDropsTheLineOfTheUnsentRollAndTheTotalsCountedWhenReadFollow() throws Exception {
    long dies = allowanceOf(registerPerson("19400505", JIANGDONG));
    long lives = allowanceOf(registerPerson("19400606", JIANGDONG));
    JsonNode may = call("POST", "/old-age-allowance-rolls", "{\"month\":\"2026-05\"}", 201);
    assertThat(allowancesIn("2026-05")).contains(dies, lives);

    assertThat(inTransaction(() -> rolls.dropUnsentLinesAfter(dies, YearMonth.of(2026, 4))))
        .as("the line of May, after the month of death").isEqualTo(1);

    JsonNode after = call("GET", "/old-age-allowance-rolls/2026-05", null, 200);
    assertThat(after.path("lineCount").asInt()).isEqualTo(may.path("lineCount").asInt() - 1);
    assertThat(after.path("totalAmount").decimalValue())
        .isEqualByComparingTo(may.path("totalAmount").decimalValue().subtract(new BigDecimal("50.00")));
    assertThat(allowancesIn("2026-05")).contains(lives).doesNotContain(dies);
  }

  @Test
  void markingTheRollSentWaitsForTheDeathDroppingOneOfItsLinesAndASentRollLosesNone() throws Exception {
    long dies = allowanceOf(registerPerson("19410707", JINJISHAN));
    long diesAfterSending = allowanceOf(registerPerson("19410808", JINJISHAN));
    JsonNode april = call("POST", "/old-age-allowance-rolls", "{\"month\":\"2026-04\"}", 201);
    assertThat(allowancesIn("2026-04")).contains(dies, diesAfterSending);

    CountDownLatch dropped = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    AtomicInteger droppedLines = new AtomicInteger();
    CompletableFuture<Void> death = CompletableFuture.runAsync(() -> inTransaction(() -> {
      droppedLines.set(rolls.dropUnsentLinesAfter(dies, YearMonth.of(2026, 3)));
      dropped.countDown();
      try {
        commit.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }));
    assertThat(dropped.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<HttpResponse<String>> sending = CompletableFuture.supplyAsync(() -> {
      try {
        return send("POST", "/old-age-allowance-rolls/2026-04/sent", null);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(1500);
    assertThat(sending).as("mark sent waits for the death's transaction").isNotDone();
    commit.countDown();
    death.get(30, TimeUnit.SECONDS);
    HttpResponse<String> sent = sending.get(30, TimeUnit.SECONDS);
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(sent.body()).path("status").asString()).isEqualTo("SENT");
    assertThat(JSON.readTree(sent.body()).path("lineCount").asInt())
        .as("the answer counts the line the death it waited for dropped").isEqualTo(april.path("lineCount").asInt() - 1);
    assertThat(droppedLines.get()).isEqualTo(1);
    JsonNode sentRoll = call("GET", "/old-age-allowance-rolls/2026-04", null, 200);
    assertThat(sentRoll.path("lineCount").asInt()).isEqualTo(april.path("lineCount").asInt() - 1);

    assertThat(inTransaction(() -> rolls.dropUnsentLinesAfter(diesAfterSending, YearMonth.of(2026, 3))))
        .as("a SENT roll loses no line").isZero();
    assertThat(call("GET", "/old-age-allowance-rolls/2026-04", null, 200).path("totalAmount").decimalValue())
        .isEqualByComparingTo(sentRoll.path("totalAmount").decimalValue());
    assertThat(allowancesIn("2026-04")).contains(diesAfterSending).doesNotContain(dies);
  }

  private <T> T inTransaction(java.util.function.Supplier<T> work) {
    return new TransactionTemplate(transactionManager).execute(status -> work.get());
  }

  private long allowanceOf(String idNumber) throws Exception {
    call("POST", "/elderly-persons/" + idNumber + "/old-age-allowance", "{\"startMonth\":\"2026-01\"}", 201);
    return jdbc.queryForObject("""
        SELECT a.id FROM old_age_allowance a JOIN elderly_person p ON p.id = a.person_id
        WHERE p.national_id_number = ?""", Long.class, idNumber);
  }

  /** The allowance ids of the roll's lines. */
  private List<Long> allowancesIn(String month) {
    return jdbc.queryForList("""
        SELECT l.allowance_id FROM allowance_roll_line l JOIN allowance_roll r ON r.id = l.roll_id
        WHERE r.month = ?""", Long.class, YearMonth.parse(month).atDay(1));
  }
}
