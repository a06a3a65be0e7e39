package gov.civilaffairs.veterans.roll;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.veterans.person.PensionKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of {@code pension_roll}, {@code pension_roll_line} and {@code pension_arrears}. Months are {@code yyyy-MM}. */
@Repository
class PensionRollRepository {

  private static final String LINE_COLUMNS =
      "l.id, l.entitled_person_id, l.pension_id, l.pension_kind, l.kind, l.for_month, l.amount, l.arrears_id";
  private static final String ARREARS_COLUMNS =
      "id, entitled_person_id, pension_id, for_month, amount, pension_standard_id, roll_id";

  private final JdbcClient jdbc;

  PensionRollRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<PensionRoll> findRoll(YearMonth month) {
    return jdbc.sql("SELECT * FROM pension_roll WHERE month = ?").param(month.toString())
        .query(PensionRollRepository::roll).optional();
  }

  /** Rolls of {@code from} and later months with the status, oldest first. */
  List<PensionRoll> findRollsFrom(YearMonth from, RollStatus status) {
    return jdbc.sql("SELECT * FROM pension_roll WHERE month >= ? AND status = ? ORDER BY month")
        .params(from.toString(), status.name()).query(PensionRollRepository::roll).list();
  }

  /** Inserts an empty DRAFT roll; a second roll of the month fails with DuplicateKeyException. */
  long insertRoll(YearMonth month, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO pension_roll (month, status, line_count, total_amount, generated_at) VALUES (?, 'DRAFT', 0, 0, ?)")
        .params(month.toString(), utc(now)).update(key);
    return key.getKey().longValue();
  }

