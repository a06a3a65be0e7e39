package gov.civilaffairs.eldercare.allowance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code allowance_roll} and {@code allowance_roll_line}; months stored as their first day, times UTC. */
@Repository
class AllowanceRollRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  AllowanceRollRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** An allowance paid for a month, with what the roll line needs of its person. */
  record Payable(long allowanceId, long personId, LocalDate birthDate, String regionCode) {
  }

  /** An arrears entry not paid by any roll yet. */
  record UnpaidArrears(long id, long allowanceId, long personId, String regionCode, YearMonth month,
      BigDecimal amount) {
  }

  /**
   * A roll with its control totals counted from its lines when read (issue 4): a stored total would be one row
   * that every death updates, and the consumer threads applying deaths in parallel would queue on its lock (and
   * deadlock on the lines the recount read). The lines of a SENT roll never change, so its totals never do.
   */
  private static final String ROLL_WITH_TOTALS = """
      SELECT r.id, r.month, r.status, r.generated_at, r.sent_at,
        (SELECT COUNT(*) FROM allowance_roll_line l WHERE l.roll_id = r.id) AS line_count,
        (SELECT COALESCE(SUM(l.amount), 0) FROM allowance_roll_line l WHERE l.roll_id = r.id) AS total_amount
      FROM allowance_roll r""";

  Optional<AllowanceRoll> find(YearMonth month) {
    return jdbc.sql(ROLL_WITH_TOTALS + " WHERE r.month = ?").param(month.atDay(1))
        .query(AllowanceRollRepository::roll).optional();
  }

  /**
   * The id of the month's roll, locked to be marked sent ({@code FOR UPDATE}): waits for deaths holding a shared
   * lock on it ({@link #dropUnsentLinesAfter}). A locking read makes no REPEATABLE READ snapshot, so what the caller
   * reads afterwards counts those deaths' changes.
   */
  Optional<Long> lockForSending(YearMonth month) {
    return jdbc.sql("SELECT id FROM allowance_roll WHERE month = ? FOR UPDATE").param(month.atDay(1))
        .query(Long.class).optional();
  }

  long insert(YearMonth month, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO allowance_roll (month, status, generated_at) VALUES (?, ?, ?)")
        .params(month.atDay(1), AllowanceRoll.Status.GENERATED.name(), now).update(key);
    return key.getKey().longValue();
  }

  /**
   * Allowances paid for {@code month}: started by then, not ended before, and no arrears entry for that month
   * (an arrears entry pays it instead).
   */
  List<Payable> payableFor(YearMonth month) {
    LocalDate first = month.atDay(1);
    return jdbc.sql("""
        SELECT a.id AS allowance_id, p.id AS person_id, p.birth_date, p.region_code
        FROM old_age_allowance a JOIN elderly_person p ON p.id = a.person_id
        WHERE a.start_month <= ? AND (a.end_month IS NULL OR a.end_month >= ?)
          AND NOT EXISTS (SELECT 1 FROM allowance_arrears r WHERE r.allowance_id = a.id AND r.benefit_month = ?)
        ORDER BY a.id""")
        .params(first, first, first)
        .query((rs, row) -> new Payable(rs.getLong("allowance_id"), rs.getLong("person_id"),
            rs.getObject("birth_date", LocalDate.class), rs.getString("region_code")))
        .list();
  }

  List<UnpaidArrears> unpaidArrears() {
    return jdbc.sql("""
        SELECT r.id, r.allowance_id, a.person_id, p.region_code, r.benefit_month, r.amount
        FROM allowance_arrears r JOIN old_age_allowance a ON a.id = r.allowance_id
          JOIN elderly_person p ON p.id = a.person_id
        WHERE r.roll_id IS NULL ORDER BY r.id""")
        .query((rs, row) -> new UnpaidArrears(rs.getLong("id"), rs.getLong("allowance_id"), rs.getLong("person_id"),
            rs.getString("region_code"), YearMonth.from(rs.getObject("benefit_month", LocalDate.class)),
            rs.getBigDecimal("amount")))
        .list();
  }

  void insertLine(long rollId, long allowanceId, long personId, String regionCode, AllowanceRollLine.Kind kind,
      YearMonth forMonth, BigDecimal amount) {
    jdbc.sql("""
        INSERT INTO allowance_roll_line (roll_id, allowance_id, person_id, region_code, kind, for_month, amount)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(rollId, allowanceId, personId, regionCode, kind.name(), forMonth.atDay(1), amount).update();
  }

  /** A MONTHLY line to insert. */
  record NewLine(long allowanceId, long personId, String regionCode, BigDecimal amount) {
  }

  /** Inserts the MONTHLY lines of a month in JDBC batches of 1000 (one round trip per batch, not per line). */
  void insertMonthlyLines(long rollId, YearMonth month, List<NewLine> lines) {
    batch.batchUpdate("INSERT INTO allowance_roll_line (roll_id, allowance_id, person_id, region_code, kind, for_month,"
        + " amount) VALUES (?, ?, ?, ?, 'MONTHLY', ?, ?)", lines, 1000, (ps, line) -> {
          ps.setLong(1, rollId);
          ps.setLong(2, line.allowanceId());
          ps.setLong(3, line.personId());
          ps.setString(4, line.regionCode());
          ps.setObject(5, month.atDay(1));
          ps.setBigDecimal(6, line.amount());
        });
  }

  void assignArrears(long arrearsId, long rollId) {
    jdbc.sql("UPDATE allowance_arrears SET roll_id = ? WHERE id = ?").params(rollId, arrearsId).update();
  }


  void markSent(long rollId, Instant now) {
    jdbc.sql("UPDATE allowance_roll SET status = 'SENT', sent_at = ? WHERE id = ? AND status = 'GENERATED'")
        .params(now, rollId).update();
  }

  /** A page of a roll's lines within {@code area} (filtered in SQL), in id order. */
  List<AllowanceRollLine> lines(long rollId, RegionScope area, long afterId, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("l.region_code");
    return jdbc.sql("SELECT l.id, l.person_id, p.national_id_number, p.name, l.region_code, l.kind, l.for_month,"
        + " l.amount FROM allowance_roll_line l JOIN elderly_person p ON p.id = l.person_id"
        + " WHERE l.roll_id = ? AND l.id > ? AND " + within.sql() + " ORDER BY l.id LIMIT ?")
        .param(rollId).param(afterId).params(within.parameters()).param(size)
        .query((rs, row) -> new AllowanceRollLine(rs.getLong("id"), rs.getLong("person_id"),
            rs.getString("national_id_number"), rs.getString("name"), rs.getString("region_code"),
            AllowanceRollLine.Kind.valueOf(rs.getString("kind")),
            YearMonth.from(rs.getObject("for_month", LocalDate.class)), rs.getBigDecimal("amount")))
        .list();
  }

  /** Months of the allowance paid by a MONTHLY line of any roll. */
  List<YearMonth> monthsPaid(long allowanceId) {
    return jdbc.sql("SELECT DISTINCT for_month FROM allowance_roll_line WHERE allowance_id = ? AND kind = 'MONTHLY'")
        .param(allowanceId).query((rs, row) -> YearMonth.from(rs.getObject("for_month", LocalDate.class))).list();
  }

  /** The allowance's MONTHLY lines of SENT rolls for months after {@code endMonth}: month and amount, oldest first. */
  List<AllowanceRollLine> sentLinesAfter(long allowanceId, YearMonth endMonth) {
    return jdbc.sql("""
        SELECT l.id, l.person_id, '' AS national_id_number, '' AS name, l.region_code, l.kind, l.for_month, l.amount
        FROM allowance_roll_line l JOIN allowance_roll r ON r.id = l.roll_id
        WHERE l.allowance_id = ? AND l.kind = 'MONTHLY' AND l.for_month > ? AND r.status = 'SENT'
        ORDER BY l.for_month""")
        .params(allowanceId, endMonth.atDay(1))
        .query((rs, row) -> new AllowanceRollLine(rs.getLong("id"), rs.getLong("person_id"), "", "",
            rs.getString("region_code"), AllowanceRollLine.Kind.MONTHLY,
            YearMonth.from(rs.getObject("for_month", LocalDate.class)), rs.getBigDecimal("amount")))
        .list();
  }

  void insertClaim(long allowanceId, long deathRecordId, YearMonth from, YearMonth to, int months, BigDecimal amount,
      Instant now) {
    jdbc.sql("""
        INSERT INTO allowance_overpayment_claim (allowance_id, death_record_id, from_month, to_month, months, amount,
          status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
        .params(allowanceId, deathRecordId, from.atDay(1), to.atDay(1), months, amount, now).update();
  }

  void withdrawClaims(long allowanceId, long deathRecordId, Instant now) {
    jdbc.sql("""
        UPDATE allowance_overpayment_claim SET status = 'WITHDRAWN', withdrawn_at = ?
        WHERE allowance_id = ? AND death_record_id = ? AND status = 'OPEN'""")
        .params(now, allowanceId, deathRecordId).update();
  }

  List<OverpaymentClaim> claims(long allowanceId) {
    return jdbc.sql("SELECT * FROM allowance_overpayment_claim WHERE allowance_id = ? ORDER BY id").param(allowanceId)
        .query((rs, row) -> new OverpaymentClaim(rs.getLong("id"), rs.getLong("death_record_id"),
            YearMonth.from(rs.getObject("from_month", LocalDate.class)),
            YearMonth.from(rs.getObject("to_month", LocalDate.class)), rs.getInt("months"), rs.getBigDecimal("amount"),
            rs.getString("status")))
        .list();
  }

  /**
   * Drops the allowance's MONTHLY lines for months after {@code endMonth} from rolls not yet sent (their totals
   * follow, being counted when read). The rolls are read with a shared lock: deaths applied in parallel do not
   * wait for each other, but a roll being marked SENT waits for them (and a death after it finds the roll SENT
   * and drops nothing), so a SENT roll never loses a line.
   *
   * @return the number of lines dropped
   */
  int dropUnsentLinesAfter(long allowanceId, YearMonth endMonth) {
    List<Long> rolls = jdbc.sql("""
        SELECT DISTINCT l.roll_id FROM allowance_roll_line l JOIN allowance_roll r ON r.id = l.roll_id
        WHERE l.allowance_id = ? AND l.kind = 'MONTHLY' AND l.for_month > ? AND r.status = 'GENERATED'
        LOCK IN SHARE MODE""")
        .params(allowanceId, endMonth.atDay(1)).query(Long.class).list();
    int dropped = 0;
    for (long rollId : rolls) {
      dropped += jdbc.sql("DELETE FROM allowance_roll_line WHERE roll_id = ? AND allowance_id = ? AND kind = 'MONTHLY'"
          + " AND for_month > ?").params(rollId, allowanceId, endMonth.atDay(1)).update();
    }
    return dropped;
  }

  /**
   * {@link #dropUnsentLinesAfter} for many stopped allowances at once, each after the end month stored on it: one
   * locking read of the lines and their rolls ({@code LOCK IN SHARE MODE}, the same guarantee against a roll being
   * marked SENT meanwhile), then one DELETE of those lines by id. By id, because a DELETE joined on the allowances
   * scanned a roll's lines through the roll's index and met the lines two concurrent polls were deleting: InnoDB
   * deadlocks, two polls of the demo city's benchmark applied one event at a time (issue 4).
   *
   * @param allowanceIds allowances whose {@code end_month} is set
   * @return the number of lines dropped
   */
  int dropUnsentLinesAfterEndMonths(Collection<Long> allowanceIds) {
    List<Long> lines = jdbc.sql("""
        SELECT STRAIGHT_JOIN l.id FROM allowance_roll_line l FORCE INDEX (fk_allowance_roll_line_allowance)
          JOIN allowance_roll r ON r.id = l.roll_id JOIN old_age_allowance a ON a.id = l.allowance_id
        WHERE l.allowance_id IN (:ids) AND l.kind = 'MONTHLY' AND l.for_month > a.end_month
          AND r.status = 'GENERATED'
        ORDER BY l.id
        LOCK IN SHARE MODE""")
        .param("ids", allowanceIds).query(Long.class).list();
    if (lines.isEmpty()) {
      return 0;
    }
    return jdbc.sql("DELETE FROM allowance_roll_line WHERE id IN (:lines)").param("lines", lines).update();
  }

  /**
   * {@link #sentLinesAfter} for many stopped allowances at once, each after the end month stored on it.
   *
   * @return allowance id to its lines, oldest month first; allowances without such lines are absent
   */
  Map<Long, List<AllowanceRollLine>> sentLinesAfterEndMonths(Collection<Long> allowanceIds) {
    Map<Long, List<AllowanceRollLine>> lines = new HashMap<>();
    jdbc.sql("""
        SELECT l.allowance_id, l.id, l.person_id, l.region_code, l.for_month, l.amount
        FROM allowance_roll_line l JOIN allowance_roll r ON r.id = l.roll_id
          JOIN old_age_allowance a ON a.id = l.allowance_id
        WHERE l.allowance_id IN (:ids) AND l.kind = 'MONTHLY' AND l.for_month > a.end_month AND r.status = 'SENT'
        ORDER BY l.allowance_id, l.for_month""")
        .param("ids", allowanceIds)
        .query((rs, row) -> lines.computeIfAbsent(rs.getLong("allowance_id"), id -> new ArrayList<>())
            .add(new AllowanceRollLine(rs.getLong("id"), rs.getLong("person_id"), "", "",
                rs.getString("region_code"), AllowanceRollLine.Kind.MONTHLY,
                YearMonth.from(rs.getObject("for_month", LocalDate.class)), rs.getBigDecimal("amount"))))
        .list();
    return lines;
  }

  /** An overpayment claim to open. */
  record NewClaim(long allowanceId, long deathRecordId, YearMonth from, YearMonth to, int months,
      BigDecimal amount) {
  }

  /** {@link #insertClaim} for each, in order, as one JDBC batch (one multi-row INSERT). */
  void insertClaims(List<NewClaim> claims, Instant now) {
    if (claims.isEmpty()) {
      return;
    }
    batch.batchUpdate("""
        INSERT INTO allowance_overpayment_claim (allowance_id, death_record_id, from_month, to_month, months, amount,
          status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?)""", claims.stream().map(claim -> new Object[] {
        claim.allowanceId(), claim.deathRecordId(), claim.from().atDay(1), claim.to().atDay(1), claim.months(),
        claim.amount(), now}).toList());
  }

  private static AllowanceRoll roll(ResultSet rs, int row) throws SQLException {
    return new AllowanceRoll(rs.getLong("id"), YearMonth.from(rs.getObject("month", LocalDate.class)),
        AllowanceRoll.Status.valueOf(rs.getString("status")), rs.getInt("line_count"),
        rs.getBigDecimal("total_amount"), utc(rs.getObject("generated_at", LocalDateTime.class)),
        utc(rs.getObject("sent_at", LocalDateTime.class)));
  }

  private static Instant utc(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }
}
