package gov.civilaffairs.eldercare.lottery;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.region.RegionLevel;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Welfare-lottery sales (福利彩票销量) per county, game type and month, entered one by one or imported from CSV, and
 * their totals. Statistics only (the bureau reports sales; the lottery centre runs the games). Table
 * {@code lottery_sales}.
 */
@Service
public class LotterySales {

  /** Columns of an import file (RFC 4180, UTF-8, header line). */
  public static final String HEADER = "region_code,game_type,month,amount";
  /** The most rows one import may carry (bulk endpoints have size limits, QUALITY.md). */
  public static final int MAX_ROWS = 5000;

  private final JdbcClient jdbc;
  private final RegionDirectory regions;
  private final BureauClock clock;
  private final TransactionTemplate transactions;

  LotterySales(JdbcClient jdbc, RegionDirectory regions, BureauClock clock, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.clock = clock;
    this.transactions = transactions;
  }

  /** One month's sales of a game type in a county. */
  public record Sale(String regionCode, GameType gameType, YearMonth month, BigDecimal amount) {
  }

  /** The outcome of one row of an import. */
  public record RowResult(int line, boolean accepted, String reason) {
  }

  /** The outcome of an import: per row accepted or rejected with the reason. */
  public record ImportResult(int accepted, int rejected, List<RowResult> rows) {
  }

  /**
   * Enters one month's sales.
   *
   * @throws ProblemException 422 {@code not-a-county}, {@code future-month}, {@code invalid-amount}; 409
   *     {@code duplicate} when that county, game and month are entered already; 403 {@code region-outside-area}
   */
  public Sale enter(Sale sale, RegionScope area) {
    String problem = problemOf(sale, area);
    if (problem != null) {
      throw problem.startsWith("region-outside-area")
          ? new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "region-outside-area", problem)
          : ProblemException.unprocessable(problem.substring(0, problem.indexOf(':')), problem);
    }
    insert(sale, "ENTERED");
    return sale;
  }

  /**
   * Imports a CSV file ({@value #HEADER}): every row is checked and inserted on its own, so a bad row never stops
   * the good ones and no row is half-applied.
   *
   * @throws ProblemException 400 {@code unreadable-file} without the header or with more than {@value #MAX_ROWS} rows
   */
  public ImportResult importCsv(String csv, RegionScope area) {
    List<CSVRecord> records;
    try {
      var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
          .parse(new StringReader(csv));
      if (!parser.getHeaderNames().containsAll(List.of(HEADER.split(",")))) {
        throw new IllegalArgumentException("the header is " + parser.getHeaderNames());
      }
      records = parser.getRecords();
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "unreadable-file",
          "The file is not CSV with the header " + HEADER + ": " + e.getMessage());
    }
    if (records.size() > MAX_ROWS) {
      throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "unreadable-file",
          "The file has " + records.size() + " rows; at most " + MAX_ROWS + " are imported at once.");
    }
    List<RowResult> rows = new ArrayList<>();
    for (CSVRecord record : records) {
      int line = (int) record.getRecordNumber() + 1;
      Sale sale;
      try {
        sale = new Sale(record.get("region_code"), GameType.valueOf(record.get("game_type")),
            YearMonth.parse(record.get("month")), new BigDecimal(record.get("amount")));
      } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
        rows.add(new RowResult(line, false, "unreadable row: needs " + HEADER + " (" + e.getMessage() + ")"));
        continue;
      }
      String problem = problemOf(sale, area);
      if (problem != null) {
        rows.add(new RowResult(line, false, problem));
        continue;
      }
      try {
        transactions.executeWithoutResult(status -> insert(sale, "IMPORTED"));
        rows.add(new RowResult(line, true, null));
      } catch (DuplicateKeyException e) {
        rows.add(new RowResult(line, false, "duplicate: " + sale.regionCode() + " " + sale.gameType() + " "
            + sale.month() + " is entered already"));
      }
    }
    int accepted = (int) rows.stream().filter(RowResult::accepted).count();
    return new ImportResult(accepted, rows.size() - accepted, rows);
  }

  /**
   * Sales of the months {@code from}..{@code to} within {@code area}, by game type (every type listed, 0.00 when
   * none), and their total; yuan, scale 2.
   */
  public Totals totals(YearMonth from, YearMonth to, RegionScope area) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    Map<GameType, BigDecimal> byType = new EnumMap<>(GameType.class);
    for (GameType type : GameType.values()) {
      byType.put(type, new BigDecimal("0.00"));
    }
    jdbc.sql("SELECT game_type, SUM(amount) AS amount FROM lottery_sales WHERE month BETWEEN ? AND ? AND "
        + within.sql() + " GROUP BY game_type").param(from.atDay(1)).param(to.atDay(1)).params(within.parameters())
        .query(rs -> {
          byType.put(GameType.valueOf(rs.getString("game_type")), rs.getBigDecimal("amount").setScale(2));
        });
    Map<String, BigDecimal> named = new LinkedHashMap<>();
    byType.forEach((type, amount) -> named.put(type.name(), amount));
    return new Totals(named, byType.values().stream().reduce(new BigDecimal("0.00"), BigDecimal::add));
  }

  /**
   * Totals of a period.
   *
   * @param byGameType yuan per game type
   * @param total yuan
   */
  public record Totals(Map<String, BigDecimal> byGameType, BigDecimal total) {
  }

  private String problemOf(Sale sale, RegionScope area) {
    if (regions.find(sale.regionCode()).filter(r -> r.level() == RegionLevel.COUNTY).isEmpty()) {
      return "not-a-county: region_code " + sale.regionCode() + " is not a known county (6-digit GB/T 2260 code)";
    }
    if (!area.covers(sale.regionCode())) {
      return "region-outside-area: county " + sale.regionCode() + " is outside your area";
    }
    if (sale.month().isAfter(clock.currentMonth())) {
      return "future-month: month " + sale.month() + " is after the current month";
    }
    if (sale.amount().signum() < 0 || sale.amount().scale() > 2 || sale.amount().precision() - sale.amount().scale() > 14) {
      return "invalid-amount: amount " + sale.amount().toPlainString() + " must be 0 or more yuan with at most 2 decimals";
    }
    return null;
  }

  private void insert(Sale sale, String source) {
    jdbc.sql("""
        INSERT INTO lottery_sales (region_code, game_type, month, amount, source, created_at)
        VALUES (?, ?, ?, ?, ?, ?)""").params(sale.regionCode(), sale.gameType().name(), sale.month().atDay(1),
        sale.amount().setScale(2), source, clock.now()).update();
  }
}
