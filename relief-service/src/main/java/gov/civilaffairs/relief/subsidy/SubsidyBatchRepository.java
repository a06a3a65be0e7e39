package gov.civilaffairs.relief.subsidy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.relief.allowance.Area;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Subsidy batches, their lines and persons (V14 migration). */
@Repository
class SubsidyBatchRepository {

  private final JdbcClient jdbc;

  SubsidyBatchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @throws org.springframework.dao.DuplicateKeyException if the kind and document already have a batch */
  long insert(SubsidyBatch.Kind kind, String title, String documentReference, YearMonth referenceMonth, Area area,
      BigDecimal perHousehold, BigDecimal perPerson, String createdBy) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO subsidy_batch (kind, title, document_reference, reference_month, area, amount_per_household,
          amount_per_person, status, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?)""")
        .params(kind.name(), title, documentReference, referenceMonth.atDay(1), area == null ? null : area.name(),
            perHousehold, perPerson, createdBy)
        .update(key);
    return key.getKey().longValue();
  }

  /** The households whose allowance is paid for the month, of the area (or both), with their living members. */
  List<Target> targets(YearMonth month, Area area) {
    LocalDate first = month.atDay(1);
    return jdbc.sql("""
        SELECT h.id, h.region_code, m.national_id_number
        FROM household h JOIN allowance a ON a.household_id = h.id
          JOIN household_member m ON m.household_id = h.id AND m.deceased_death_record_id IS NULL
        WHERE a.start_month <= ? AND (a.end_month IS NULL OR a.end_month >= ?) AND (? IS NULL OR h.area = ?)
        ORDER BY h.id, m.id""")
        .params(first, first, area == null ? null : area.name(), area == null ? null : area.name())
        .query((rs, n) -> new Target(rs.getLong("id"), rs.getString("region_code"), rs.getString("national_id_number")))
        .list();
  }

  /** A household and one of its living members. */
  record Target(long householdId, String regionCode, String nationalIdNumber) {
  }

  long insertLine(long batchId, long householdId, String regionCode, int persons, BigDecimal amount) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO subsidy_batch_line (batch_id, household_id, region_code, persons, amount) VALUES (?, ?, ?, ?, ?)")
        .params(batchId, householdId, regionCode, persons, amount).update(key);
    return key.getKey().longValue();
  }

  void updateLine(long lineId, int persons, BigDecimal amount) {
    jdbc.sql("UPDATE subsidy_batch_line SET persons = ?, amount = ? WHERE id = ?").params(persons, amount, lineId).update();
  }

  /** @return false if the person is already in the batch */
  boolean insertPerson(long batchId, String nationalIdNumber, long lineId) {
    return jdbc.sql("INSERT IGNORE INTO subsidy_batch_person (batch_id, national_id_number, line_id) VALUES (?, ?, ?)")
        .params(batchId, nationalIdNumber, lineId).update() == 1;
  }

  void updateTotals(long batchId) {
    jdbc.sql("""
        UPDATE subsidy_batch b SET
          line_count = (SELECT COUNT(*) FROM subsidy_batch_line l WHERE l.batch_id = b.id),
          person_count = (SELECT COUNT(*) FROM subsidy_batch_person p WHERE p.batch_id = b.id),
          total_amount = (SELECT COALESCE(SUM(l.amount), 0) FROM subsidy_batch_line l WHERE l.batch_id = b.id)
        WHERE b.id = ?""").param(batchId).update();
  }

  /** @return whether the batch went from DRAFT to PAID (false if it was paid already) */
  boolean markPaid(long batchId) {
    return jdbc.sql("UPDATE subsidy_batch SET status = 'PAID', paid_at = CURRENT_TIMESTAMP(6) WHERE id = ? AND status = 'DRAFT'")
        .param(batchId).update() == 1;
  }

  Optional<SubsidyBatch> find(long id) {
    return jdbc.sql("SELECT * FROM subsidy_batch WHERE id = ?").param(id).query((rs, n) -> batch(rs)).optional();
  }

  Optional<SubsidyBatch> findByDocument(SubsidyBatch.Kind kind, String documentReference) {
    return jdbc.sql("SELECT * FROM subsidy_batch WHERE kind = ? AND document_reference = ?")
        .params(kind.name(), documentReference).query((rs, n) -> batch(rs)).optional();
  }

  List<SubsidyBatch.Line> lines(long batchId, RegionScope area, int page, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM subsidy_batch_line WHERE batch_id = ? AND " + within.sql()
            + " ORDER BY id LIMIT ? OFFSET ?")
        .param(batchId).params(within.parameters()).param(size).param(page * size)
        .query((rs, n) -> new SubsidyBatch.Line(rs.getLong("id"), rs.getLong("batch_id"), rs.getLong("household_id"),
            rs.getString("region_code"), rs.getInt("persons"), rs.getBigDecimal("amount")))
        .list();
  }

  private static SubsidyBatch batch(ResultSet rs) throws SQLException {
    String area = rs.getString("area");
    LocalDateTime paidAt = rs.getObject("paid_at", LocalDateTime.class);
    return new SubsidyBatch(rs.getLong("id"), SubsidyBatch.Kind.valueOf(rs.getString("kind")), rs.getString("title"),
        rs.getString("document_reference"), YearMonth.from(rs.getObject("reference_month", LocalDate.class)),
        area == null ? null : Area.valueOf(area), rs.getBigDecimal("amount_per_household"),
        rs.getBigDecimal("amount_per_person"), rs.getString("status"), rs.getInt("line_count"),
        rs.getInt("person_count"), rs.getBigDecimal("total_amount"), rs.getString("created_by"),
        rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        paidAt == null ? null : paidAt.toInstant(ZoneOffset.UTC));
  }
}
