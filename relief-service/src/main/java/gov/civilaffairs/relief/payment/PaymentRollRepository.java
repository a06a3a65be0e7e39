package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Payment rolls, their lines, arrears and overpayment claims (V3 migration). Months are stored as
 * the date of their first day.
 */
@Repository
class PaymentRollRepository {

  private final JdbcClient jdbc;

  PaymentRollRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<PaymentRoll> findRoll(YearMonth month) {
    return jdbc.sql("SELECT * FROM payment_roll WHERE month = ?").param(month.atDay(1))
        .query((rs, n) -> roll(rs)).optional();
  }

  /** Rolls of months after the given one with the given status, oldest first. */
  List<PaymentRoll> findRollsAfter(YearMonth month, RollStatus status) {
    return jdbc.sql("SELECT * FROM payment_roll WHERE month > ? AND status = ? ORDER BY month")
        .params(month.atDay(1), status.name()).query((rs, n) -> roll(rs)).list();
  }

  long insertRoll(YearMonth month) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO payment_roll (month, status, line_count, total_amount) VALUES (?, 'DRAFT', 0, 0)")
        .param(month.atDay(1)).update(key);
    return key.getKey().longValue();
  }

  void insertLine(long rollId, long householdId, LineKind kind, YearMonth forMonth, BigDecimal amount) {
    jdbc.sql("""
        INSERT INTO payment_roll_line (roll_id, household_id, kind, for_month, amount) VALUES (?, ?, ?, ?, ?)""")
        .params(rollId, householdId, kind.name(), forMonth.atDay(1), amount).update();
  }

  /** Sets a roll's control totals from its lines. */
  void updateTotals(long rollId) {
    jdbc.sql("""
        UPDATE payment_roll r SET
          line_count = (SELECT COUNT(*) FROM payment_roll_line l WHERE l.roll_id = r.id),
          total_amount = (SELECT COALESCE(SUM(amount), 0) FROM payment_roll_line l WHERE l.roll_id = r.id)
        WHERE r.id = ?""").param(rollId).update();
  }

  /** Marks a DRAFT roll sent; returns whether it was a DRAFT. */
  boolean markSent(long rollId) {
    return jdbc.sql("UPDATE payment_roll SET status = 'SENT', sent_at = CURRENT_TIMESTAMP(6) WHERE id = ? AND status = 'DRAFT'")
        .param(rollId).update() > 0;
  }

  /** A page of a roll's lines, ordered by id. */
  List<RollLine> findLines(long rollId, int page, int size) {
    return jdbc.sql("SELECT * FROM payment_roll_line WHERE roll_id = ? ORDER BY id LIMIT ? OFFSET ?")
        .params(rollId, size, page * size).query((rs, n) -> line(rs)).list();
  }

  Optional<RollLine> findMonthlyLine(long rollId, long householdId) {
    return jdbc.sql("SELECT * FROM payment_roll_line WHERE roll_id = ? AND household_id = ? AND kind = 'MONTHLY'")
        .params(rollId, householdId).query((rs, n) -> line(rs)).optional();
  }

  void deleteLine(long lineId) {
    jdbc.sql("DELETE FROM payment_roll_line WHERE id = ?").param(lineId).update();
  }

  void updateLineAmount(long lineId, BigDecimal amount) {
    jdbc.sql("UPDATE payment_roll_line SET amount = ? WHERE id = ?").params(amount, lineId).update();
  }

  /** What a household was paid for a month in rolls sent to the bank (monthly and arrears lines), yuan. */
  BigDecimal paidInSentRolls(long householdId, YearMonth forMonth) {
    return jdbc.sql("""
        SELECT COALESCE(SUM(l.amount), 0) FROM payment_roll_line l JOIN payment_roll r ON r.id = l.roll_id
        WHERE r.status = 'SENT' AND l.household_id = ? AND l.for_month = ?""")
        .params(householdId, forMonth.atDay(1)).query(BigDecimal.class).single();
  }

  /** Arrears of a household for a month not yet in a sent roll, yuan. */
  BigDecimal pendingArrears(long householdId, YearMonth forMonth) {
    return jdbc.sql("""
        SELECT COALESCE(SUM(a.amount), 0) FROM arrears a LEFT JOIN payment_roll r ON r.id = a.roll_id
        WHERE a.household_id = ? AND a.for_month = ? AND (r.id IS NULL OR r.status = 'DRAFT')""")
        .params(householdId, forMonth.atDay(1)).query(BigDecimal.class).single();
  }

  void insertArrears(long householdId, YearMonth forMonth, BigDecimal amount, long deathRecordId) {
    jdbc.sql("INSERT INTO arrears (household_id, for_month, amount, death_record_id) VALUES (?, ?, ?, ?)")
        .params(householdId, forMonth.atDay(1), amount, deathRecordId).update();
  }

  void insertStandardArrears(long householdId, YearMonth forMonth, BigDecimal amount, long allowanceStandardId) {
    jdbc.sql("INSERT INTO arrears (household_id, for_month, amount, allowance_standard_id) VALUES (?, ?, ?, ?)")
        .params(householdId, forMonth.atDay(1), amount, allowanceStandardId).update();
  }

  List<Arrears> findUnpaidArrears() {
    return jdbc.sql("SELECT * FROM arrears WHERE roll_id IS NULL ORDER BY household_id, for_month, id")
        .query((rs, n) -> arrears(rs)).list();
  }

  void assignArrears(long arrearsId, long rollId) {
    jdbc.sql("UPDATE arrears SET roll_id = ? WHERE id = ?").params(rollId, arrearsId).update();
  }

  List<Arrears> findArrears(long householdId) {
    return jdbc.sql("SELECT * FROM arrears WHERE household_id = ? ORDER BY id").param(householdId)
        .query((rs, n) -> arrears(rs)).list();
  }

  void insertClaim(long householdId, long deathRecordId, YearMonth from, YearMonth to, int months,
      BigDecimal amount) {
    jdbc.sql("""
        INSERT INTO overpayment_claim (household_id, death_record_id, from_month, to_month, months, amount, status)
        VALUES (?, ?, ?, ?, ?, ?, 'OPEN')""")
        .params(householdId, deathRecordId, from.atDay(1), to.atDay(1), months, amount).update();
  }

  /** Withdraws the open claims a death record caused; returns how many. */
  int withdrawClaims(long householdId, long deathRecordId) {
    return jdbc.sql("""
        UPDATE overpayment_claim SET status = 'WITHDRAWN', withdrawn_at = CURRENT_TIMESTAMP(6)
        WHERE household_id = ? AND death_record_id = ? AND status = 'OPEN'""")
        .params(householdId, deathRecordId).update();
  }

  List<OverpaymentClaim> findClaims(long householdId) {
    return jdbc.sql("SELECT * FROM overpayment_claim WHERE household_id = ? ORDER BY id").param(householdId)
        .query((rs, n) -> new OverpaymentClaim(rs.getLong("id"), rs.getLong("household_id"),
            rs.getLong("death_record_id"), month(rs.getObject("from_month", LocalDate.class)), month(rs.getObject("to_month", LocalDate.class)),
            rs.getInt("months"), rs.getBigDecimal("amount"), rs.getString("status")))
        .list();
  }

  private static PaymentRoll roll(ResultSet rs) throws SQLException {
    LocalDateTime sent = rs.getObject("sent_at", LocalDateTime.class);
    return new PaymentRoll(rs.getLong("id"), month(rs.getObject("month", LocalDate.class)), RollStatus.valueOf(rs.getString("status")),
        rs.getInt("line_count"), rs.getBigDecimal("total_amount"), rs.getObject("generated_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        sent == null ? null : sent.toInstant(ZoneOffset.UTC));
  }

  private static RollLine line(ResultSet rs) throws SQLException {
    return new RollLine(rs.getLong("id"), rs.getLong("household_id"), LineKind.valueOf(rs.getString("kind")),
        month(rs.getObject("for_month", LocalDate.class)), rs.getBigDecimal("amount"));
  }

  private static Arrears arrears(ResultSet rs) throws SQLException {
    return new Arrears(rs.getLong("id"), rs.getLong("household_id"), month(rs.getObject("for_month", LocalDate.class)),
        rs.getBigDecimal("amount"), rs.getObject("death_record_id", Long.class), rs.getObject("roll_id", Long.class),
        rs.getObject("allowance_standard_id", Long.class));
  }

  private static YearMonth month(LocalDate date) {
    return YearMonth.from(date);
  }
}
