package gov.civilaffairs.relief.payee;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import gov.civilaffairs.platform.security.Role;
import gov.civilaffairs.platform.test.TestTokens;
import gov.civilaffairs.relief.ReliefTestSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Payee accounts (代发) through REST: set, replace, read with the number masked per role, refused when invalid
 * (problem+json naming the field, nothing stored), audited; and in the bank files: the payee's holder name, bank
 * code and full account number for the bank, masked for a township caseworker, a line without an account marked
 * NO_ACCOUNT and counted in the control summary. Township 店口镇 (330681104), month 2018-05.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class PayeeAccountIT extends ReliefTestSupport {

  static final String BANK = TestTokens.client("bank", "payments:read", "payments:write");
  static final String DIANKOU = TestTokens.staff("diankou-caseworker", Role.TOWNSHIP_CASEWORKER, "330681104");
  static final String JIYANG = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");
  static final String COUNTY = TestTokens.staff("zhuji-officer", Role.COUNTY_OFFICER, "330681");
  static final String AUDITOR = TestTokens.staff("auditor", Role.AUDITOR, null);
  static final String ASSISTANT = TestTokens.staff("village-assistant", Role.VILLAGE_ASSISTANT, "330681104003");

  /** A UnionPay card number (62...) with a valid Luhn check digit. */
  static final String CARD = "6222021234567890128";

  private static String household(String number, String income) {
    return """
        {"regionCode":"330681104003","area":"URBAN","monthlyIncome":%s,"startMonth":"2018-05","members":[
         {"nationalIdNumber":"%s","name":"郑𠮷祥","relation":"HEAD"}]}""".formatted(income, number);
  }

  private static String account(String holder, String number) {
    return """
        {"holderName":"%s","bankCode":"102337000018","bankName":"中国工商银行诸暨支行","accountNumber":"%s"}"""
        .formatted(holder, number);
  }

  @Test
  void aHouseholdsPayeeAccountIsSetReplacedAndReadMaskedPerRoleAndAudited() throws Exception {
    long id = registerHousehold(household(idNumber("33068119610303701"), "240.00"));
    String path = "/households/" + id + "/payee-account";
    assertThat(send(DIANKOU, "GET", path, null).statusCode()).as("none yet").isEqualTo(404);
    assertThat(JSON.readTree(send(DIANKOU, "GET", path, null).body()).path("code").asString()).isEqualTo("no-payee-account");

    HttpResponse<String> set = send(DIANKOU, "PUT", path, account("郑𠮷祥", "6212261202000000001"));
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    JsonNode byCaseworker = JSON.readTree(set.body());
    assertThat(byCaseworker.path("householdId").longValue()).isEqualTo(id);
    assertThat(byCaseworker.path("holderName").asString()).isEqualTo("郑𠮷祥");
    assertThat(byCaseworker.path("accountNumber").asString()).as("a township caseworker sees it masked")
        .isEqualTo("***************0001");
    assertThat(byCaseworker.path("updatedBy").asString()).isEqualTo("diankou-caseworker");

    // replaced as a whole
    assertThat(send(DIANKOU, "PUT", path, account("郑吉祥", CARD)).statusCode()).isEqualTo(200);
    JsonNode byCounty = JSON.readTree(send(COUNTY, "GET", path, null).body());
    assertThat(byCounty.path("accountNumber").asString()).as("a county officer sees it in full").isEqualTo(CARD);
    assertThat(byCounty.path("holderName").asString()).isEqualTo("郑吉祥");
    assertThat(byCounty.path("bankCode").asString() + " " + byCounty.path("bankName").asString())
        .isEqualTo("102337000018 中国工商银行诸暨支行");
    assertThat(JSON.readTree(send(AUDITOR, "GET", path, null).body()).path("accountNumber").asString())
        .isEqualTo("***************0128");
    assertThat(count("SELECT COUNT(*) FROM payee_account WHERE beneficiary_id = ?", id)).isOne();
    assertThat(count("SELECT COUNT(*) FROM payee_account WHERE beneficiary_id = ? AND account_number = ?", id, CARD)).isOne();

    // the area rule and the roles
    assertThat(send(JIYANG, "GET", path, null).statusCode()).as("another township").isEqualTo(404);
    assertThat(send(JIYANG, "PUT", path, account("某人", CARD)).statusCode()).isEqualTo(404);
    assertThat(send(AUDITOR, "PUT", path, account("某人", CARD)).statusCode()).isEqualTo(403);
    assertThat(send(ASSISTANT, "GET", path, null).statusCode()).isEqualTo(403);
    assertThat(send(BANK, "PUT", path, account("某人", CARD)).statusCode()).isEqualTo(403);
    assertThat(send(DIANKOU, "GET", "/households/999999999/payee-account", null).statusCode()).isEqualTo(404);
    assertThat(count("SELECT COUNT(*) FROM payee_account WHERE beneficiary_id = ? AND account_number = ?", id, CARD)).isOne();

    assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE object_type = 'payee-account' AND object_id = ? "
        + "AND action = 'UPDATE' AND outcome = 'SUCCESS'", String.valueOf(id))).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE object_type = 'payee-account' AND object_id = ? "
        + "AND action = 'READ'", String.valueOf(id))).isGreaterThanOrEqualTo(3);
  }

  @Test
  void invalidAccountsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
    long id = registerHousehold(household(idNumber("33068119610303702"), "240.00"));
    String path = "/households/" + id + "/payee-account";
    assertThat(send(DIANKOU, "PUT", path, account("郑吉祥", CARD)).statusCode()).isEqualTo(200);

    for (String[] bad : new String[][] {
        {"6222021234567890127", "Luhn"}, // UnionPay number, wrong check digit
        {"6222 0212 3456 7890 128", "digits only"},
        {"62220212345", "12 to 19 digits"}, // 11 digits
        {"62220212345678901280", "12 to 19 digits"}, // 20 digits
        {"", "must not be empty"}}) {
      HttpResponse<String> refused = send(DIANKOU, "PUT", path, account("郑吉祥", bad[0]));
      assertThat(refused.statusCode()).as(bad[0] + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode errors = JSON.readTree(refused.body()).path("errors");
      assertThat(list(errors)).as(refused.body()).singleElement().satisfies(e -> {
        assertThat(e.path("field").asString()).isEqualTo("accountNumber");
        assertThat(e.path("rule").asString()).isEqualTo("ValidBankAccountNumber");
        assertThat(e.path("message").asString()).contains(bad[1]);
      });
    }
    // a number outside the UnionPay range carries no standard check digit: only length and digits are checked
    assertThat(send(DIANKOU, "PUT", path, account("郑吉祥", "955880123456789012")).statusCode()).isEqualTo(200);
    assertThat(send(DIANKOU, "PUT", path, account("郑吉祥", CARD)).statusCode()).isEqualTo(200);

    HttpResponse<String> badBank = send(DIANKOU, "PUT", path, """
        {"holderName":" ","bankCode":"10233700001X","bankName":"中国工商银行","accountNumber":"6222021234567890128"}""");
    assertThat(badBank.statusCode()).isEqualTo(400);
    assertThat(list(JSON.readTree(badBank.body()).path("errors"))).extracting(e -> e.path("field").asString())
        .containsExactlyInAnyOrder("holderName", "bankCode");
    assertThat(send(DIANKOU, "PUT", path, "{\"holderName\":\"郑吉祥\"}").statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(send(COUNTY, "GET", path, null).body()).path("accountNumber").asString())
        .as("nothing changed by the refused requests").isEqualTo(CARD);
  }

  @Test
  void theBankFileCarriesThePayeesAccountInFullForTheBankAndCountsLinesWithoutOne() throws Exception {
    long withAccount = registerHousehold(household(idNumber("33068119610303703"), "240.00"));
    long without = registerHousehold(household(idNumber("33068119610303704"), "640.00"));
    assertThat(send(DIANKOU, "PUT", "/households/" + withAccount + "/payee-account", account("郑吉祥", CARD)).statusCode())
        .isEqualTo(200);
    JsonNode roll = list(generateRoll("2018-05").path("rolls")).stream()
        .filter(r -> r.path("townshipCode").asString().equals("330681104")).findFirst().orElseThrow();
    long rollId = roll.path("id").longValue();

    String csv = new String(download(BANK, "/payment-rolls/" + rollId + "/bank-file.csv").body(), StandardCharsets.UTF_8);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get()
        .parse(new StringReader(csv)).getRecords();
    CSVRecord paid = row(rows, withAccount);
    assertThat(paid.get("payeeName") + " " + paid.get("bankCode") + " " + paid.get("bankName") + " "
        + paid.get("accountNumber") + " " + paid.get("accountStatus"))
        .isEqualTo("郑吉祥 102337000018 中国工商银行诸暨支行 " + CARD + " OK");
    CSVRecord blank = row(rows, without);
    assertThat(blank.get("payeeName") + "|" + blank.get("accountNumber") + "|" + blank.get("accountStatus"))
        .isEqualTo("||NO_ACCOUNT");
    List<CSVRecord> noAccount = rows.stream().filter(r -> r.get("accountStatus").equals("NO_ACCOUNT")).toList();
    BigDecimal noAccountAmount = noAccount.stream().map(r -> new BigDecimal(r.get("amount")))
        .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    assertThat(noAccount).extracting(r -> r.get("beneficiaryId")).contains(String.valueOf(without))
        .doesNotContain(String.valueOf(withAccount));
    assertThat(csv.lines().findFirst().orElse("")).endsWith(",lineCount=" + rows.size() + ",totalAmount="
        + roll.path("totalAmount").decimalValue().setScale(2).toPlainString() + ",noAccountLines=" + noAccount.size()
        + ",noAccountAmount=" + noAccountAmount.toPlainString());

    // a township caseworker's copy: the numbers masked
    String masked = new String(download(DIANKOU, "/payment-rolls/" + rollId + "/bank-file.csv").body(), StandardCharsets.UTF_8);
    assertThat(masked).doesNotContain(CARD).contains("***************0128");

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
        download(BANK, "/payment-rolls/" + rollId + "/bank-file.xlsx").body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(11).getStringCellValue()).isEqualTo("accountNumber");
      Row line = null;
      for (int r = 1; r <= rows.size(); r++) {
        if ((long) sheet.getRow(r).getCell(1).getNumericCellValue() == withAccount) {
          line = sheet.getRow(r);
        }
      }
      assertThat(line).isNotNull();
      assertThat(line.getCell(8).getStringCellValue() + " " + line.getCell(9).getStringCellValue() + " "
          + line.getCell(11).getStringCellValue() + " " + line.getCell(12).getStringCellValue())
          .isEqualTo("郑吉祥 102337000018 " + CARD + " OK");
      Row summary = sheet.getRow(rows.size() + 2);
      assertThat(summary.getCell(0).getStringCellValue()).isEqualTo("NO_ACCOUNT");
      assertThat((int) summary.getCell(1).getNumericCellValue()).isEqualTo(noAccount.size());
      assertThat(BigDecimal.valueOf(summary.getCell(5).getNumericCellValue())).isEqualByComparingTo(noAccountAmount);
    }
  }

  private static CSVRecord row(List<CSVRecord> rows, long beneficiary) {
    return rows.stream().filter(r -> r.get("beneficiaryId").equals(String.valueOf(beneficiary))).findFirst().orElseThrow();
  }

  private HttpResponse<byte[]> download(String token, String path) throws Exception {
    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response;
  }
}
