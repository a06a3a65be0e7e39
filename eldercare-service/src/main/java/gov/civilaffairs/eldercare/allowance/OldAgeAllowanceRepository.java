package gov.civilaffairs.eldercare.allowance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.civilaffairs.eldercare.SetWiseSql;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code old_age_allowance} and {@code allowance_arrears}; a month is stored as its first day. */
@Repository
class OldAgeAllowanceRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  OldAgeAllowanceRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** An allowance to start. */
  record NewAllowance(long personId, BigDecimal monthlyAmount, YearMonth startMonth) {
  }

  /** Inserts ACTIVE allowances in JDBC batches of 1000; a person who has one already breaks the unique key. */
  void insertAll(List<NewAllowance> allowances) {
    batch.batchUpdate("INSERT INTO old_age_allowance (person_id, monthly_amount, start_month, status)"
        + " VALUES (?, ?, ?, 'ACTIVE')", allowances, 1000, (ps, allowance) -> {
          ps.setLong(1, allowance.personId());
          ps.setBigDecimal(2, allowance.monthlyAmount());
          ps.setObject(3, allowance.startMonth().atDay(1));
        });
  }

  OldAgeAllowance insert(long personId, BigDecimal monthlyAmount, YearMonth startMonth) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO old_age_allowance (person_id, monthly_amount, start_month, status) VALUES (?, ?, ?, ?)")
        .params(personId, monthlyAmount, firstDay(startMonth), AllowanceStatus.ACTIVE.name())
        .update(key);
    return new OldAgeAllowance(key.getKey().longValue(), personId, monthlyAmount, startMonth, null,
        AllowanceStatus.ACTIVE, null);
  }

  Optional<OldAgeAllowance> findByPerson(long personId) {
    return jdbc.sql("SELECT * FROM old_age_allowance WHERE person_id = ?").param(personId)
        .query(OldAgeAllowanceRepository::allowance).optional();
  }

  /** The allowances of {@code personIds}, in id order. */
  List<OldAgeAllowance> findByPersons(Collection<Long> personIds) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM old_age_allowance WHERE person_id IN (:ids) ORDER BY id").param("ids", personIds)
        .query(OldAgeAllowanceRepository::allowance).list();
  }

  /** A living person without an allowance, born on or before a date: a candidate for an automatic start. */
  record Candidate(long personId, LocalDate birthDate, java.time.Instant registeredAt) {
  }

  /** Living persons without an allowance born on or before {@code bornBy}, in id order. */
  List<Candidate> candidatesBornBy(LocalDate bornBy) {
    return jdbc.sql("""
        SELECT p.id, p.birth_date, p.registered_at FROM elderly_person p
        WHERE p.status = 'LIVING' AND p.birth_date <= ?
          AND NOT EXISTS (SELECT 1 FROM old_age_allowance a WHERE a.person_id = p.id)
        ORDER BY p.id""")
        .param(bornBy)
        .query((rs, row) -> new Candidate(rs.getLong("id"), rs.getObject("birth_date", LocalDate.class),
            rs.getObject("registered_at", java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC)))
        .list();
  }

  void stop(long id, YearMonth endMonth, long deathRecordId) {
    jdbc.sql("UPDATE old_age_allowance SET status = 'STOPPED', end_month = ?, stopped_by_death_record_id = ? WHERE id = ?")
        .params(firstDay(endMonth), deathRecordId, id).update();
  }

  /** How an allowance is stopped: its end month and the death record. */
  record Stop(YearMonth endMonth, long deathRecordId) {
  }

  /** {@link #stop} for each allowance id, in one UPDATE (rows locked in id order). */
  void stopAll(Map<Long, Stop> stops) {
    List<Object> parameters = new ArrayList<>();
    Map<Long, LocalDate> endMonths = new LinkedHashMap<>();
    Map<Long, Long> deathRecords = new LinkedHashMap<>();
    stops.forEach((id, stop) -> {
      endMonths.put(id, firstDay(stop.endMonth()));
      deathRecords.put(id, stop.deathRecordId());
    });
    String endMonth = SetWiseSql.caseOf("id", endMonths, parameters);
    String stoppedBy = SetWiseSql.caseOf("id", deathRecords, parameters);
    String ids = SetWiseSql.placeholders(stops.keySet(), parameters);
    jdbc.sql("UPDATE old_age_allowance SET status = 'STOPPED', end_month = " + endMonth
        + ", stopped_by_death_record_id = " + stoppedBy + " WHERE id IN (" + ids + ")").params(parameters).update();
  }

  void resume(long id, BigDecimal monthlyAmount) {
    jdbc.sql("""
        UPDATE old_age_allowance SET status = 'ACTIVE', end_month = NULL, stopped_by_death_record_id = NULL,
          monthly_amount = ?
        WHERE id = ?""").params(monthlyAmount, id).update();
  }

  void insertArrears(long allowanceId, AllowanceArrears arrears) {
    jdbc.sql("INSERT INTO allowance_arrears (allowance_id, benefit_month, amount, death_record_id) VALUES (?, ?, ?, ?)")
        .params(allowanceId, firstDay(arrears.month()), arrears.amount(), arrears.deathRecordId()).update();
  }

  List<AllowanceArrears> arrearsOf(long allowanceId) {
    return jdbc.sql("SELECT * FROM allowance_arrears WHERE allowance_id = ? ORDER BY benefit_month")
        .param(allowanceId)
        .query((rs, row) -> new AllowanceArrears(month(rs, "benefit_month"), rs.getBigDecimal("amount"),
            rs.getLong("death_record_id")))
        .list();
  }

  private static OldAgeAllowance allowance(ResultSet rs, int row) throws SQLException {
    return new OldAgeAllowance(rs.getLong("id"), rs.getLong("person_id"), rs.getBigDecimal("monthly_amount"),
        month(rs, "start_month"), month(rs, "end_month"), AllowanceStatus.valueOf(rs.getString("status")),
        rs.getObject("stopped_by_death_record_id", Long.class));
  }

  private static YearMonth month(ResultSet rs, String column) throws SQLException {
    LocalDate firstDay = rs.getObject(column, LocalDate.class);
    return firstDay == null ? null : YearMonth.from(firstDay);
  }

  private static LocalDate firstDay(YearMonth month) {
    return month.atDay(1);
  }
}
