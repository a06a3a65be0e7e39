package gov.civilaffairs.relief.payment.web;

import java.io.StringReader;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.Audited;
import gov.civilaffairs.platform.security.Caller;
import gov.civilaffairs.relief.payment.BankFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bank's files of a payment roll: export (CSV, XLSX) and the return file. Staff roles, or the bank's machine
 * client with scope {@code payments:read} (export) / {@code payments:write} (return file); a roll outside the
 * caller's area answers 404. The export carries each payee's account number in full only for the roles listed in
 * {@code platform.security.unmasked-roles.BANK_ACCOUNT} (the bank's client, county officer, city administrator by
 * default); a township caseworker's copy has them masked.
 */
@RestController
@Tag(name = "Bank files", description = "发放花名册 to the bank and the bank's return file")
class BankFileController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final BankFiles files;

  BankFileController(BankFiles files) {
    this.files = files;
  }

  @GetMapping(value = "/payment-rolls/{id:\\d+}/bank-file.csv", produces = "text/csv")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER') or hasAuthority('SCOPE_payments:read')")
  @Operation(summary = "Export a roll for the bank as CSV, with its control totals",
      description = "Example: GET /payment-rolls/12/bank-file.csv. UTF-8 RFC 4180; first line a comment with the control "
          + "totals (lineCount, totalAmount) and the lines without a payee account (noAccountLines, noAccountAmount), then "
          + "the header lineId,beneficiaryId,regionCode,kind,forMonth,amount,decisionKind,decisionId,payeeName,bankCode,"
          + "bankName,accountNumber,accountStatus. accountStatus OK, or NO_ACCOUNT with empty payee columns. The account "
          + "number in full for the bank's client and the roles of platform.security.unmasked-roles.BANK_ACCOUNT, masked "
          + "for others. 404 outside the area.",
      responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", examples = @ExampleObject(
          value = "# roll=12,scheme=MINIMUM_LIVING_ALLOWANCE,township=330681102,month=2026-07,lineCount=2,totalAmount=1880.00,"
              + "noAccountLines=1,noAccountAmount=940.00\r\n"
              + "lineId,beneficiaryId,regionCode,kind,forMonth,amount,decisionKind,decisionId,payeeName,bankCode,bankName,"
              + "accountNumber,accountStatus\r\n"
              + "501,77,330681102001,MONTHLY,2026-07,940.00,APPLICATION,31,王建华,102337000018,中国工商银行诸暨支行,"
              + "6222021234567890128,OK\r\n"
              + "502,78,330681102001,MONTHLY,2026-07,940.00,APPLICATION,32,,,,,NO_ACCOUNT\r\n"))))
  @Audited(action = AuditAction.READ, objectType = "payment-roll", objectId = "#id")
  ResponseEntity<byte[]> csv(@Parameter(example = "12") @PathVariable long id, Caller caller) {
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    files.writeCsv(id, caller.regionScope(), buffer); // whole file first: a 404 is a problem, not a broken body
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"payment-roll-" + id + ".csv\"")
        .body(buffer.toByteArray());
  }

  @GetMapping(value = "/payment-rolls/{id:\\d+}/bank-file.xlsx", produces = XLSX)
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER') or hasAuthority('SCOPE_payments:read')")
  @Operation(summary = "Export a roll for the bank as XLSX, with its control totals",
      description = "Example: GET /payment-rolls/12/bank-file.xlsx. One sheet: header row (as the CSV), the lines, then "
          + "a row TOTAL with the line count (column B) and total amount (column F), and a row NO_ACCOUNT with the lines "
          + "without a payee account (B) and their amount (F). Payee columns I-M as in the CSV, the account number "
          + "masked for roles that may not see it. 404 outside the area.")
  @Audited(action = AuditAction.READ, objectType = "payment-roll", objectId = "#id")
  ResponseEntity<byte[]> xlsx(@Parameter(example = "12") @PathVariable long id, Caller caller) {
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    files.writeXlsx(id, caller.regionScope(), buffer);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"payment-roll-" + id + ".xlsx\"")
        .body(buffer.toByteArray());
  }

  @PostMapping(value = "/payment-rolls/{id:\\d+}/bank-returns", consumes = "text/csv")
  @PreAuthorize("hasAnyRole('CITY_ADMINISTRATOR', 'COUNTY_OFFICER', 'TOWNSHIP_CASEWORKER') or hasAuthority('SCOPE_payments:write')")
  @Operation(summary = "Import the bank's return file of a sent roll: each line PAID or FAILED",
      description = "Example: POST /payment-rolls/12/bank-returns with the CSV body below -> {\"rollId\":12,\"accepted\":"
          + "2,\"rejected\":0,\"rows\":[{\"row\":1,\"lineId\":501,\"status\":\"ACCEPTED\"},{\"row\":2,\"lineId\":502,"
          + "\"status\":\"ACCEPTED\"}]}. "
          + "Body: CSV with header lineId,result[,reason]; result PAID or FAILED. Each row is applied on its own and "
          + "reported (ACCEPTED or REJECTED with the reason); a bad row never stops the good ones. A FAILED line is paid "
          + "again (kind RETRY) in the next roll of the scheme and township. 400 bad-return-file (no header, not CSV, no "
          + "rows); 404 outside the area; 409 roll-not-sent.",
      requestBody = @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(
          value = "lineId,result,reason\r\n501,PAID,\r\n502,FAILED,account closed\r\n"))))
  @Audited(action = AuditAction.UPDATE, objectType = "payment-roll", objectId = "#id")
  BankFiles.ReturnReport bankReturn(@Parameter(example = "12") @PathVariable long id, Caller caller,
      @org.springframework.web.bind.annotation.RequestBody String file) {
    return files.applyReturn(id, caller.regionScope(), new StringReader(file));
  }
}
