package gov.civilaffairs.relief.allowance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Households, members, allowances and amount histories in tables {@code household},
 * {@code household_member}, {@code allowance} and {@code allowance_amount} (V2 migration). Months
 * are stored as the date of their first day.
 */
@Repository
public class HouseholdRepository {

  private final JdbcClient jdbc;

  private final org.springframework.jdbc.core.JdbcTemplate batch;

  HouseholdRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  long insertHousehold(String regionCode, Area area, BigDecimal monthlyIncome) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO household (region_code, area, monthly_income) VALUES (?, ?, ?)")
        .params(regionCode, area.name(), monthlyIncome).update(key);
    return key.getKey().longValue();
  }

  void insertMember(long householdId, String nationalIdNumber, String name, Relation relation) {
    jdbc.sql("""
        INSERT INTO household_member (household_id, national_id_number, name, relation, head)
        VALUES (?, ?, ?, ?, ?)""")
        .params(householdId, nationalIdNumber, name, relation.name(), relation == Relation.HEAD).update();
  }

  long insertAllowance(long householdId, YearMonth startMonth) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO allowance (household_id, start_month, status) VALUES (?, ?, 'ACTIVE')")
        .params(householdId, startMonth.atDay(1)).update(key);
    return key.getKey().longValue();
  }

  /** Adds an entry to an allowance's amount history. */
  public void insertAmount(long allowanceId, YearMonth fromMonth, BigDecimal amount, int members,
      Long deathRecordId) {
    jdbc.sql("""
        INSERT INTO allowance_amount (allowance_id, from_month, amount, members, death_record_id)
        VALUES (?, ?, ?, ?, ?)""")
        .params(allowanceId, fromMonth.atDay(1), amount, members, deathRecordId).update();
  }

  /** Adds an entry to an allowance's amount history caused by a new allowance standard. */
  public void insertStandardAmount(long allowanceId, YearMonth fromMonth, BigDecimal amount, int members,
      long allowanceStandardId) {
    jdbc.sql("""
        INSERT INTO allowance_amount (allowance_id, from_month, amount, members, allowance_standard_id)
        VALUES (?, ?, ?, ?, ?)""")
        .params(allowanceId, fromMonth.atDay(1), amount, members, allowanceStandardId).update();
  }

  /**
   * The allowances of households of an area paid for {@code month} or a later month (active, or ended at
   * or after it), ordered by household id.
   */
  public List<Allowance> findAllowancesFrom(Area area, YearMonth month) {
    return jdbc.sql("""
        SELECT a.* FROM allowance a JOIN household h ON h.id = a.household_id
        WHERE h.area = ? AND (a.end_month IS NULL OR a.end_month >= ?)
        ORDER BY a.household_id""")
        .params(area.name(), month.atDay(1)).query((rs, n) -> allowance(rs)).list();
  }

  /**
   * As {@link #findAllowancesFrom}, with each household's income and village, in two queries (allowances with their
   * households, then all their amount entries): for recomputing every allowance of an area at once.
   */
  public List<AllowanceOfHousehold> findAllowancesWithHouseholdFrom(Area area, YearMonth month) {
    java.util.Map<Long, List<AllowanceAmount>> amounts = new java.util.HashMap<>();
    jdbc.sql("""
        SELECT x.* FROM allowance_amount x JOIN allowance a ON a.id = x.allowance_id JOIN household h ON h.id = a.household_id
        WHERE h.area = ? AND (a.end_month IS NULL OR a.end_month >= ?) ORDER BY x.id""")
        .params(area.name(), month.atDay(1)).query(a -> {
          amounts.computeIfAbsent(a.getLong("allowance_id"), k -> new java.util.ArrayList<>()).add(amount(a));
        });
    return jdbc.sql("""
        SELECT a.*, h.monthly_income, h.region_code FROM allowance a JOIN household h ON h.id = a.household_id
        WHERE h.area = ? AND (a.end_month IS NULL OR a.end_month >= ?)
        ORDER BY a.household_id""")
        .params(area.name(), month.atDay(1)).query((rs, n) -> new AllowanceOfHousehold(
            allowance(rs, amounts.getOrDefault(rs.getLong("id"), List.of())), rs.getBigDecimal("monthly_income"),
            rs.getString("region_code"))).list();
  }

  /** An allowance with its household's monthly income (yuan) and 12-digit village code. */
  public record AllowanceOfHousehold(Allowance allowance, BigDecimal monthlyIncome, String regionCode) {
  }

  /**
   * A new amount entry caused by an allowance standard.
   *
   * @param amountBefore yuan per month for {@code fromMonth} before the standard, scale 2 (the event's amountBefore)
   */
  public record StandardAmount(long allowanceId, YearMonth fromMonth, BigDecimal amount, int members,
      BigDecimal amountBefore) {
  }

  /**
   * Inserts amount entries caused by an allowance standard, in JDBC batches of 1,000 (one multi-row INSERT each with
   * {@code rewriteBatchedStatements}). Each entry is one {@code benefit-changed} event (events.BenefitEventOutbox).
   */
  public void insertStandardAmounts(List<StandardAmount> entries, long allowanceStandardId) {
    for (int from = 0; from < entries.size(); from += 1000) {
      List<StandardAmount> chunk = entries.subList(from, Math.min(entries.size(), from + 1000));
      batch.batchUpdate("""
          INSERT INTO allowance_amount (allowance_id, from_month, amount, members, allowance_standard_id, amount_before)
          VALUES (?, ?, ?, ?, ?, ?)""", chunk, chunk.size(), (ps, e) -> {
            ps.setLong(1, e.allowanceId());
            ps.setObject(2, e.fromMonth().atDay(1));
            ps.setBigDecimal(3, e.amount());
            ps.setInt(4, e.members());
            ps.setLong(5, allowanceStandardId);
            ps.setBigDecimal(6, e.amountBefore());
          });
    }
  }

  /** Adds an entry to an allowance's amount history caused by a periodic review or a member change. */
  public void insertChangeAmount(long allowanceId, YearMonth fromMonth, BigDecimal amount, int members,
      long householdChangeId) {
    jdbc.sql("""
        INSERT INTO allowance_amount (allowance_id, from_month, amount, members, household_change_id)
        VALUES (?, ?, ?, ?, ?)""")
        .params(allowanceId, fromMonth.atDay(1), amount, members, householdChangeId).update();
  }

  /** Records a re-assessed monthly income (yuan) and, for a periodic review, the day of the review. */
  public void updateIncome(long householdId, BigDecimal monthlyIncome, LocalDate reviewedOn) {
    jdbc.sql("UPDATE household SET monthly_income = ?, last_reviewed_on = COALESCE(?, last_reviewed_on) WHERE id = ?")
        .params(monthlyIncome, reviewedOn, householdId).update();
  }

  /** The day of the household's last periodic review, if it had one. */
  public Optional<LocalDate> lastReviewedOn(long householdId) {
    return jdbc.sql("SELECT last_reviewed_on FROM household WHERE id = ?").param(householdId)
        .query((rs, n) -> rs.getObject("last_reviewed_on", LocalDate.class)).list().stream()
        .filter(java.util.Objects::nonNull).findFirst();
  }

  /** Ends an allowance after a periodic review or member change (停发): {@code endMonth} is the last month paid. */
  public void stop(long allowanceId, YearMonth endMonth) {
    jdbc.sql("UPDATE allowance SET status = 'TERMINATED', end_month = ? WHERE id = ? AND status = 'ACTIVE'")
        .params(endMonth.atDay(1), allowanceId).update();
  }

  /** Adds a member to a registered household (a birth, a marriage). */
  public void addMember(long householdId, String nationalIdNumber, String name, Relation relation) {
    insertMember(householdId, nationalIdNumber, name, relation);
  }

  /**
   * Removes a member who left the household, keeping them in {@code household_member_departure} (the
   * person may then join another household).
   */
  public void removeMember(Member member, LocalDate leftOn, long householdChangeId) {
    jdbc.sql("""
        INSERT INTO household_member_departure (household_id, national_id_number, name, relation, left_on,
          household_change_id) VALUES (?, ?, ?, ?, ?, ?)""")
        .params(member.householdId(), member.nationalIdNumber(), member.name(), member.relation().name(), leftOn,
            householdChangeId).update();
    jdbc.sql("DELETE FROM household_member WHERE id = ?").param(member.id()).update();
  }

  /**
   * The households within {@code area} with an active allowance, for the review schedule: the day of their
   * last review (or null), the allowance's start month, and whether a living member was born in
   * ({@code bornAfter}, {@code bornOnOrBefore}] (of working age), from the birth date in the ID number
   * (GB 11643-1999, digits 7-14). Ordered by id; filtered in SQL.
   */
  public List<ReviewCandidate> reviewCandidates(RegionScope area, LocalDate bornAfter, LocalDate bornOnOrBefore) {
    RegionScope.SqlPredicate within = area.sqlPredicate("h.region_code");
    return jdbc.sql("""
            SELECT h.id, h.region_code, h.last_reviewed_on, a.start_month,
              EXISTS (SELECT 1 FROM household_member m WHERE m.household_id = h.id
                        AND m.deceased_death_record_id IS NULL
                        AND STR_TO_DATE(SUBSTRING(m.national_id_number, 7, 8), '%Y%m%d') > ?
                        AND STR_TO_DATE(SUBSTRING(m.national_id_number, 7, 8), '%Y%m%d') <= ?) AS working_age
            FROM household h JOIN allowance a ON a.household_id = h.id
            WHERE a.status = 'ACTIVE' AND """ + " " + within.sql() + " ORDER BY h.id")
        .param(bornAfter).param(bornOnOrBefore).params(within.parameters())
        .query((rs, n) -> new ReviewCandidate(rs.getLong("id"), rs.getString("region_code"),
            rs.getObject("last_reviewed_on", LocalDate.class), month(rs.getObject("start_month", LocalDate.class)),
            rs.getBoolean("working_age")))
        .list();
  }

  /** A household with an active allowance, for the review schedule. */
  public record ReviewCandidate(long householdId, String regionCode, LocalDate lastReviewedOn,
      YearMonth allowanceStart, boolean workingAgeMember) {
  }

  /** The national ID numbers among the given ones that already belong to a household member. */
  /**
   * The numbers among the given ones with an open or supported extreme-poverty case (table of the extremepoverty
   * package, V40): a person is not both in an allowance household and an extreme-poverty person.
   */
  List<String> extremePovertyIdNumbers(List<String> nationalIdNumbers) {
    return jdbc.sql("SELECT DISTINCT national_id_number FROM extreme_poverty_case WHERE national_id_number IN (:numbers) "
            + "AND status IN ('TOWNSHIP_REVIEW', 'COUNTY_DETERMINATION', 'SUPPORTED')")
        .param("numbers", nationalIdNumbers).query(String.class).list();
  }

  List<String> registeredIdNumbers(List<String> nationalIdNumbers) {
    return jdbc.sql("SELECT national_id_number FROM household_member WHERE national_id_number IN (:numbers)")
        .param("numbers", nationalIdNumbers).query(String.class).list();
  }

  public Optional<Household> findHousehold(long id) {
    return jdbc.sql("SELECT * FROM household WHERE id = ?").param(id)
        .query((rs, n) -> household(rs, members(id))).optional();
  }

  /** A page of the households within {@code area} (filtered in SQL), ordered by id. */
  List<Household> findHouseholds(RegionScope area, int page, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM household WHERE " + within.sql() + " ORDER BY id LIMIT ? OFFSET ?")
        .params(within.parameters()).param(size).param(page * size)
        .query((rs, n) -> household(rs, members(rs.getLong("id")))).list();
  }

  /** The household whose member has this national ID number, if any. */
  public Optional<Household> findHouseholdOfMember(String nationalIdNumber) {
    return jdbc.sql("SELECT household_id FROM household_member WHERE national_id_number = ?")
        .param(nationalIdNumber).query(Long.class).optional().flatMap(this::findHousehold);
  }

  /**
   * The household whose member has this national ID number, read after its row is locked ({@code FOR UPDATE}) until
   * the caller's transaction ends: the death rule's read-modify-write of a household, so that two members' deaths
   * applied in two concurrent transactions (two partitions of the registry's topic) are applied one after the other.
   * Under READ COMMITTED (the death listener's transactions) the household and members read after the lock include
   * what the other transaction committed.
   */
  public Optional<Household> lockHouseholdOfMember(String nationalIdNumber) {
    return jdbc.sql("SELECT household_id FROM household_member WHERE national_id_number = ?")
        .param(nationalIdNumber).query(Long.class).optional()
        .flatMap(id -> jdbc.sql("SELECT id FROM household WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional())
        .flatMap(this::findHousehold);
  }

  /**
   * Locks ({@code FOR UPDATE}, until the caller's transaction ends) the households of which any of these national ID
   * numbers is a member, in ascending id order. A poll of deaths takes its households' locks first, all in one order
   * for every consumer thread: two polls whose deaths share households (a household's members are in different
   * partitions) then wait for each other instead of deadlocking (issue 4: each deadlock made a poll of 500 deaths
   * fall back to one transaction each).
   *
   * @return the household of each of the numbers that is a member of one (keys as the members table spells them)
   */
  public Map<String, Long> lockHouseholdsOfMembers(Collection<String> nationalIdNumbers) {
    if (nationalIdNumbers.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> households = new HashMap<>();
    jdbc.sql("SELECT national_id_number, household_id FROM household_member WHERE national_id_number IN (:numbers)")
        .param("numbers", nationalIdNumbers)
        .query((rs, n) -> households.put(rs.getString(1), rs.getLong(2))).list();
    if (!households.isEmpty()) {
      jdbc.sql("SELECT id FROM household WHERE id IN (:ids) ORDER BY id FOR UPDATE")
          .param("ids", new TreeSet<>(households.values())).query(Long.class).list();
    }
    return households;
  }

  /**
   * These households with their members, by id, in two queries ({@link #findHousehold} for a set; a poll of
   * deaths). Ids not found are absent.
   */
  public Map<Long, Household> findHouseholds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<Member>> members = new HashMap<>();
    jdbc.sql("SELECT * FROM household_member WHERE household_id IN (:ids) ORDER BY id").param("ids", ids)
        .query(rs -> {
          long householdId = rs.getLong("household_id");
          members.computeIfAbsent(householdId, h -> new java.util.ArrayList<>()).add(member(rs, householdId));
        });
    Map<Long, Household> households = new HashMap<>();
    jdbc.sql("SELECT * FROM household WHERE id IN (:ids)").param("ids", ids).query(rs -> {
      long id = rs.getLong("id");
      households.put(id, household(rs, members.getOrDefault(id, List.of())));
    });
    return households;
  }

  /**
   * The allowances of these households, by household id, with their amount histories, in two queries
   * ({@link #findAllowanceOfHousehold} for a set; a poll of deaths). Households without one are absent.
   */
  public Map<Long, Allowance> findAllowancesOfHouseholds(Collection<Long> householdIds) {
    if (householdIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<AllowanceAmount>> amounts = new HashMap<>();
    jdbc.sql("""
        SELECT x.* FROM allowance_amount x JOIN allowance a ON a.id = x.allowance_id
        WHERE a.household_id IN (:ids) ORDER BY x.id""").param("ids", householdIds)
        .query(rs -> {
          amounts.computeIfAbsent(rs.getLong("allowance_id"), a -> new java.util.ArrayList<>()).add(amount(rs));
        });
    Map<Long, Allowance> allowances = new HashMap<>();
    jdbc.sql("SELECT * FROM allowance WHERE household_id IN (:ids)").param("ids", householdIds).query(rs -> {
      Allowance allowance = allowance(rs, amounts.getOrDefault(rs.getLong("id"), List.of()));
      allowances.put(allowance.householdId(), allowance);
    });
    return allowances;
  }

  /** A member marked deceased by a death record, for {@link #markDeceased(List)}. */
  public record DeceasedMember(long memberId, long deathRecordId) {
  }

  /** {@link #markDeceased(long, long)} for several members, in one JDBC batch. */
  public void markDeceased(List<DeceasedMember> deceased) {
    if (!deceased.isEmpty()) {
      batch.batchUpdate("UPDATE household_member SET deceased_death_record_id = ? WHERE id = ?", deceased,
          deceased.size(), (ps, d) -> {
            ps.setLong(1, d.deathRecordId());
            ps.setLong(2, d.memberId());
          });
    }
  }

  /** An allowance ended by a death record with its last month paid, for {@link #terminate(List)}. */
  public record Termination(long allowanceId, YearMonth endMonth, long deathRecordId) {
  }

  /** {@link #terminate(long, YearMonth, long)} for several allowances, in one JDBC batch. */
  public void terminate(List<Termination> terminations) {
    if (!terminations.isEmpty()) {
      batch.batchUpdate("""
          UPDATE allowance SET status = 'TERMINATED', end_month = ?, terminated_by_death_record_id = ?
          WHERE id = ?""", terminations, terminations.size(), (ps, t) -> {
            ps.setObject(1, t.endMonth().atDay(1));
            ps.setLong(2, t.deathRecordId());
            ps.setLong(3, t.allowanceId());
          });
    }
  }

  /** An amount entry a death record caused, for {@link #insertAmounts}: yuan, from a month, for living members. */
  public record DeathAmount(long allowanceId, YearMonth fromMonth, BigDecimal amount, int members,
      long deathRecordId) {
  }

  /** {@link #insertAmount} of death records' entries, in one JDBC batch (one multi-row INSERT). */
  public void insertAmounts(List<DeathAmount> amounts) {
    if (!amounts.isEmpty()) {
      batch.batchUpdate("""
          INSERT INTO allowance_amount (allowance_id, from_month, amount, members, death_record_id)
          VALUES (?, ?, ?, ?, ?)""", amounts, amounts.size(), (ps, a) -> {
            ps.setLong(1, a.allowanceId());
            ps.setObject(2, a.fromMonth().atDay(1));
            ps.setBigDecimal(3, a.amount());
            ps.setInt(4, a.members());
            ps.setLong(5, a.deathRecordId());
          });
    }
  }

  /** A household whose head died, for {@link #requireHeads}. */
  public record HeadRequired(long householdId, long deathRecordId) {
  }

  /** {@link #requireHead} for several households, in one JDBC batch. */
  public void requireHeads(List<HeadRequired> households) {
    if (!households.isEmpty()) {
      batch.batchUpdate("UPDATE household SET head_required_death_record_id = ? WHERE id = ?", households,
          households.size(), (ps, h) -> {
            ps.setLong(1, h.deathRecordId());
            ps.setLong(2, h.householdId());
          });
    }
  }

  public Optional<Allowance> findAllowanceOfHousehold(long householdId) {
    return jdbc.sql("SELECT * FROM allowance WHERE household_id = ?").param(householdId)
        .query((rs, n) -> allowance(rs)).optional();
  }

  /** Every allowance paid for the month (for a payment roll), ordered by household id. */
  public List<Allowance> findAllowancesPaidFor(YearMonth month) {
    LocalDate first = month.atDay(1);
    return jdbc.sql("""
        SELECT * FROM allowance WHERE start_month <= ? AND (end_month IS NULL OR end_month >= ?)
        ORDER BY household_id""")
        .params(first, first).query((rs, n) -> allowance(rs)).list();
  }

  public void markDeceased(long memberId, long deathRecordId) {
    jdbc.sql("UPDATE household_member SET deceased_death_record_id = ? WHERE id = ?")
        .params(deathRecordId, memberId).update();
  }

  /** Marks living again the member a revoked death record said had died. */
  public void clearDeceased(long deathRecordId) {
    jdbc.sql("UPDATE household_member SET deceased_death_record_id = NULL WHERE deceased_death_record_id = ?")
        .param(deathRecordId).update();
  }

  public void requireHead(long householdId, long deathRecordId) {
    jdbc.sql("UPDATE household SET head_required_death_record_id = ? WHERE id = ?")
        .params(deathRecordId, householdId).update();
  }

  /** Clears the head-required flag if that death record set it; returns whether it did. */
  public boolean clearHeadRequired(long householdId, long deathRecordId) {
    return jdbc.sql("""
        UPDATE household SET head_required_death_record_id = NULL
        WHERE id = ? AND head_required_death_record_id = ?""")
        .params(householdId, deathRecordId).update() > 0;
  }

  void nameHead(long householdId, long memberId) {
    jdbc.sql("UPDATE household_member SET head = (id = ?) WHERE household_id = ?")
        .params(memberId, householdId).update();
    jdbc.sql("UPDATE household SET head_required_death_record_id = NULL WHERE id = ?").param(householdId).update();
  }

  public void terminate(long allowanceId, YearMonth endMonth, long deathRecordId) {
    jdbc.sql("""
        UPDATE allowance SET status = 'TERMINATED', end_month = ?, terminated_by_death_record_id = ?
        WHERE id = ?""")
        .params(endMonth.atDay(1), deathRecordId, allowanceId).update();
  }

  /** Makes active again an allowance that this death record terminated; returns whether one was. */
  public boolean restore(long allowanceId, long deathRecordId) {
    return jdbc.sql("""
        UPDATE allowance SET status = 'ACTIVE', end_month = NULL, terminated_by_death_record_id = NULL
        WHERE id = ? AND terminated_by_death_record_id = ?""")
        .params(allowanceId, deathRecordId).update() > 0;
  }

  /** Withdraws the amount entries a revoked death record caused; returns how many. */
  public int withdrawAmounts(long allowanceId, long deathRecordId) {
    return jdbc.sql("UPDATE allowance_amount SET withdrawn = TRUE WHERE allowance_id = ? AND death_record_id = ?")
        .params(allowanceId, deathRecordId).update();
  }

  private List<Member> members(long householdId) {
    return jdbc.sql("SELECT * FROM household_member WHERE household_id = ? ORDER BY id").param(householdId)
        .query((rs, n) -> member(rs, householdId)).list();
  }

  private static Member member(ResultSet rs, long householdId) throws SQLException {
    return new Member(rs.getLong("id"), householdId, rs.getString("national_id_number"), rs.getString("name"),
        Relation.valueOf(rs.getString("relation")), rs.getBoolean("head"),
        rs.getObject("deceased_death_record_id", Long.class));
  }

  private static Household household(ResultSet rs, List<Member> members) throws SQLException {
    return new Household(rs.getLong("id"), rs.getString("region_code"), Area.valueOf(rs.getString("area")),
        rs.getBigDecimal("monthly_income"), rs.getObject("head_required_death_record_id", Long.class), members);
  }

  private Allowance allowance(ResultSet rs) throws SQLException {
    List<AllowanceAmount> amounts = jdbc.sql("SELECT * FROM allowance_amount WHERE allowance_id = ? ORDER BY id")
        .param(rs.getLong("id")).query((a, n) -> amount(a)).list();
    return allowance(rs, amounts);
  }

  private static Allowance allowance(ResultSet rs, List<AllowanceAmount> amounts) throws SQLException {
    return new Allowance(rs.getLong("id"), rs.getLong("household_id"),
        month(rs.getObject("start_month", LocalDate.class)), month(rs.getObject("end_month", LocalDate.class)),
        AllowanceStatus.valueOf(rs.getString("status")), rs.getObject("terminated_by_death_record_id", Long.class),
        amounts);
  }

  private static AllowanceAmount amount(ResultSet a) throws SQLException {
    return new AllowanceAmount(a.getLong("id"), month(a.getObject("from_month", LocalDate.class)),
        a.getBigDecimal("amount"), a.getInt("members"), a.getObject("death_record_id", Long.class),
        a.getBoolean("withdrawn"), a.getObject("allowance_standard_id", Long.class));
  }

  private static YearMonth month(LocalDate date) {
    return date == null ? null : YearMonth.from(date);
  }
}
