package gov.civilaffairs.relief.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The bank's files through REST, as the bank's machine client uses them: export CSV and XLSX with control totals,
 * the return file marking lines PAID or FAILED row by row, the failed line paid again in the next roll of the
 * township. Months 2019-07 and 2019-08 of 店口镇 (330681104).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class BankFileIT extends ReliefTestSupport {

  static final String BANK = TestTokens.client("bank", "payments:read", "payments:write");
  static final String BANK_READ_ONLY = TestTokens.client("bank", "payments:read");
  static final String JIYANG = TestTokens.staff("jiyang-caseworker", Role.TOWNSHIP_CASEWORKER, "330681001");

  @LocalServerPort
  int serverPort;

  private static String household(String income, String number) {
    return """
        {"regionCode":"330681104003","area":"URBAN","monthlyIncome":%s,"startMonth":"2019-07","members":[
         {"nationalIdNumber":"%s","name":"钱小梅","relation":"HEAD"}]}""".formatted(income, number);
  }

  private HttpResponse<byte[]> download(String token, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + path))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> bankReturn(String token, long rollId, String csv) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + "/payment-rolls/" + rollId + "/bank-returns"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode diankouRoll(JsonNode monthlyRolls) {
    return list(monthlyRolls.path("rolls")).stream().filter(r -> r.path("townshipCode").asString().equals("330681104"))
        .findFirst().orElseThrow();
  }

  @Test
  void theBankExportsTheRollAndItsReturnFileMarksLinesPaidOrFailedAndFailedLinesArePaidInTheNextRoll() throws Exception {
    long paid = registerHousehold(household("240.00", idNumber("33068119600202601")));
    long failed = registerHousehold(household("640.00", idNumber("33068119600202602")));
    JsonNode roll = diankouRoll(generateRoll("2019-07"));
    long rollId = roll.path("id").longValue();

    // CSV: the control totals first, then one row per line; the rows add up to them.
    HttpResponse<byte[]> csvFile = download(BANK, "/payment-rolls/" + rollId + "/bank-file.csv");
    assertThat(csvFile.statusCode()).isEqualTo(200);
    assertThat(csvFile.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String csv = new String(csvFile.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv.lines().findFirst().orElse("")).startsWith("# roll=" + rollId + ",scheme=MINIMUM_LIVING_ALLOWANCE,township=330681104,month=2019-07,lineCount="
        + roll.path("lineCount").intValue() + ",totalAmount=" + roll.path("totalAmount").decimalValue().setScale(2).toPlainString()
        + ",noAccountLines="); // payee accounts: payee/PayeeAccountIT
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get()
        .parse(new StringReader(csv)).getRecords();
    assertThat(rows).hasSize(roll.path("lineCount").intValue());
    assertThat(rows.stream().map(r -> new BigDecimal(r.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(roll.path("totalAmount").decimalValue());
    CSVRecord paidRow = rows.stream().filter(r -> r.get("beneficiaryId").equals(String.valueOf(paid))).findFirst().orElseThrow();
    CSVRecord failedRow = rows.stream().filter(r -> r.get("beneficiaryId").equals(String.valueOf(failed))).findFirst().orElseThrow();
    assertThat(paidRow.get("amount") + " " + paidRow.get("kind") + " " + paidRow.get("decisionKind") + " " + paidRow.get("decisionId"))
        .isEqualTo("1000.00 MONTHLY HOUSEHOLD_REGISTRATION " + paid);

    // XLSX: header, the lines, the TOTAL row with the control totals and the NO_ACCOUNT row.
    HttpResponse<byte[]> xlsxFile = download(BANK, "/payment-rolls/" + rollId + "/bank-file.xlsx");
    assertThat(xlsxFile.statusCode()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsxFile.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("lineId");
      assertThat(sheet.getLastRowNum()).isEqualTo(rows.size() + 2);
      Row total = sheet.getRow(rows.size() + 1);
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo("TOTAL");
      assertThat((int) total.getCell(1).getNumericCellValue()).isEqualTo(rows.size());
      assertThat(BigDecimal.valueOf(total.getCell(5).getNumericCellValue())).isEqualByComparingTo(roll.path("totalAmount").decimalValue());
    }

    // Not sent yet: the bank cannot return it.
    HttpResponse<String> early = bankReturn(BANK, rollId, "lineId,result\n" + paidRow.get("lineId") + ",PAID\n");
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(early.body()).path("code").asString()).isEqualTo("roll-not-sent");
    sendRoll("2019-07");

    // Bad files are refused whole, with nothing recorded.
    HttpResponse<String> noHeader = bankReturn(BANK, rollId, "id,status\n1,PAID\n");
    assertThat(noHeader.statusCode()).isEqualTo(400);
    assertThat(noHeader.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(noHeader.body()).path("code").asString()).isEqualTo("bad-return-file");
    assertThat(bankReturn(BANK, rollId, "lineId,result\n").statusCode()).isEqualTo(400);
    assertThat(bankReturn(BANK, rollId, "lineId,result\n\"" + paidRow.get("lineId") + ",PAID\n").statusCode()).isEqualTo(400);
    assertThat(count("SELECT COUNT(*) FROM payment_roll_line WHERE roll_id = ? AND bank_result IS NOT NULL", rollId)).isZero();
    assertThat(bankReturn(BANK_READ_ONLY, rollId, "lineId,result\n1,PAID\n").statusCode()).isEqualTo(403);
    assertThat(bankReturn(JIYANG, rollId, "lineId,result\n1,PAID\n").statusCode()).as("another township's roll").isEqualTo(404);

    // The return file: bad rows are reported, the good ones applied.
    HttpResponse<String> returned = bankReturn(BANK, rollId, "lineId,result,reason\n"
        + paidRow.get("lineId") + ",PAID,\n"
        + "abc,PAID,\n"
        + "999999999,PAID,\n"
        + failedRow.get("lineId") + ",BOUNCED,\n"
        + failedRow.get("lineId") + ",FAILED,account closed\n");
    assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(returned.body());
    assertThat(report.path("accepted").intValue()).isEqualTo(2);
    assertThat(report.path("rejected").intValue()).isEqualTo(3);
    assertThat(list(report.path("rows"))).extracting(r -> r.path("row").intValue() + " " + r.path("status").asString())
        .containsExactly("1 ACCEPTED", "2 REJECTED", "3 REJECTED", "4 REJECTED", "5 ACCEPTED");
    assertThat(report.path("rows").get(3).path("reason").asString()).contains("PAID or FAILED");
    assertThat(count("SELECT COUNT(*) FROM payment_roll_line WHERE id = ? AND bank_result = 'PAID'", Long.parseLong(paidRow.get("lineId")))).isOne();
    assertThat(count("SELECT COUNT(*) FROM payment_roll_line WHERE id = ? AND bank_result = 'FAILED' AND bank_reason = 'account closed'",
        Long.parseLong(failedRow.get("lineId")))).isOne();
    // A result once recorded is not changed by a later file.
    JsonNode again = JSON.readTree(bankReturn(BANK, rollId, "lineId,result\n" + failedRow.get("lineId") + ",PAID\n").body());
    assertThat(again.path("rows").get(0).path("status").asString()).isEqualTo("REJECTED");

    // August's roll of the township pays the failed July line again, once.
    generateRoll("2019-08");
    generateRoll("2019-08");
    List<JsonNode> retries = list(get("/payment-rolls/2019-08/lines?size=1000")).stream()
        .filter(l -> l.path("kind").asString().equals("RETRY")).toList();
    assertThat(retries).extracting(l -> l.path("beneficiaryId").longValue() + " " + l.path("forMonth").asString() + " "
            + l.path("amount").decimalValue().setScale(2) + " " + l.path("decision").path("kind").asString() + " "
            + l.path("decision").path("id").longValue() + " " + l.path("carriedLineId").longValue())
        .containsExactly(failed + " 2019-07 600.00 PAYMENT_RETURN " + failedRow.get("lineId") + " " + failedRow.get("lineId"));
  }

  @Test
  void theBankCannotGenerateRollsAndCannotReadOutsideItsScopes() throws Exception {
    HttpResponse<String> generate = send(BANK, "POST", "/payment-rolls", "{\"month\":\"2019-09\",\"scheme\":\"MINIMUM_LIVING_ALLOWANCE\"}");
    assertThat(generate.statusCode()).isEqualTo(403);
    assertThat(download(TestTokens.client("registry", "persons:read"), "/payment-rolls/1/bank-file.csv").statusCode()).isEqualTo(403);
    assertThat(download(BANK, "/payment-rolls/999999999/bank-file.xlsx").statusCode()).isEqualTo(404);
  }
}
