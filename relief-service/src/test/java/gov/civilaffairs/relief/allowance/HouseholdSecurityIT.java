package gov.civilaffairs.relief.allowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.ReliefTestSupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may see which household (issue 3; OWASP API1/API5; docs/security.md): real tokens over HTTP,
 * a household outside the caller's township answers 404 and is not listed, the county officer sees
 * both townships, machine clients and other roles are refused, and a create request cannot set the
 * allowance's status or amount.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class HouseholdSecurityIT extends ReliefTestSupport {

  /** 暨阳街道 and 店口镇, two townships of 诸暨市 (330681). */
  private static final String JIYANG_CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  private static final String DIANKOU_CASEWORKER = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  private static final String ZHUJI_OFFICER = TestTokens.staff("zhuji-officer", Role.COUNTY_OFFICER, "330681");

  @Test
  void aCaseworkerSeesOnlyHouseholdsOfHerTownshipAndTheCountyOfficerSeesBoth() throws Exception {
    long jiyang = register(JIYANG_CASEWORKER, "330681001004", "33068119600101111");
    long diankou = register(DIANKOU_CASEWORKER, "330681104003", "33068119600101112");

    assertThat(send(JIYANG_CASEWORKER, "GET", "/households/" + jiyang, null).statusCode()).isEqualTo(200);
    HttpResponse<String> other = send(JIYANG_CASEWORKER, "GET", "/households/" + diankou, null);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(other.body()).path("code").asString()).isEqualTo("not-found");
    assertThat(send(JIYANG_CASEWORKER, "PUT", "/households/" + diankou + "/head",
        "{\"nationalIdNumber\":\"" + idNumber("33068119600101112") + "\"}").statusCode()).isEqualTo(404);
    assertThat(ids(JIYANG_CASEWORKER)).contains(jiyang).doesNotContain(diankou);
    assertThat(send(JIYANG_CASEWORKER, "GET", "/households/" + diankou + "/changes", null).statusCode())
        .isEqualTo(404);
    assertThat(JSON.readTree(send(JIYANG_CASEWORKER, "GET", "/persons/" + idNumber("33068119600101112")
        + "/benefit-changes", null).body()).isEmpty()).isTrue();

    for (String money : new String[] {"/overpayment-claims", "/arrears"}) {
      assertThat(send(JIYANG_CASEWORKER, "GET", "/households/" + diankou + money, null).statusCode())
          .as(money + " of another township's household").isEqualTo(404);
      assertThat(send(DIANKOU_CASEWORKER, "GET", "/households/" + diankou + money, null).statusCode()).isEqualTo(200);
      assertThat(send(ZHUJI_OFFICER, "GET", "/households/999999" + money, null).statusCode()).isEqualTo(404);
    }

    assertThat(send(ZHUJI_OFFICER, "GET", "/households/" + diankou, null).statusCode()).isEqualTo(200);
    assertThat(ids(ZHUJI_OFFICER)).contains(jiyang, diankou);
  }

  @Test
  void aReadOfAHouseholdLeavesOneAuditEntryWithTheCaller() throws Exception {
    long household = register(JIYANG_CASEWORKER, "330681001004", "33068119600101115");

    assertThat(send(JIYANG_CASEWORKER, "GET", "/households/" + household, null).statusCode()).isEqualTo(200);

    HttpResponse<String> audit = send(TestTokens.staff("auditor", Role.AUDITOR, null), "GET",
        "/audit-entries?actor=jiyang-caseworker&objectType=household&size=200", null);
    assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
    JsonNode reads = JSON.readTree(audit.body()).path("entries");
    assertThat(reads.valueStream().filter(e -> e.path("action").asString().equals("READ")
        && e.path("objectId").asString().equals(String.valueOf(household)))).singleElement().satisfies(e -> {
          assertThat(e.path("outcome").asString()).isEqualTo("SUCCESS");
          assertThat(e.path("actorRoles").get(0).asString()).isEqualTo("TOWNSHIP_CASEWORKER");
          assertThat(e.path("regionCode").asString()).isEqualTo("330681001");
        });
  }

  @Test
  void aCaseworkerCannotRegisterAHouseholdOutsideHerTownship() throws Exception {
    int before = ids(ZHUJI_OFFICER).size();

    HttpResponse<String> outside = send(DIANKOU_CASEWORKER, "POST", "/households", """
        {"regionCode":"330681001004","area":"URBAN","monthlyIncome":480.00,"startMonth":"2020-01",
         "members":[{"nationalIdNumber":"%s","name":"周九","relation":"HEAD"}]}"""
        .formatted(idNumber("33068119600101114")));

    assertThat(outside.statusCode()).as(outside.body()).isEqualTo(403);
    assertThat(JSON.readTree(outside.body()).path("code").asString()).isEqualTo("region-outside-area");
    assertThat(ids(ZHUJI_OFFICER)).hasSize(before);
  }

  @Test
  void withoutATokenOrWithTheWrongRoleOrAsAMachineClientTheCallIsRefused() throws Exception {
    HttpResponse<String> anonymous = send(null, "GET", "/households", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));

    HttpResponse<String> operations = send(TestTokens.staff("operations", Role.OPERATIONS, null), "GET", "/households", null);
    assertThat(operations.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(operations.body()).path("code").asString()).isEqualTo("forbidden");
    assertThat(send(TestTokens.client("police", "deaths:write"), "GET", "/households", null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void statusAndAmountInACreateRequestAreIgnored() throws Exception {
    String head = idNumber("33068119600101113");
    HttpResponse<String> created = send(JIYANG_CASEWORKER, "POST", "/households", """
        {"regionCode":"330681001004","area":"URBAN","monthlyIncome":480.00,"startMonth":"2020-01",
         "status":"TERMINATED","currentAmount":99999.00,"allowance":{"status":"TERMINATED","currentAmount":99999.00},
         "members":[{"nationalIdNumber":"%s","name":"钱七","relation":"HEAD"}]}""".formatted(head));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode allowance = JSON.readTree(created.body()).path("allowance");
    assertThat(allowance.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(allowance.path("currentAmount").decimalValue()).isLessThan(new java.math.BigDecimal("99999.00"));
  }

  private long register(String token, String region, String headFirst17) throws Exception {
    HttpResponse<String> response = send(token, "POST", "/households", """
        {"regionCode":"%s","area":"URBAN","monthlyIncome":480.00,"startMonth":"2020-01",
         "members":[{"nationalIdNumber":"%s","name":"李䶮","relation":"HEAD"}]}"""
        .formatted(region, idNumber(headFirst17)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("id").longValue();
  }

  private java.util.List<Long> ids(String token) throws Exception {
    HttpResponse<String> response = send(token, "GET", "/households?size=200", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).valueStream().map(h -> h.path("id").longValue()).toList();
  }
}
