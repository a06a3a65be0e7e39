package gov.civilaffairs.veterans.standard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.veterans.person.DisabilityCause;
import gov.civilaffairs.veterans.person.EntitledCategory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of {@code pension_standard}. Months are stored as {@code yyyy-MM}. */
@Repository
class PensionStandardRepository {

  private static final String COLUMNS = "id, category, disability_grade, disability_cause, effective_from, "
      + "national_amount, local_supplement, national_source, local_source, published_on";

  private final JdbcClient jdbc;

  PensionStandardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a standard; a duplicate key (same scale and effective month) fails with DuplicateKeyException. */
  long insert(NewPensionStandard standard, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO pension_standard (category, disability_grade, disability_cause, applies_to, effective_from,
          national_amount, local_supplement, national_source, local_source, published_on, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(standard.category().name(), standard.disabilityGrade(),
            standard.disabilityCause() == null ? null : standard.disabilityCause().name(),
            PensionStandard.scaleOf(standard.category(), standard.disabilityGrade(), standard.disabilityCause()),
            standard.effectiveFrom().toString(), standard.nationalAmount(), standard.localSupplement(),
            standard.nationalSource(), standard.localSource(), standard.publishedOn(),
            now.atOffset(ZoneOffset.UTC).toLocalDateTime())
        .update(key);
    return key.getKey().longValue();
  }

  Optional<PensionStandard> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM pension_standard WHERE id = ?").param(id)
        .query(PensionStandardRepository::standard).optional();
  }

  /** Every standard, or those of one category, by effective month then id. */
  List<PensionStandard> list(EntitledCategory category) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM pension_standard"
            + (category == null ? "" : " WHERE category = :category") + " ORDER BY effective_from, id")
        .param("category", category == null ? null : category.name())
        .query(PensionStandardRepository::standard).list();
  }

  private static PensionStandard standard(ResultSet rs, int row) throws SQLException {
    String cause = rs.getString("disability_cause");
    return new PensionStandard(rs.getLong("id"), EntitledCategory.valueOf(rs.getString("category")),
        rs.getObject("disability_grade", Integer.class), cause == null ? null : DisabilityCause.valueOf(cause),
        YearMonth.parse(rs.getString("effective_from")), rs.getBigDecimal("national_amount"),
        rs.getBigDecimal("local_supplement"), rs.getString("national_source"), rs.getString("local_source"),
        rs.getObject("published_on", LocalDate.class));
  }
}
