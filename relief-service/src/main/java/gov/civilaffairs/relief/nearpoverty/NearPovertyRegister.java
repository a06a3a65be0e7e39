package gov.civilaffairs.relief.nearpoverty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.Relation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * The register of near-poverty households (低保边缘家庭), tables {@code near_poverty_*} (V15). A household enters
 * it when the economic verification of its allowance application finds its per-capita income at or above the
 * allowance standard but below the near-poverty multiple of it (income-verification-service's determination
 * {@code NEAR_POVERTY}; default multiple 1.5, DOMAIN.md; 民政部等《关于加强低收入人口动态监测做好分层分类社会救助
 * 工作的意见》(2023): 低保边缘家庭 are part of the low-income population monitored, verify). Entering is
 * idempotent per application.
 */
@Service
public class NearPovertyRegister {

  private final JdbcClient jdbc;

  NearPovertyRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A household to enter, as its application and verification report give it. */
  public record Entry(String regionCode, Area area, long applicationId, long verificationRequestId,
      LocalDate determinedOn, BigDecimal householdMonthlyIncome, Integer livingMembers, String rule,
      String explanation, List<NearPovertyHousehold.Member> members) {
  }

  /** Enters the household, in the caller's transaction; nothing if its application entered already. */
  public void enter(Entry e) {
    KeyHolder key = new GeneratedKeyHolder();
    int inserted = jdbc.sql("""
        INSERT IGNORE INTO near_poverty_household (region_code, area, application_id, verification_request_id,
          determined_on, household_monthly_income, living_members, rule, explanation)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(e.regionCode(), e.area().name(), e.applicationId(), e.verificationRequestId(), e.determinedOn(),
            e.householdMonthlyIncome(), e.livingMembers(), e.rule(), e.explanation())
        .update(key);
    if (inserted == 0) {
      return;
    }
    long id = key.getKey().longValue();
    e.members().forEach(m -> jdbc.sql(
            "INSERT INTO near_poverty_member (near_poverty_id, national_id_number, name, relation) VALUES (?, ?, ?, ?)")
        .params(id, m.nationalIdNumber(), m.name(), m.relation().name()).update());
  }

  /** @throws ProblemException 404 if there is no such household within {@code area} */
  public NearPovertyHousehold find(long id, RegionScope area) {
    return jdbc.sql("SELECT * FROM near_poverty_household WHERE id = ?").param(id)
        .query((rs, n) -> household(rs)).optional().filter(h -> area.covers(h.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Near-poverty household", id));
  }

  /** A page (from 0) of the register within {@code area}, ordered by id (filtered in SQL). */
  public List<NearPovertyHousehold> list(RegionScope area, int page, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM near_poverty_household WHERE " + within.sql() + " ORDER BY id LIMIT ? OFFSET ?")
        .params(within.parameters()).param(size).param(page * size).query((rs, n) -> household(rs)).list();
  }

  /** The register entry made from an application, if any. */
  public Optional<Long> ofApplication(long applicationId) {
    return jdbc.sql("SELECT id FROM near_poverty_household WHERE application_id = ?").param(applicationId)
        .query(Long.class).optional();
  }

  private NearPovertyHousehold household(java.sql.ResultSet rs) throws java.sql.SQLException {
    long id = rs.getLong("id");
    List<NearPovertyHousehold.Member> members = jdbc.sql(
            "SELECT * FROM near_poverty_member WHERE near_poverty_id = ? ORDER BY id").param(id)
        .query((m, n) -> new NearPovertyHousehold.Member(m.getString("national_id_number"), m.getString("name"),
            Relation.valueOf(m.getString("relation"))))
        .list();
    return new NearPovertyHousehold(id, rs.getString("region_code"), Area.valueOf(rs.getString("area")),
        rs.getLong("application_id"), rs.getLong("verification_request_id"),
        rs.getObject("determined_on", LocalDate.class), rs.getBigDecimal("household_monthly_income"),
        (Integer) rs.getObject("living_members", Integer.class), rs.getString("rule"), rs.getString("explanation"),
        members);
  }
}