  void insertLine(long rollId, long personId, long pensionId, PensionKind pensionKind, LineKind kind,
      YearMonth forMonth, BigDecimal amount, long arrearsId) {
    jdbc.sql("""
        INSERT INTO pension_roll_line (roll_id, entitled_person_id, pension_id, pension_kind, kind, for_month, amount,
          arrears_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(rollId, personId, pensionId, pensionKind.name(), kind.name(), forMonth.toString(), amount, arrearsId)
        .update();
  }

  /** Sets a roll's control totals from its lines. */
  void updateTotals(long rollId) {
    jdbc.sql("""
        UPDATE pension_roll r SET
          line_count = (SELECT COUNT(*) FROM pension_roll_line l WHERE l.roll_id = r.id),
          total_amount = (SELECT COALESCE(SUM(amount), 0) FROM pension_roll_line l WHERE l.roll_id = r.id)
        WHERE r.id = ?""").param(rollId).update();
  }

  /** Marks a DRAFT roll sent; a SENT roll is left as it is. */
  void markSent(long rollId, Instant now) {
    jdbc.sql("UPDATE pension_roll SET status = 'SENT', sent_at = ? WHERE id = ? AND status = 'DRAFT'")
        .params(utc(now), rollId).update();
  }

  /** A page of a roll's lines of persons in {@code scope}, ordered by id. */
  List<RollLine> findLines(long rollId, RegionScope scope, int offset, int limit) {
    RegionScope.SqlPredicate area = scope.sqlPredicate("p.region_code");
    return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM pension_roll_line l JOIN entitled_person p ON p.id = l.entitled_person_id"
            + " WHERE l.roll_id = ? AND " + area.sql() + " ORDER BY l.id LIMIT ? OFFSET ?")
        .param(rollId).params(area.parameters()).param(limit).param(offset)
        .query(PensionRollRepository::line).list();
  }

  /** The MONTHLY lines of a roll by pension id. */
  Map<Long, RollLine> monthlyLines(long rollId) {
    Map<Long, RollLine> lines = new HashMap<>();
    jdbc.sql("SELECT " + LINE_COLUMNS + " FROM pension_roll_line l WHERE l.roll_id = ? AND l.kind = 'MONTHLY'")
        .param(rollId).query(PensionRollRepository::line).list()
        .forEach(line -> lines.put(line.pensionId(), line));
    return lines;
  }

  void updateLineAmount(long lineId, BigDecimal amount) {
    jdbc.sql("UPDATE pension_roll_line SET amount = ? WHERE id = ?").params(amount, lineId).update();
  }

  void deleteLine(long lineId) {
    jdbc.sql("DELETE FROM pension_roll_line WHERE id = ?").param(lineId).update();
  }

  /** MONTHLY lines of a pension in DRAFT rolls of months after {@code month}, by roll. */
  List<DraftLine> draftMonthlyLinesAfter(long pensionId, YearMonth month) {
    return jdbc.sql("""
        SELECT l.id, l.roll_id FROM pension_roll_line l JOIN pension_roll r ON r.id = l.roll_id
        WHERE l.pension_id = ? AND l.kind = 'MONTHLY' AND r.status = 'DRAFT' AND l.for_month > ?""")
        .params(pensionId, month.toString())
        .query((rs, row) -> new DraftLine(rs.getLong("id"), rs.getLong("roll_id"))).list();
  }

  /** A line of a DRAFT roll. */
  record DraftLine(long lineId, long rollId) {
  }

  /** Yuan paid for {@code month} by SENT rolls (MONTHLY and ARREARS lines), by pension id. */
  Map<Long, BigDecimal> paidInSentRolls(YearMonth month) {
    return sums("""
        SELECT l.pension_id, SUM(l.amount) AS amount FROM pension_roll_line l JOIN pension_roll r ON r.id = l.roll_id
        WHERE r.status = 'SENT' AND l.for_month = ? GROUP BY l.pension_id""", month);
  }

  /** Yuan owed for {@code month} by arrears entries not yet in a SENT roll, by pension id. */
  Map<Long, BigDecimal> pendingArrears(YearMonth month) {
    return sums("""
        SELECT a.pension_id, SUM(a.amount) AS amount FROM pension_arrears a LEFT JOIN pension_roll r ON r.id = a.roll_id
        WHERE a.for_month = ? AND (r.id IS NULL OR r.status = 'DRAFT') GROUP BY a.pension_id""", month);
  }

  private Map<Long, BigDecimal> sums(String sql, YearMonth month) {
    Map<Long, BigDecimal> sums = new HashMap<>();
    jdbc.sql(sql).param(month.toString())
        .query((rs, row) -> sums.put(rs.getLong("pension_id"), rs.getBigDecimal("amount"))).list();
    return sums;
  }

  void insertArrears(long personId, long pensionId, YearMonth forMonth, BigDecimal amount, long standardId,
      Instant now) {
    jdbc.sql("""
        INSERT INTO pension_arrears (entitled_person_id, pension_id, for_month, amount, pension_standard_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?)""").params(personId, pensionId, forMonth.toString(), amount, standardId, utc(now))
        .update();
  }

  List<PensionArrears> findUnpaidArrears() {
    return jdbc.sql("SELECT " + ARREARS_COLUMNS + " FROM pension_arrears WHERE roll_id IS NULL ORDER BY id")
        .query(PensionRollRepository::arrears).list();
  }

  void assignArrears(long arrearsId, long rollId) {
    jdbc.sql("UPDATE pension_arrears SET roll_id = ? WHERE id = ?").params(rollId, arrearsId).update();
  }

  List<PensionArrears> arrearsOf(long personId) {
    return jdbc.sql("SELECT " + ARREARS_COLUMNS + " FROM pension_arrears WHERE entitled_person_id = ? ORDER BY id")
        .param(personId).query(PensionRollRepository::arrears).list();
  }

  private static PensionRoll roll(ResultSet rs, int row) throws SQLException {
    return new PensionRoll(rs.getLong("id"), YearMonth.parse(rs.getString("month")),
        RollStatus.valueOf(rs.getString("status")), rs.getInt("line_count"), rs.getBigDecimal("total_amount"),
        instant(rs, "generated_at"), instant(rs, "sent_at"));
  }

  private static RollLine line(ResultSet rs, int row) throws SQLException {
    long arrearsId = rs.getLong("arrears_id");
    return new RollLine(rs.getLong("id"), rs.getLong("entitled_person_id"), rs.getLong("pension_id"),
        PensionKind.valueOf(rs.getString("pension_kind")), LineKind.valueOf(rs.getString("kind")),
        YearMonth.parse(rs.getString("for_month")), rs.getBigDecimal("amount"), arrearsId == 0 ? null : arrearsId);
  }

  private static PensionArrears arrears(ResultSet rs, int row) throws SQLException {
    return new PensionArrears(rs.getLong("id"), rs.getLong("entitled_person_id"), rs.getLong("pension_id"),
        YearMonth.parse(rs.getString("for_month")), rs.getBigDecimal("amount"), rs.getLong("pension_standard_id"),
        rs.getObject("roll_id", Long.class));
  }

  private static LocalDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDateTime();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
