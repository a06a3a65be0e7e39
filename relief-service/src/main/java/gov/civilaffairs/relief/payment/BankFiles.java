package gov.civilaffairs.relief.payment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;
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
 * comment {@code # roll=..,scheme=..,township=..,month=..,lineCount=..,totalAmount=..} with the control totals;
 * XLSX: one sheet, header row, the lines, then a row {@code TOTAL} with line count and total amount.
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
      "decisionKind", "decisionId");

  private static final int MAX_REASON = 200;

  private final PaymentRollService service;
  private final PaymentRollRepository rolls;

  BankFiles(PaymentRollService service, PaymentRollRepository rolls) {
    this.service = service;
    this.rolls = rolls;
  }

  /** Writes a roll as CSV. @throws ProblemException 404 if the roll is not within the area */
  public void writeCsv(long rollId, RegionScope area, OutputStream out) {
    PaymentRoll roll = service.roll(rollId, area);
    try {
      OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setCommentMarker('#').get());
      csv.printComment("roll=%d,scheme=%s,township=%s,month=%s,lineCount=%d,totalAmount=%s".formatted(roll.id(),
          roll.scheme(), roll.townshipCode(), roll.month(), roll.lineCount(), roll.totalAmount().setScale(2).toPlainString()));
      csv.printRecord(COLUMNS);
      rolls.forEachLine(roll.id(), l -> {
        try {
          csv.printRecord(l.id(), l.beneficiaryId(), l.regionCode(), l.kind(), l.forMonth(), l.amount().toPlainString(),
              l.decision().kind(), l.decision().id() == null ? "" : l.decision().id());
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
      });
      Row total = sheet.createRow(next[0]);
      total.createCell(0).setCellValue("TOTAL");
      total.createCell(1).setCellValue(roll.lineCount());
      total.createCell(5).setCellValue(roll.totalAmount().doubleValue());
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
