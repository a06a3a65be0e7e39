package gov.civilaffairs.registry.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import gov.civilaffairs.registry.death.DeathReport;
import gov.civilaffairs.registry.death.DeathSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The daily death feed of the municipal data-sharing platform: UTF-8 CSV (RFC 4180), one death a row,
 * a header row naming the columns (any order):
 * <pre>
 * national_id_number,name,date_of_death,source,source_reference,time_of_death
 * 330681195003150013,张三,2025-06-30,HUKOU_CANCELLATION,PSB-2025-0001,
 * 330681195003150021,李四,,MEDICAL_CERTIFICATE,MED-88,2025-06-30T23:30:00+08:00
 * </pre>
 * {@code date_of_death} is ISO 8601 ({@code yyyy-MM-dd}); {@code time_of_death} is optional, ISO 8601
 * with offset; at least one of the two is required. {@code source} is one of {@link DeathSource}.
 */
final class DeathFeed {

  static final List<String> REQUIRED_COLUMNS = List.of("national_id_number", "name", "date_of_death", "source",
      "source_reference");

  /** One data row: its 1-based number (header excluded) and either a report or why it cannot be read. */
  record Row(int number, DeathReport report, String error) {
  }

  private DeathFeed() {
  }

  /**
   * @return the data rows in file order
   * @throws IllegalArgumentException when the header lacks a required column or there are more than
   *     {@code maxRows} rows
   */
  static List<Row> read(Reader csv, int maxRows) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
      List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("the header row lacks the columns " + missing + "; expected "
            + REQUIRED_COLUMNS + " and optionally time_of_death");
      }
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (rows.size() == maxRows) {
          throw new IllegalArgumentException("the file has more than " + maxRows + " rows");
        }
        rows.add(toRow(rows.size() + 1, record));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Row toRow(int number, CSVRecord record) {
    if (!record.isConsistent()) {
      return new Row(number, null, "the row has " + record.size() + " fields; the header has " + record.getParser().getHeaderNames().size());
    }
    try {
      String source = record.get("source");
      String date = record.get("date_of_death");
      String time = record.isMapped("time_of_death") ? record.get("time_of_death") : "";
      DeathReport report = new DeathReport(record.get("national_id_number"), record.get("name"),
          date.isEmpty() ? null : LocalDate.parse(date), time.isEmpty() ? null : OffsetDateTime.parse(time),
          source.isEmpty() ? null : DeathSource.valueOf(source.toUpperCase(Locale.ROOT)), record.get("source_reference"),
          null);
      return new Row(number, report, null);
    } catch (DateTimeParseException e) {
      return new Row(number, null, "date_of_death must be yyyy-MM-dd and time_of_death ISO 8601 with offset: "
          + e.getParsedString());
    } catch (IllegalArgumentException e) {
      return new Row(number, null, "source must be one of " + java.util.Arrays.toString(DeathSource.values()));
    }
  }
}
