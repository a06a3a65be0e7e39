package gov.civilaffairs.relief.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/**
 * Payment rolls, their lines, arrears and overpayment claims (V3 migration). Months are stored as
 * the date of their first day.
 */
@Repository
class PaymentRollRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  PaymentRollRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * A roll with its control totals counted from its lines when read (issue 4, V61): a stored total was the one row
   * every death in the township and month updated, so the consumer threads applying deaths in parallel queued on
   * its lock and deadlocked (each poll's transaction recounting most rolls, in a different order). The lines of a
   * SENT roll never change, so neither do its totals. Append a WHERE clause on {@code r}.
   */
  private static final String ROLL_WITH_TOTALS = """
      SELECT r.id, r.scheme, r.township_code, r.month, r.status, r.generated_at, r.sent_at,
        (SELECT COUNT(*) FROM payment_roll_line l WHERE l.roll_id = r.id) AS line_count,
        (SELECT COALESCE(SUM(l.amount), 0) FROM payment_roll_line l WHERE l.roll_id = r.id) AS total_amount
      FROM payment_roll r""";

  Optional<PaymentRoll> findRoll(long id) {
    return jdbc.sql(ROLL_WITH_TOTALS + " WHERE r.id = ?").param(id).query((rs, n) -> roll(rs)).optional();
  }

  /** The rolls of a month within an area (by township code), optionally of one scheme, ordered by scheme, township. */
  List<PaymentRoll> findRolls(YearMonth month, String scheme, RegionScope area) {
    RegionScope.SqlPredicate inArea = area.sqlPredicate("r.township_code");
    return jdbc.sql(ROLL_WITH_TOTALS + " WHERE r.month = ? AND (? IS NULL OR r.scheme = ?) AND " + inArea.sql()
            + " ORDER BY r.scheme, r.township_code, r.id")
        .param(month.atDay(1)).param(scheme).param(scheme).params(inArea.parameters())
        .query((rs, n) -> roll(rs)).list();
  }

  /**
   * Locks the rolls of a month within an area (optionally of one scheme) to mark them sent ({@code FOR UPDATE}):
   * waits for the deaths holding a shared lock on them ({@link #lockUnsentRollsAfter}). A locking read, so it makes
   * no REPEATABLE READ snapshot: what the caller reads after it counts those deaths' changes.
   *
   * @return the rolls' ids, ordered by id (one lock order for every caller)
   */
  List<Long> lockRollsForSending(YearMonth month, String scheme, RegionScope area) {
    RegionScope.SqlPredicate inArea = area.sqlPredicate("township_code");
    return jdbc.sql("SELECT id FROM payment_roll WHERE month = ? AND (? IS NULL OR scheme = ?) AND " + inArea.sql()
            + " ORDER BY id FOR UPDATE")
        .param(month.atDay(1)).param(scheme).param(scheme).params(inArea.parameters()).query(Long.class).list();
  }

  /** Locks one roll to mark it sent, as {@link #lockRollsForSending}; answers its township code. */
  Optional<String> lockRollForSending(long id) {
    return jdbc.sql("SELECT township_code FROM payment_roll WHERE id = ? FOR UPDATE").param(id).query(String.class)
        .optional();
  }

  /** The id, month and status of a roll, without its totals (the death rule's paths need no count). */
  record RollState(long id, YearMonth month, RollStatus status) {
  }

  /**
   * The unsent (DRAFT) rolls of a scheme and township of months after the given one, oldest first, read with a
   * shared lock ({@code LOCK IN SHARE MODE}; MariaDB 10.11 and MySQL 8) held until the caller's transaction ends.
   * Before a death or revocation changes a roll's lines: deaths applied in parallel take shared locks and do not
   * wait for each other, but marking a roll sent (an UPDATE of the row) waits for them, and a death after it reads
   * the committed SENT status (a locking read reads the latest version) and leaves the roll alone, so a SENT roll
   * never changes (issue 4; DOMAIN.md "The death rule" point 4). Totals are not counted here.
   */
  List<RollState> lockUnsentRollsAfter(String scheme, String townshipCode, YearMonth month) {
    return jdbc.sql("""
        SELECT id, month, status FROM payment_roll
        WHERE scheme = ? AND township_code = ? AND month > ? AND status = 'DRAFT' ORDER BY month
        LOCK IN SHARE MODE""")
        .params(scheme, townshipCode, month.atDay(1)).query((rs, n) -> rollState(rs)).list();
  }

  /**
   * A roll's id, month and status, read with a shared lock as {@link #lockUnsentRollsAfter} does: if it is DRAFT it
   * stays DRAFT until the caller's transaction ends.
   */
  Optional<RollState> lockRoll(String scheme, String townshipCode, YearMonth month) {
    return jdbc.sql("""
        SELECT id, month, status FROM payment_roll WHERE scheme = ? AND month = ? AND township_code = ?
        LOCK IN SHARE MODE""")
        .params(scheme, month.atDay(1), townshipCode).query((rs, n) -> rollState(rs)).optional();
  }

  /** An unsent roll of a township, as {@link #lockUnsentRollsOfTownshipsAfter} reads it. */
  record TownshipRoll(long id, String townshipCode, YearMonth month) {
  }

  /**
   * {@link #lockUnsentRollsAfter} for several townships in one query (a poll of deaths): the DRAFT rolls of the
   * scheme in these townships of months after the given one, read with a shared lock held until the caller's
   * transaction ends, taken in id order (the order in which marking a month sent takes its exclusive locks,
   * {@link #lockRollsForSending}, so neither can hold one lock the other needs while waiting for the next).
   *
   * @return the rolls, ordered by id
   */
  List<TownshipRoll> lockUnsentRollsOfTownshipsAfter(String scheme, Collection<String> townshipCodes,
      YearMonth month) {
    if (townshipCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        SELECT id, township_code, month FROM payment_roll
        WHERE scheme = :scheme AND township_code IN (:townships) AND month > :month AND status = 'DRAFT'
        ORDER BY id LOCK IN SHARE MODE""")
        .param("scheme", scheme).param("townships", townshipCodes).param("month", month.atDay(1))
        .query((rs, n) -> new TownshipRoll(rs.getLong("id"), rs.getString("township_code"),
            month(rs.getObject("month", LocalDate.class))))
        .list();
  }

  /** {@link #sentRollMonthsAfter} for several townships in one query: each township's months, oldest first. */
  Map<String, List<YearMonth>> sentRollMonthsOfTownshipsAfter(String scheme, Collection<String> townshipCodes,
      YearMonth month) {
    Map<String, List<YearMonth>> months = new HashMap<>();
    if (!townshipCodes.isEmpty()) {
      jdbc.sql("""
          SELECT township_code, month FROM payment_roll
          WHERE scheme = :scheme AND township_code IN (:townships) AND month > :month AND status = 'SENT'
          ORDER BY month""")
          .param("scheme", scheme).param("townships", townshipCodes).param("month", month.atDay(1))
          .query(rs -> {
            months.computeIfAbsent(rs.getString("township_code"), t -> new ArrayList<>())
                .add(month(rs.getObject("month", LocalDate.class)));
          });
    }
    return months;
  }

  /** The MONTHLY lines of these beneficiaries in these rolls, in one query ({@link #findMonthlyLine} for a set). */
  List<RollLine> findMonthlyLines(Collection<Long> rollIds, Collection<Long> beneficiaryIds) {
    if (rollIds.isEmpty() || beneficiaryIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        SELECT * FROM payment_roll_line
        WHERE roll_id IN (:rolls) AND beneficiary_id IN (:beneficiaries) AND kind = 'MONTHLY'""")
        .param("rolls", rollIds).param("beneficiaries", beneficiaryIds).query((rs, n) -> line(rs)).list();
  }

  /** Deletes lines in one JDBC batch ({@link #deleteLine} for a set). */
  void deleteLines(List<Long> lineIds) {
    if (!lineIds.isEmpty()) {
      batch.batchUpdate("DELETE FROM payment_roll_line WHERE id = ?", lineIds, lineIds.size(),
          (ps, id) -> ps.setLong(1, id));
    }
  }

  /** A line's new amount and the decision that set it, for {@link #updateLines}. */
  record LineUpdate(long lineId, BigDecimal amount, DecisionReference decision) {
  }

  /** Updates lines in one JDBC batch ({@link #updateLine} for a set). */
  void updateLines(List<LineUpdate> updates) {
    if (!updates.isEmpty()) {
      batch.batchUpdate("UPDATE payment_roll_line SET amount = ?, decision_kind = ?, decision_id = ? WHERE id = ?",
          updates, updates.size(), (ps, u) -> {
            ps.setBigDecimal(1, u.amount());
            ps.setString(2, u.decision().kind());
            ps.setObject(3, u.decision().id());
            ps.setLong(4, u.lineId());
          });
    }
  }

  /** The months of the SENT rolls of a scheme and township after the given one, oldest first (no totals counted). */
  List<YearMonth> sentRollMonthsAfter(String scheme, String townshipCode, YearMonth month) {
    return jdbc.sql("""
        SELECT month FROM payment_roll WHERE scheme = ? AND township_code = ? AND month > ? AND status = 'SENT'
        ORDER BY month""")
        .params(scheme, townshipCode, month.atDay(1)).query((rs, n) -> month(rs.getObject("month", LocalDate.class)))
        .list();
  }

  java.util.Set<String> townshipsWithRollsAfter(String scheme, YearMonth month) {
    return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT township_code FROM payment_roll WHERE scheme = ? AND month > ?")
        .params(scheme, month.atDay(1)).query(String.class).list());
  }

  long insertRoll(String scheme, String townshipCode, YearMonth month) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO payment_roll (scheme, township_code, month, status) VALUES (?, ?, ?, 'DRAFT')""")
        .params(scheme, townshipCode, month.atDay(1)).update(key);
    return key.getKey().longValue();
  }

  /** A line to insert: see {@link RollLine}. */
  record NewLine(long beneficiaryId, String regionCode, LineKind kind, YearMonth forMonth, BigDecimal amount,
      DecisionReference decision, Long carriedLineId) {

    NewLine(long beneficiaryId, String regionCode, LineKind kind, YearMonth forMonth, BigDecimal amount,
        DecisionReference decision) {
      this(beneficiaryId, regionCode, kind, forMonth, amount, decision, null);
    }
  }

  void insertLine(long rollId, NewLine line) {
    insertLines(rollId, List.of(line));
  }

  /** Inserts lines with JDBC batches of {@value #BATCH} rows. */
  void insertLines(long rollId, List<NewLine> lines) {
    for (int from = 0; from < lines.size(); from += BATCH) {
      List<NewLine> chunk = lines.subList(from, Math.min(lines.size(), from + BATCH));
      batch.batchUpdate("""
          INSERT INTO payment_roll_line (roll_id, beneficiary_id, region_code, kind, for_month, amount, decision_kind,
            decision_id, carried_line_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", chunk, chunk.size(), (ps, l) -> {
            ps.setLong(1, rollId);
            ps.setLong(2, l.beneficiaryId());
            ps.setString(3, l.regionCode());
            ps.setString(4, l.kind().name());
            ps.setObject(5, l.forMonth().atDay(1));
            ps.setBigDecimal(6, l.amount());
            ps.setString(7, l.decision().kind());
            ps.setObject(8, l.decision().id());
            ps.setObject(9, l.carriedLineId());
          });
    }
  }

  private static final int BATCH = 1000;

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

  /** A page of the lines of a month's rolls within an area, optionally of one scheme, ordered by id. */
  List<RollLine> findLines(YearMonth month, String scheme, RegionScope area, int page, int size) {
    RegionScope.SqlPredicate inArea = area.sqlPredicate("l.region_code");
    return jdbc.sql("""
            SELECT l.* FROM payment_roll_line l JOIN payment_roll r ON r.id = l.roll_id
            WHERE r.month = ? AND (? IS NULL OR r.scheme = ?) AND """ + " " + inArea.sql() + " ORDER BY l.id LIMIT ? OFFSET ?")
        .param(month.atDay(1)).param(scheme).param(scheme).params(inArea.parameters()).param(size).param(page * size)
        .query((rs, n) -> line(rs)).list();
  }

  /** Every line of a roll, ordered by id, to the consumer (keyset pages of {@value #BATCH}; bank files). */
  void forEachLine(long rollId, java.util.function.Consumer<RollLine> consumer) {
    long after = 0;
    while (true) {
      List<RollLine> page = jdbc.sql("SELECT * FROM payment_roll_line WHERE roll_id = ? AND id > ? ORDER BY id LIMIT ?")
          .params(rollId, after, BATCH).query((rs, n) -> line(rs)).list();
      page.forEach(consumer);
      if (page.size() < BATCH) {
        return;
      }
      after = page.get(page.size() - 1).id();
    }
  }

  Optional<RollLine> findLine(long lineId) {
    return jdbc.sql("SELECT * FROM payment_roll_line WHERE id = ?").param(lineId).query((rs, n) -> line(rs)).optional();
  }

  /** Records the bank's result of a line that has none yet; returns whether it did. */
  boolean recordBankResult(long lineId, String result, String reason) {
    return jdbc.sql("""
        UPDATE payment_roll_line SET bank_result = ?, bank_reason = ?, bank_result_at = CURRENT_TIMESTAMP(6)
        WHERE id = ? AND bank_result IS NULL""").params(result, reason, lineId).update() > 0;
  }

  /**
   * Lines of sent rolls of a scheme, within an area, that the bank returned as failed and that no later line pays
   * again yet, ordered by id.
   */
  List<RollLine> findFailedNotCarried(String scheme, RegionScope area) {
    RegionScope.SqlPredicate inArea = area.sqlPredicate("l.region_code");
    return jdbc.sql("""
            SELECT l.* FROM payment_roll_line l JOIN payment_roll r ON r.id = l.roll_id
            WHERE l.bank_result = 'FAILED' AND r.status = 'SENT' AND r.scheme = ?
              AND NOT EXISTS (SELECT 1 FROM payment_roll_line c WHERE c.carried_line_id = l.id) AND """ + " " + inArea.sql()
            + " ORDER BY l.id")
        .param(scheme).params(inArea.parameters()).query((rs, n) -> line(rs)).list();
  }

  Optional<RollLine> findMonthlyLine(long rollId, long beneficiaryId) {
    return jdbc.sql("SELECT * FROM payment_roll_line WHERE roll_id = ? AND beneficiary_id = ? AND kind = 'MONTHLY'")
        .params(rollId, beneficiaryId).query((rs, n) -> line(rs)).optional();
  }

  void deleteLine(long lineId) {
    jdbc.sql("DELETE FROM payment_roll_line WHERE id = ?").param(lineId).update();
  }

  void updateLine(long lineId, BigDecimal amount, DecisionReference decision) {
    jdbc.sql("UPDATE payment_roll_line SET amount = ?, decision_kind = ?, decision_id = ? WHERE id = ?")
        .params(amount, decision.kind(), decision.id(), lineId).update();
  }

  /** What a household was paid for a month in rolls sent to the bank (monthly and arrears lines), yuan. */
  BigDecimal paidInSentRolls(long householdId, YearMonth forMonth) {
    return jdbc.sql("""
        SELECT COALESCE(SUM(l.amount), 0) FROM payment_roll_line l JOIN payment_roll r ON r.id = l.roll_id
        WHERE r.status = 'SENT' AND r.scheme = 'MINIMUM_LIVING_ALLOWANCE' AND l.beneficiary_id = ? AND l.for_month = ?""")
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

  /** Arrears not yet in a roll, of households within an area, with the households' villages. */
  List<UnpaidArrears> findUnpaidArrears(RegionScope area) {
    RegionScope.SqlPredicate inArea = area.sqlPredicate("h.region_code");
    return jdbc.sql("SELECT a.*, h.region_code FROM arrears a JOIN household h ON h.id = a.household_id"
            + " WHERE a.roll_id IS NULL AND " + inArea.sql() + " ORDER BY a.household_id, a.for_month, a.id")
        .params(inArea.parameters())
        .query((rs, n) -> new UnpaidArrears(arrears(rs), rs.getString("region_code"), rs.getLong("household_id"))).list();
  }

  /**
   * @param regionCode the village the arrears are paid in
   * @param beneficiaryId the roll line's beneficiary: the household (allowance) or the scheme's case
   */
  record UnpaidArrears(Arrears arrears, String regionCode, long beneficiaryId) {
  }

  /** Arrears not yet in a roll of a scheme paid to a person (V53: scheme, case_id, village_code), within an area. */
  List<UnpaidArrears> findUnpaidSchemeArrears(String scheme, RegionScope area) {
    RegionScope.SqlPredicate inArea = area.sqlPredicate("a.village_code");
    return jdbc.sql("SELECT a.* FROM arrears a WHERE a.scheme = ? AND a.case_id IS NOT NULL AND a.roll_id IS NULL AND "
            + inArea.sql() + " ORDER BY a.case_id, a.for_month, a.id")
        .param(scheme).params(inArea.parameters())
        .query((rs, n) -> new UnpaidArrears(arrears(rs), rs.getString("village_code"), rs.getLong("case_id"))).list();
  }

  /**
   * A person scheme's MONTHLY lines of a case in unsent (DRAFT) rolls of months after the given one, oldest first,
   * read with a shared lock on the lines and their rolls (as {@link #lockUnsentRollsAfter}: deaths do not wait for
   * each other; marking a roll sent waits for the death, and a death after it finds the roll SENT and no line).
   */
  List<RollLine> findUnsentMonthlyLinesAfter(String scheme, long caseId, YearMonth month) {
    return jdbc.sql("""
        SELECT l.* FROM payment_roll_line l JOIN payment_roll r ON r.id = l.roll_id
        WHERE r.scheme = ? AND r.status = 'DRAFT' AND l.beneficiary_id = ? AND l.kind = 'MONTHLY' AND l.for_month > ?
        ORDER BY l.for_month, l.id LOCK IN SHARE MODE""")
        .params(scheme, caseId, month.atDay(1)).query((rs, n) -> line(rs)).list();
  }

  /** The months after the given one that have a roll of the scheme (any township, any status), oldest first. */
  List<YearMonth> rollMonthsAfter(String scheme, YearMonth month) {
    return jdbc.sql("SELECT DISTINCT month FROM payment_roll WHERE scheme = ? AND month > ? ORDER BY month")
        .params(scheme, month.atDay(1)).query((rs, n) -> month(rs.getObject("month", LocalDate.class))).list();
  }

  /** What a scheme's sent rolls paid a beneficiary, per month paid for after the given one (any line kind), yuan. */
  java.util.SortedMap<YearMonth, BigDecimal> paidInSentRollsAfter(String scheme, long beneficiaryId, YearMonth month) {
    java.util.SortedMap<YearMonth, BigDecimal> paid = new java.util.TreeMap<>();
    jdbc.sql("""
        SELECT l.for_month, SUM(l.amount) AS paid FROM payment_roll_line l JOIN payment_roll r ON r.id = l.roll_id
        WHERE r.status = 'SENT' AND r.scheme = ? AND l.beneficiary_id = ? AND l.for_month > ?
        GROUP BY l.for_month""")
        .params(scheme, beneficiaryId, month.atDay(1))
        .query(rs -> {
          paid.put(month(rs.getObject("for_month", LocalDate.class)), rs.getBigDecimal("paid"));
        });
    return paid;
  }

  /** What a scheme's sent rolls paid a beneficiary for a month (monthly, arrears and retry lines), yuan. */
  BigDecimal paidInSentRolls(String scheme, long beneficiaryId, YearMonth forMonth) {
    return jdbc.sql("""
        SELECT COALESCE(SUM(l.amount), 0) FROM payment_roll_line l JOIN payment_roll r ON r.id = l.roll_id
        WHERE r.status = 'SENT' AND r.scheme = ? AND l.beneficiary_id = ? AND l.for_month = ?""")
        .params(scheme, beneficiaryId, forMonth.atDay(1)).query(BigDecimal.class).single();
  }

  /** Arrears of a person scheme's case for a month not yet in a sent roll, yuan. */
  BigDecimal pendingSchemeArrears(String scheme, long caseId, YearMonth forMonth) {
    return jdbc.sql("""
        SELECT COALESCE(SUM(a.amount), 0) FROM arrears a LEFT JOIN payment_roll r ON r.id = a.roll_id
        WHERE a.scheme = ? AND a.case_id = ? AND a.for_month = ? AND (r.id IS NULL OR r.status = 'DRAFT')""")
        .params(scheme, caseId, forMonth.atDay(1)).query(BigDecimal.class).single();
  }

  /** Inserts an arrears entry of a person scheme's case caused by a revoked death record; returns its id. */
  long insertSchemeArrears(String scheme, long caseId, String regionCode, YearMonth forMonth, BigDecimal amount,
      long deathRecordId) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO arrears (scheme, case_id, village_code, for_month, amount, death_record_id)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(scheme, caseId, regionCode, forMonth.atDay(1), amount, deathRecordId).update(key);
    return key.getKey().longValue();
  }

  /** Opens an overpayment claim of a person scheme's case caused by a death record; returns its id. */
  long insertSchemeClaim(String scheme, long caseId, long deathRecordId, YearMonth from, YearMonth to, int months,
      BigDecimal amount) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO overpayment_claim (scheme, case_id, death_record_id, from_month, to_month, months, amount, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
        .params(scheme, caseId, deathRecordId, from.atDay(1), to.atDay(1), months, amount).update(key);
    return key.getKey().longValue();
  }

  /** The ids of the OPEN claims of a person scheme's case that a death record caused. */
  List<Long> openSchemeClaims(String scheme, long caseId, long deathRecordId) {
    return jdbc.sql("""
        SELECT id FROM overpayment_claim WHERE scheme = ? AND case_id = ? AND death_record_id = ? AND status = 'OPEN'
        ORDER BY id FOR UPDATE""").params(scheme, caseId, deathRecordId).query(Long.class).list();
  }

  /** Withdraws one open claim; returns whether it was open. */
  boolean withdrawClaim(long claimId) {
    return jdbc.sql("""
        UPDATE overpayment_claim SET status = 'WITHDRAWN', withdrawn_at = CURRENT_TIMESTAMP(6)
        WHERE id = ? AND status = 'OPEN'""").param(claimId).update() > 0;
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
    return new PaymentRoll(rs.getLong("id"), rs.getString("scheme"), rs.getString("township_code"), month(rs.getObject("month", LocalDate.class)), RollStatus.valueOf(rs.getString("status")),
        rs.getInt("line_count"), rs.getBigDecimal("total_amount"), rs.getObject("generated_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        sent == null ? null : sent.toInstant(ZoneOffset.UTC));
  }

  private static RollState rollState(ResultSet rs) throws SQLException {
    return new RollState(rs.getLong("id"), month(rs.getObject("month", LocalDate.class)),
        RollStatus.valueOf(rs.getString("status")));
  }

  private static RollLine line(ResultSet rs) throws SQLException {
    return new RollLine(rs.getLong("id"), rs.getLong("roll_id"), rs.getLong("beneficiary_id"), rs.getString("region_code"),
        LineKind.valueOf(rs.getString("kind")), month(rs.getObject("for_month", LocalDate.class)), rs.getBigDecimal("amount"),
        new DecisionReference(rs.getString("decision_kind"), rs.getObject("decision_id", Long.class)),
        rs.getString("bank_result"), rs.getString("bank_reason"), rs.getObject("carried_line_id", Long.class));
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
