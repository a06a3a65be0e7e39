package gov.civilaffairs.registry.person;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.idnumber.Sex;
import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk feed of the person index from the household-registration (户籍) system: UTF-8 CSV (RFC 4180), a
 * header row naming the columns (any order), one person a row:
 * <pre>
 * national_id_number,name,sex,birth_date,region_code
 * 330681195003150013,张三,MALE,1950-03-15,330681001001
 * 330681195003150021,李四,,,330681101203
 * </pre>
 * Each row follows the rules of {@link PersonService#register} (sex and birth date optional, and when
 * given they must agree with the ID number; the region a GB/T 2260 village-level division) and must
 * lie in the caller's area ({@link RegionScope}). Rows are CREATED, ALREADY_INDEXED (the number is in
 * the index, or earlier in the file: nothing changes) or REJECTED with the reason; a bad row never
 * stops the good ones. New persons are written in JDBC batches, one transaction per file; a file
 * racing another for the same numbers is run again (the other's persons are then ALREADY_INDEXED).
 */
@Service
public class PersonImportService {

  /** The columns every file must name. */
  public static final List<String> COLUMNS = List.of("national_id_number", "name", "sex", "birth_date", "region_code");

  /** What happened to a row. */
  public enum Outcome {
    CREATED, ALREADY_INDEXED, REJECTED
  }

  /**
   * One row's result: its 1-based number (header excluded), the person's id unless rejected, the reason if
   * rejected or repeated, and for a rejected row the problem's stable {@code code} (as in problem+json, e.g.
   * {@code sex-mismatch}) and the {@code field} it concerns when it concerns one ({@code birthDate}, {@code sex},
   * {@code regionCode}, {@code name}), else {@code null}.
   */
  public record RowResult(int rowNo, Outcome outcome, Long personId, String reason, String code, String field) {

    RowResult(int rowNo, Outcome outcome, Long personId, String reason) {
      this(rowNo, outcome, personId, reason, null, null);
    }

    static RowResult rejected(int rowNo, ProblemException problem) {
      return new RowResult(rowNo, Outcome.REJECTED, null, problem.getMessage(), problem.getCode(),
          problem.getProperties().get("field") instanceof String field ? field : null);
    }
  }

  /** A file's result: counts per outcome and every row in file order. */
  public record ImportResult(int rowCount, Map<Outcome, Long> counts, List<RowResult> rows) {
  }

  private record NewPerson(int index, NationalIdNumber id, String name, String regionCode) {
  }

  private static final int NAME_MAX_CODE_POINTS = 50;

  private final PersonRepository persons;
  private final RegionDirectory regions;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder().includes(DuplicateKeyException.class)
      .maxRetries(3).build());
  private final Clock clock;

  PersonImportService(PersonRepository persons, RegionDirectory regions, JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.persons = persons;
    this.regions = regions;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * @param maxRows most data rows accepted
   * @throws ProblemException 400 {@code invalid-feed} when the header lacks a column, 413
   *     {@code too-many-rows} beyond {@code maxRows}; nothing is imported then
   */
  public ImportResult importFeed(Reader csv, int maxRows, RegionScope callerScope) {
    List<CSVRecord> records = read(csv, maxRows);
    try {
      return retry.execute(() -> transaction.execute(status -> importRows(records, callerScope)));
    } catch (RetryException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    }
  }

  private ImportResult importRows(List<CSVRecord> records, RegionScope callerScope) {
    LocalDate today = LocalDate.now(clock);
    RowResult[] results = new RowResult[records.size()];
    Map<String, NewPerson> byNumber = new HashMap<>();
    Map<Integer, NewPerson> repeated = new HashMap<>();
    List<NewPerson> candidates = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      try {
        NewPerson person = validated(i, records.get(i), today, callerScope);
        NewPerson earlier = byNumber.putIfAbsent(person.id().value(), person);
        if (earlier != null) {
          repeated.put(i, earlier);
        } else {
          candidates.add(person);
        }
      } catch (ProblemException e) {
        results[i] = RowResult.rejected(i + 1, e);
      }
    }
    Map<String, Long> indexed = new HashMap<>();
    persons.findByNationalIdNumbers(byNumber.keySet()).forEach(p -> indexed.put(p.nationalIdNumber(), p.id()));
    List<NewPerson> fresh = candidates.stream().filter(p -> !indexed.containsKey(p.id().value())).toList();
    List<Long> ids = insert(fresh);
    for (int j = 0; j < fresh.size(); j++) {
      indexed.put(fresh.get(j).id().value(), ids.get(j));
      results[fresh.get(j).index()] = new RowResult(fresh.get(j).index() + 1, Outcome.CREATED, ids.get(j), null);
    }
    for (NewPerson p : candidates) {
      if (results[p.index()] == null) {
        results[p.index()] = new RowResult(p.index() + 1, Outcome.ALREADY_INDEXED, indexed.get(p.id().value()), null);
      }
    }
    repeated.forEach((i, earlier) -> results[i] = new RowResult(i + 1, Outcome.ALREADY_INDEXED,
        indexed.get(earlier.id().value()), "the same ID number as row " + (earlier.index() + 1)));
    Map<Outcome, Long> counts = new TreeMap<>();
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, 0L);
    }
    for (RowResult r : results) {
      counts.merge(r.outcome(), 1L, Long::sum);
    }
    return new ImportResult(results.length, counts, List.of(results));
  }

  private NewPerson validated(int index, CSVRecord record, LocalDate today, RegionScope callerScope) {
    if (!record.isConsistent()) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-row",
          "The row has " + record.size() + " fields; the header has " + record.getParser().getHeaderNames().size() + ".");
    }
    // InvalidNationalIdNumberException is a ProblemException: the row is rejected with the broken rule.
    NationalIdNumber id = NationalIdNumber.parse(record.get("national_id_number"), today);
    String name = record.get("name");
    if (name.isBlank() || name.codePointCount(0, name.length()) > NAME_MAX_CODE_POINTS) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "validation-failed",
          "Invalid name: required, at most " + NAME_MAX_CODE_POINTS + " characters.", Map.of("field", "name"));
    }
    String sex = record.get("sex");
    if (!sex.isEmpty() && !sex.toUpperCase(Locale.ROOT).equals(id.sex().name())) {
      throw PersonService.sexMismatch(sexCode(sex), id.sex());
    }
    String birthDate = record.get("birth_date");
    try {
      if (!birthDate.isEmpty() && !LocalDate.parse(birthDate).equals(id.birthDate())) {
        throw PersonService.birthDateMismatch();
      }
    } catch (DateTimeParseException e) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid birth_date: must be yyyy-MM-dd.",
          Map.of("field", "birthDate"));
    }
    String regionCode = record.get("region_code");
    if (!regionCode.matches("\\d{12}")) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "validation-failed",
          "Invalid region_code: must be a 12-digit village-level region code.", Map.of("field", "regionCode"));
    }
    regions.require(regionCode);
    if (!callerScope.covers(regionCode)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "outside-caller-area",
          "The region " + regionCode + " is outside the caller's area.", Map.of("field", "regionCode"));
    }
    return new NewPerson(index, id, name.strip(), regionCode);
  }

  /** The sex code the column holds, or {@code null} when it holds something else (never echoed then). */
  private static Sex sexCode(String column) {
    for (Sex sex : Sex.values()) {
      if (sex.name().equalsIgnoreCase(column)) {
        return sex;
      }
    }
    return null;
  }

  private List<Long> insert(List<NewPerson> fresh) {
    if (fresh.isEmpty()) {
      return List.of();
    }
    String createdAt = PersonRepository.utc(clock.instant());
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.batchUpdate(connection -> connection.prepareStatement("""
        INSERT INTO person (national_id_number, name, sex, birth_date, region_code, status, created_at)
        VALUES (?, ?, ?, ?, ?, 'LIVING', ?)""", Statement.RETURN_GENERATED_KEYS), new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            NewPerson p = fresh.get(i);
            ps.setString(1, p.id().value());
            ps.setString(2, p.name());
            ps.setString(3, p.id().sex().name());
            ps.setObject(4, p.id().birthDate());
            ps.setString(5, p.regionCode());
            ps.setString(6, createdAt);
          }

          @Override
          public int getBatchSize() {
            return fresh.size();
          }
        }, keys);
    List<Long> ids = keys.getKeyList().stream().map(k -> ((Number) k.values().iterator().next()).longValue()).toList();
    if (ids.size() != fresh.size()) {
      throw new IllegalStateException("expected " + fresh.size() + " generated keys, got " + ids.size());
    }
    return ids;
  }

  private static List<CSVRecord> read(Reader csv, int maxRows) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
    try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
      List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-feed", "The person feed cannot be imported: the "
            + "header row lacks the columns " + missing + "; expected " + COLUMNS + ".");
      }
      List<CSVRecord> records = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (records.size() == maxRows) {
          throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-many-rows",
              "The person feed cannot be imported: the file has more than " + maxRows + " rows.");
        }
        records.add(record);
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
