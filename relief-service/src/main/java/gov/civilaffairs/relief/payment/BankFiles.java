package gov.civilaffairs.relief.payment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.MaskingPolicy;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.payee.PayeeAccount;
import gov.civilaffairs.relief.payee.PayeeAccountRepository;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The bank's files of a payment roll (issue 5, "Payments"): the export of a roll as CSV or XLSX with its control
 * totals, and the import of the bank's return file, which marks each line PAID or FAILED. A failed line is paid
 * again in the next roll of the same scheme and township ({@link PaymentRollService#generate}).
 *
 * <p>Export columns (both formats): {@link #COLUMNS}. CSV: UTF-8, RFC 4180 (Apache Commons CSV), the first line a
 * comment {@code # roll=..,scheme=..,township=..,month=..,lineCount=..,totalAmount=..,noAccountLines=..,
 * noAccountAmount=..} with the control totals; XLSX: one sheet, header row, the lines, then a row {@code TOTAL} with
 * line count and total amount and a row {@code NO_ACCOUNT} with the lines without an account and their amount.
 *
 * <p>Payee (代发): each line carries its beneficiary's payee account ({@code payee.PayeeAccountService}): holder name,
 * bank code and name, and the account number in full, because the bank pays into it. A caller whose role may not see
 * bank account numbers in full ({@code platform.security.unmasked-roles.BANK_ACCOUNT}: by default every role but
 * the bank's machine client, the county officer and the city administrator) gets the file with the numbers masked.
 * A line whose beneficiary has no account is exported with empty payee columns and {@code accountStatus}
 * {@code NO_ACCOUNT} (else {@code OK}), and counted in the control summary as "no account"; never silently blank.
 *
 * <p>Return file: CSV with a header row holding at least {@code lineId} and {@code result} ({@code PAID} or
 * {@code FAILED}), optionally {@code reason}; lines starting with {@code #} are comments. Each row is applied on its
 * own: a bad row is reported and never stops the good ones (STYLE.md, bulk imports). Only a SENT roll takes a
 * return file; a line's result, once recorded, is never changed (the same result again is accepted as a repeat).
 */
@Service
public class BankFiles {

  /** The columns of the export, in order. */
  public static final List<String> COLUMNS = List.of("lineId", "beneficiaryId", "regionCode", "kind", "forMonth", "amount",
      "decisionKind", "decisionId", "payeeName", "bankCode", "bankName", "accountNumber", "accountStatus");

  /** {@code accountStatus} of a line whose beneficiary has a payee account. */
  public static final String ACCOUNT_OK = "OK";
  /** {@code accountStatus} of a line whose beneficiary has none: the bank cannot pay it. */
  public static final String NO_ACCOUNT = "NO_ACCOUNT";

  private static final int MAX_REASON = 200;

  private final PaymentRollService service;
  private final PaymentRollRepository rolls;
  private final PayeeAccountRepository payees;
  private final MaskingPolicy masking;

  BankFiles(PaymentRollService service, PaymentRollRepository rolls, PayeeAccountRepository payees,
      MaskingPolicy masking) {
    this.service = service;
    this.rolls = rolls;
    this.payees = payees;
    this.masking = masking;
  }

  /** The payee accounts of a roll's beneficiaries and the roll's lines without one. */
  private record Payees(Map<Long, PayeeAccount> accounts, PayeeAccountRepository.WithoutAccount without,
      boolean masked) {

    Optional<PayeeAccount> of(RollLine line) {
      return Optional.ofNullable(accounts.get(line.beneficiaryId()));
    }

    String number(PayeeAccount account) {
      return masked ? MaskType.BANK_ACCOUNT.mask(account.accountNumber()) : account.accountNumber();
    }
  }

  private Payees payees(PaymentRoll roll) {
    Optional<PayeeAccount.BeneficiaryKind> kind = PayeeAccount.BeneficiaryKind.ofScheme(roll.scheme());
    boolean masked = masking.masks(MaskType.BANK_ACCOUNT);
    if (kind.isEmpty()) {
      return new Payees(Map.of(), new PayeeAccountRepository.WithoutAccount(roll.lineCount(),
          roll.totalAmount().setScale(2)), masked);
    }
    return new Payees(payees.accountsOfRoll(roll.id(), kind.get()), payees.withoutAccount(roll.id(), kind.get()), masked);
  }

  /** Writes a roll as CSV. @throws ProblemException 404 if the roll is not within the area */
  public void writeCsv(long rollId, RegionScope area, OutputStream out) {
    PaymentRoll roll = service.roll(rollId, area);
    Payees payee = payees(roll);
    try {
      OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setCommentMarker('#').get());
      csv.printComment("roll=%d,scheme=%s,township=%s,month=%s,lineCount=%d,totalAmount=%s,noAccountLines=%d,noAccountAmount=%s"
          .formatted(roll.id(), roll.scheme(), roll.townshipCode(), roll.month(), roll.lineCount(),
              roll.totalAmount().setScale(2).toPlainString(), payee.without().lines(),
              payee.without().amount().toPlainString()));
      csv.printRecord(COLUMNS);
      rolls.forEachLine(roll.id(), l -> {
        try {
          Optional<PayeeAccount> account = payee.of(l);
          csv.printRecord(l.id(), l.beneficiaryId(), l.regionCode(), l.kind(), l.forMonth(), l.amount().toPlainString(),
              l.decision().kind(), l.decision().id() == null ? "" : l.decision().id(),
              account.map(PayeeAccount::holderName).orElse(""), account.map(PayeeAccount::bankCode).orElse(""),
              account.map(PayeeAccount::bankName).orElse(""), account.map(payee::number).orElse(""),
              account.isPresent() ? ACCOUNT_OK : NO_ACCOUNT);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a roll as XLSX (streaming workbook). @throws ProblemException 404 if the roll is not within the area */
  public void writeXlsx(long rollId, RegionScope area, OutputStream out) {
    PaymentRoll roll = service.roll(rollId, area);
    Payees payee = payees(roll);
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
      Sheet sheet = workbook.createSheet("roll-" + roll.id());
      Row header = sheet.createRow(0);
      for (int c = 0; c < COLUMNS.size(); c++) {
        header.createCell(c).setCellValue(COLUMNS.get(c));
      }
      int[] next = {1};
      rolls.forEachLine(roll.id(), l -> {
        Row row = sheet.createRow(next[0]++);
        row.createCell(0).setCellValue(l.id());
        row.createCell(1).setCellValue(l.beneficiaryId());
        row.createCell(2).setCellValue(l.regionCode());
        row.createCell(3).setCellValue(l.kind().name());
        row.createCell(4).setCellValue(l.forMonth().toString());
        row.createCell(5).setCellValue(l.amount().doubleValue());
        row.createCell(6).setCellValue(l.decision().kind());
        if (l.decision().id() != null) {
          row.createCell(7).setCellValue(l.decision().id());
        }
        Optional<PayeeAccount> account = payee.of(l);
        if (account.isPresent()) {
          row.createCell(8).setCellValue(account.get().holderName());
          row.createCell(9).setCellValue(account.get().bankCode()); // text: a bank code or number is not a number
          row.createCell(10).setCellValue(account.get().bankName());
          row.createCell(11).setCellValue(payee.number(account.get()));
        }
        row.createCell(12).setCellValue(account.isPresent() ? ACCOUNT_OK : NO_ACCOUNT);
      });
      Row total = sheet.createRow(next[0]);
      total.createCell(0).setCellValue("TOTAL");
      total.createCell(1).setCellValue(roll.lineCount());
      total.createCell(5).setCellValue(roll.totalAmount().doubleValue());
      Row noAccount = sheet.createRow(next[0] + 1);
      noAccount.createCell(0).setCellValue(NO_ACCOUNT);
      noAccount.createCell(1).setCellValue(payee.without().lines());
      noAccount.createCell(5).setCellValue(payee.without().amount().doubleValue());
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outcome of one row of a return file. @param row 1-based data row; @param status ACCEPTED or REJECTED */
  public record ReturnRow(int row, Long lineId, String status, String reason) {
  }

  /** The outcome of a return file: rows accepted and rejected, each row's result. */
  public record ReturnReport(long rollId, int accepted, int rejected, List<ReturnRow> rows) {
  }

  /**
   * Applies the bank's return file to a sent roll.
   *
   * @throws ProblemException 404 if the roll is not within the area; 409 {@code roll-not-sent} for a draft roll;
   *     400 {@code bad-return-file} if the file is not CSV or lacks the {@code lineId} / {@code result} columns
   */
  public ReturnReport applyReturn(long rollId, RegionScope area, Reader file) {
    PaymentRoll roll = service.roll(rollId, area);
    if (roll.status() != RollStatus.SENT) {
      throw ProblemException.conflict("roll-not-sent", "Payment roll " + rollId + " is not sent to the bank yet.");
    }
    List<CSVRecord> records;
    boolean hasReason;
    try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get().parse(file)) {
      if (!parser.getHeaderMap().containsKey("lineId") || !parser.getHeaderMap().containsKey("result")) {
        throw badFile("the header row must name the columns lineId and result (and optionally reason)");
      }
      hasReason = parser.getHeaderMap().containsKey("reason");
      records = parser.getRecords(); // the whole file is read before any row is applied
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw badFile("not a readable CSV file: " + e.getMessage());
    }
    List<ReturnRow> report = new ArrayList<>();
    int n = 0;
    for (CSVRecord record : records) {
      report.add(applyRow(roll, ++n, record, hasReason));
    }
    if (report.isEmpty()) {
      throw badFile("the file has no data rows");
    }
    int accepted = (int) report.stream().filter(r -> r.status().equals("ACCEPTED")).count();
    return new ReturnReport(rollId, accepted, report.size() - accepted, report);
  }

  private ReturnRow applyRow(PaymentRoll roll, int n, CSVRecord record, boolean hasReason) {
    if (!record.isConsistent()) {
      return new ReturnRow(n, null, "REJECTED", "row has " + record.size() + " fields, the header names more");
    }
    long lineId;
    try {
      lineId = Long.parseLong(record.get("lineId"));
    } catch (NumberFormatException e) {
      return new ReturnRow(n, null, "REJECTED", "lineId must be a number, was '" + record.get("lineId") + "'");
    }
    String result = record.get("result").toUpperCase(java.util.Locale.ROOT);
    if (!result.equals("PAID") && !result.equals("FAILED")) {
      return new ReturnRow(n, lineId, "REJECTED", "result must be PAID or FAILED, was '" + record.get("result") + "'");
    }
    String reason = hasReason && !record.get("reason").isBlank() ? record.get("reason").strip() : null;
    if (reason != null && reason.length() > MAX_REASON) {
      return new ReturnRow(n, lineId, "REJECTED", "reason longer than " + MAX_REASON + " characters");
    }
    Optional<RollLine> line = rolls.findLine(lineId).filter(l -> l.rollId() == roll.id());
    if (line.isEmpty()) {
      return new ReturnRow(n, lineId, "REJECTED", "line " + lineId + " is not in roll " + roll.id());
    }
    if (line.get().bankResult() != null) {
      return line.get().bankResult().equals(result)
          ? new ReturnRow(n, lineId, "ACCEPTED", "already recorded as " + result)
          : new ReturnRow(n, lineId, "REJECTED", "already recorded as " + line.get().bankResult());
    }
    if (!rolls.recordBankResult(lineId, result, reason)) {
      return new ReturnRow(n, lineId, "REJECTED", "recorded concurrently; send the row again to see its result");
    }
    return new ReturnRow(n, lineId, "ACCEPTED", null);
  }

  private static ProblemException badFile(String detail) {
    return new ProblemException(HttpStatus.BAD_REQUEST, "bad-return-file", "Bank return file: " + detail);
  }
}
