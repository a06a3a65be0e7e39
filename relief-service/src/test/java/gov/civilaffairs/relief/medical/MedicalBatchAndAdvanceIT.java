package gov.civilaffairs.relief.medical;

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
 * Pre-treatment advances (医前救助) settled against the next settlement and counted in the yearly cap, and batch
 * approvals by document number (审批文号) with control totals, through REST (ALLOWANCE: no deductible, 70 %, cap
 * 100000.00).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class MedicalBatchAndAdvanceIT extends ReliefTestSupport {

  static final String CASEWORKER = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  static final String COUNTY = TestTokens.staff("zhuji-officer", Role.COUNTY_OFFICER, "330681");
  static final String OTHER_COUNTY = TestTokens.staff("other-officer", Role.COUNTY_OFFICER, "330682");

  @Test
  void anAdvanceIsSettledAgainstTheNextSettlement() throws Exception {
    String person = beneficiary("33068119500101801");
    JsonNode advance = call(CASEWORKER, "POST", "/medical-assistance/pre-treatment-advances",
        advance(person, "5000.00", "2026-09-01"), 201);
    assertThat(advance.path("status").asString()).isEqualTo("OPEN");
    JsonNode second = call(CASEWORKER, "POST", "/medical-assistance/pre-treatment-advances",
        advance(person, "100.00", "2026-09-02"), 409);
    assertThat(second.path("code").asString()).isEqualTo("advance-open");
    assertThat(second.path("advanceId").longValue()).isEqualTo(advance.path("id").longValue());

    JsonNode settled = settle(person, "R-801-1", "2026-09-10", "30000.00", "20000.00", "10000.00", 201);
    assertThat(settled.path("assistancePaid").decimalValue()).isEqualByComparingTo("7000.00");
    assertThat(settled.path("advanceId").longValue()).isEqualTo(advance.path("id").longValue());
    assertThat(settled.path("advanceOffset").decimalValue()).isEqualByComparingTo("5000.00");
    assertThat(settled.path("payableAtSettlement").decimalValue()).isEqualByComparingTo("2000.00");
    assertThat(settled.path("advanceToRecover").decimalValue()).isEqualByComparingTo("0.00");

    JsonNode advances = call(CASEWORKER, "GET", "/medical-assistance/persons/" + person + "/pre-treatment-advances", null, 200);
    assertThat(advances.get(0).path("status").asString()).isEqualTo("SETTLED");
    assertThat(advances.get(0).path("settlementId").longValue()).isEqualTo(settled.path("id").longValue());

    // an advance larger than the assistance of the treatment leaves a sum to recover
    call(CASEWORKER, "POST", "/medical-assistance/pre-treatment-advances", advance(person, "2000.00", "2026-09-15"), 201);
    JsonNode small = settle(person, "R-801-2", "2026-09-20", "2000.00", "1000.00", "1000.00", 201);
    assertThat(small.path("assistancePaid").decimalValue()).isEqualByComparingTo("700.00");
    assertThat(small.path("advanceOffset").decimalValue()).isEqualByComparingTo("700.00");
    assertThat(small.path("payableAtSettlement").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(small.path("advanceToRecover").decimalValue()).isEqualByComparingTo("1300.00");
    // a settlement without an open advance settles none
    assertThat(settle(person, "R-801-3", "2026-09-25", "200.00", "100.00", "100.00", 201).path("advanceId").isNull())
        .isTrue();
  }

  @Test
  void theYearlyCapIncludesTheAdvance() throws Exception {
    String person = beneficiary("33068119500101802");
    settle(person, "R-802-1", "2026-03-01", "200000.00", "60000.00", "140000.00", 201); // 98000.00 paid
    JsonNode over = call(CASEWORKER, "POST", "/medical-assistance/pre-treatment-advances",
        advance(person, "2500.00", "2026-09-01"), 422);
    assertThat(over.path("code").asString()).isEqualTo("over-annual-cap");
    assertThat(over.path("capLeft").decimalValue()).isEqualByComparingTo("2000.00");
    call(CASEWORKER, "POST", "/medical-assistance/pre-treatment-advances", advance(person, "2000.00", "2026-09-01"), 201);
    JsonNode settled = settle(person, "R-802-2", "2026-09-10", "30000.00", "20000.00", "10000.00", 201);
    assertThat(settled.path("assistancePaid").decimalValue()).as("the cap: 100000.00 - 98000.00")
        .isEqualByComparingTo("2000.00");
    assertThat(settled.path("advanceOffset").decimalValue()).isEqualByComparingTo("2000.00");
    assertThat(settled.path("payableAtSettlement").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(call(CASEWORKER, "POST", "/medical-assistance/pre-treatment-advances",
        advance(person, "0.01", "2026-10-01"), 422).path("code").asString()).isEqualTo("over-annual-cap");
  }

  @Test
  void badAdvancesAreRefusedAndNothingIsRecorded() throws Exception {
    String person = beneficiary("33068119500101803");
    String stranger = idNumber("33068119500101804");
    assertThat(call(CASEWORKER, "POST", "/medical-assistance/pre-treatment-advances", advance(stranger, "100.00", "2026-09-01"),
        422).path("code").asString()).isEqualTo("not-a-beneficiary");
    assertThat(call(DIANKOU, "POST", "/medical-assistance/pre-treatment-advances", advance(person, "100.00", "2026-09-01"),
        422).path("code").asString()).isEqualTo("not-a-beneficiary");
    assertThat(call(CASEWORKER, "POST", "/medical-assistance/pre-treatment-advances", advance(person, "100.00", "2099-09-01"),
        422).path("code").asString()).isEqualTo("date-in-future");
    assertThat(call(CASEWORKER, "POST", "/medical-assistance/pre-treatment-advances", advance(person, "0.00", "2026-09-01"),
        400).toString()).contains("amount");
    assertThat(call(CASEWORKER, "POST", "/medical-assistance/pre-treatment-advances", advance(person, "1.005", "2026-09-01"),
        400).toString()).contains("amount");
    assertThat(count("SELECT COUNT(*) FROM medical_pre_treatment_advance WHERE national_id_number IN (?, ?)", person,
        stranger)).isZero();
    assertThat(list(call(DIANKOU, "GET", "/medical-assistance/persons/" + person + "/pre-treatment-advances", null, 200)))
        .isEmpty();
  }

  @Test
  void settlementsAreApprovedInBatchesByDocumentWithTotals() throws Exception {
    String first = beneficiary("33068119500101805");
    String second = beneficiary("33068119500101806");
    long a = settle(first, "R-805-1", "2026-09-01", "20000.00", "14000.00", "5000.00", 201).path("id").longValue();
    long b = settle(first, "R-805-2", "2026-09-05", "3000.00", "2000.00", "1000.00", 201).path("id").longValue();
    long c = settle(second, "R-806-1", "2026-09-08", "4000.00", "2000.00", "2000.00", 201).path("id").longValue();
    assertThat(ids(call(CASEWORKER, "GET", "/medical-assistance/settlements/unapproved?size=1000", null, 200)))
        .contains(a, b, c);

    String body = batch("诸民救〔2026〕35号", "2026-09-30", a, b, c);
    JsonNode batch = call(COUNTY, "POST", "/medical-assistance/approval-batches", body, 201);
    assertThat(batch.path("settlements").intValue()).isEqualTo(3);
    assertThat(batch.path("persons").intValue()).isEqualTo(2);
    assertThat(batch.path("totalCost").decimalValue()).isEqualByComparingTo("27000.00");
    assertThat(batch.path("eligibleOutOfPocket").decimalValue()).isEqualByComparingTo("8000.00");
    assertThat(batch.path("assistancePaid").decimalValue()).isEqualByComparingTo("5600.00");
    assertThat(batch.path("payable").decimalValue()).isEqualByComparingTo("5600.00");
    assertThat(batch.path("regionCode").asString()).isEqualTo("330681");
    assertThat(batch.path("lines")).hasSize(3);
    long id = batch.path("id").longValue();
    assertThat(call(COUNTY, "POST", "/medical-assistance/approval-batches", body, 200).path("id").longValue())
        .as("the same document again").isEqualTo(id);
    assertThat(ids(call(CASEWORKER, "GET", "/medical-assistance/settlements/unapproved?size=1000", null, 200)))
        .doesNotContain(a, b, c);
    assertThat(call(CASEWORKER, "GET", "/medical-assistance/persons/" + first + "/settlements", null, 200).get(0)
        .path("approvalBatchId").longValue()).isEqualTo(id);

    long d = settle(second, "R-806-2", "2026-09-10", "400.00", "200.00", "200.00", 201).path("id").longValue();
    assertThat(call(COUNTY, "POST", "/medical-assistance/approval-batches", batch("诸民救〔2026〕35号", "2026-09-30", a, d),
        409).path("code").asString()).isEqualTo("document-number-used");
    JsonNode again = call(COUNTY, "POST", "/medical-assistance/approval-batches", batch("诸民救〔2026〕36号", "2026-09-30", c, d),
        409);
    assertThat(again.path("code").asString()).isEqualTo("settlement-already-approved");
    assertThat(list(again.path("settlementIds")).stream().map(JsonNode::longValue).toList()).containsExactly(c);
    JsonNode unknown = call(COUNTY, "POST", "/medical-assistance/approval-batches",
        batch("诸民救〔2026〕36号", "2026-09-30", d, 999999999L), 422);
    assertThat(unknown.path("code").asString()).isEqualTo("unknown-settlement");
    assertThat(call(OTHER_COUNTY, "POST", "/medical-assistance/approval-batches", batch("诸民救〔2026〕36号", "2026-09-30", d),
        422).path("code").asString()).as("outside the approver's area").isEqualTo("unknown-settlement");
    assertThat(call(COUNTY, "POST", "/medical-assistance/approval-batches", batch("诸民救〔2026〕36号", "2026-09-09", d),
        422).path("code").asString()).isEqualTo("approved-before-settlement");
    assertThat(call(COUNTY, "POST", "/medical-assistance/approval-batches", "{\"documentNumber\":\"x\",\"approvedOn\":"
        + "\"2026-09-30\",\"settlementIds\":[]}", 400).toString()).contains("settlementIds");
    assertThat(call(CASEWORKER, "POST", "/medical-assistance/approval-batches", batch("诸民救〔2026〕36号", "2026-09-30", d),
        403).path("code").asString()).isEqualTo("forbidden");
    assertThat(count("SELECT COUNT(*) FROM medical_approval_batch WHERE document_number = '诸民救〔2026〕36号'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM medical_settlement WHERE id = ? AND approval_batch_id IS NULL", d)).isEqualTo(1);

    JsonNode seenByOtherTownship = call(DIANKOU, "GET", "/medical-assistance/approval-batches/" + id, null, 200);
    assertThat(seenByOtherTownship.path("lines")).as("lines within the caller's area only").isEmpty();
    assertThat(seenByOtherTownship.path("assistancePaid").decimalValue()).isEqualByComparingTo("5600.00");
    call(OTHER_COUNTY, "GET", "/medical-assistance/approval-batches/" + id, null, 404);
  }

  private String beneficiary(String first17) throws Exception {
    String person = idNumber(first17);
    registerHousehold("""
        {"regionCode":"330681001001","area":"URBAN","monthlyIncome":"300.00","startMonth":"2026-01",
         "members":[{"nationalIdNumber":"%s","name":"陈建国","relation":"HEAD"}]}""".formatted(person));
    return person;
  }

  private JsonNode settle(String person, String reference, String settledOn, String total, String insurance,
      String eligible, int status) throws Exception {
    return call(CASEWORKER, "POST", "/medical-assistance/settlements", """
        {"nationalIdNumber":"%s","name":"陈建国","category":"ALLOWANCE","kind":"INPATIENT","hospital":"诸暨市人民医院",
         "settlementReference":"%s","settledOn":"%s","totalCost":"%s","insurancePaid":"%s","eligibleOutOfPocket":"%s"}"""
        .formatted(person, reference, settledOn, total, insurance, eligible), status);
  }

  private static String advance(String person, String amount, String grantedOn) {
    return """
        {"nationalIdNumber":"%s","name":"陈建国","category":"ALLOWANCE","hospital":"诸暨市人民医院","reason":"住院押金",
         "amount":"%s","grantedOn":"%s","status":"SETTLED"}""".formatted(person, amount, grantedOn);
  }

  private static String batch(String document, String approvedOn, long... ids) {
    return "{\"documentNumber\":\"" + document + "\",\"approvedOn\":\"" + approvedOn + "\",\"settlementIds\":"
        + java.util.Arrays.toString(ids) + "}";
  }

  private static java.util.List<Long> ids(JsonNode array) {
    return list(array).stream().map(n -> n.path("id").longValue()).toList();
  }

  private JsonNode call(String token, String method, String path, String json, int status) throws Exception {
    HttpResponse<String> response = send(token, method, path, json);
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
