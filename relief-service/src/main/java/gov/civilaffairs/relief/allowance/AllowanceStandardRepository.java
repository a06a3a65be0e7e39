package gov.civilaffairs.relief.allowance;

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

/** Allowance standards in table {@code allowance_standard} (V11 migration). */
@Repository
public class AllowanceStandardRepository {

  private final JdbcClient jdbc;

  AllowanceStandardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The amount of the latest standard of the area effective in or before {@code month}, if any. */
  public Optional<BigDecimal> standardFor(Area area, YearMonth month) {
    return jdbc.sql("""
        SELECT amount FROM allowance_standard WHERE area = ? AND effective_month <= ?
        ORDER BY effective_month DESC LIMIT 1""")
        .params(area.name(), month.atDay(1)).query(BigDecimal.class).optional();
  }

  /** The standard of the area with the latest effective month, if any. */
  public Optional<AllowanceStandard> latest(Area area) {
    return jdbc.sql("SELECT * FROM allowance_standard WHERE area = ? ORDER BY effective_month DESC LIMIT 1")
        .param(area.name()).query((rs, n) -> standard(rs)).optional();
  }

  public Optional<AllowanceStandard> find(long id) {
    return jdbc.sql("SELECT * FROM allowance_standard WHERE id = ?").param(id).query((rs, n) -> standard(rs)).optional();
  }

  /** Every standard, by area, then effective month. */
  public List<AllowanceStandard> all() {
    return jdbc.sql("SELECT * FROM allowance_standard ORDER BY area, effective_month, id")
        .query((rs, n) -> standard(rs)).list();
  }

  /** @throws org.springframework.dao.DuplicateKeyException if the area has a standard from that month */
  public long insert(Area area, int year, YearMonth effectiveMonth, BigDecimal amount, String documentReference,
      String createdBy) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO allowance_standard (area, standard_year, effective_month, amount, document_reference, created_by)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(area.name(), year, effectiveMonth.atDay(1), amount, documentReference, createdBy).update(key);
    return key.getKey().longValue();
  }

  public void recordEffect(long id, int recomputedAllowances, int arrearsEntries) {
    jdbc.sql("UPDATE allowance_standard SET recomputed_allowances = ?, arrears_entries = ? WHERE id = ?")
        .params(recomputedAllowances, arrearsEntries, id).update();
  }

  private static AllowanceStandard standard(ResultSet rs) throws SQLException {
    return new AllowanceStandard(rs.getLong("id"), Area.valueOf(rs.getString("area")), rs.getInt("standard_year"),
        YearMonth.from(rs.getObject("effective_month", LocalDate.class)), rs.getBigDecimal("amount"),
        rs.getString("document_reference"), rs.getInt("recomputed_allowances"), rs.getInt("arrears_entries"),
        rs.getString("created_by"), rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
  }
}
