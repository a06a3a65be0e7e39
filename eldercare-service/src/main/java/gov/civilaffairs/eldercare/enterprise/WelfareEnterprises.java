package gov.civilaffairs.eldercare.enterprise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.region.RegionDirectory;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Welfare enterprises (福利企业) and their annual qualification inspection (年检) with the tax offices: pass or fail
 * with the reasons. The quantitative conditions are {@link WelfareEnterpriseProperties} (民发〔2007〕103号 art. 2);
 * the others (labour contracts, social insurance, wages, accessibility) are checked by the inspectors and passed
 * in as findings. Tables {@code welfare_enterprise} and {@code welfare_enterprise_inspection}.
 */
@Service
public class WelfareEnterprises {

  private final JdbcClient jdbc;
  private final WelfareEnterpriseProperties policy;
  private final RegionDirectory regions;
  private final BureauClock clock;

  WelfareEnterprises(JdbcClient jdbc, WelfareEnterpriseProperties policy, RegionDirectory regions, BureauClock clock) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.regions = regions;
    this.clock = clock;
  }

  /**
   * Registers a certified enterprise.
   *
   * @throws ProblemException 422 unknown region; 409 {@code duplicate} for a certificate number in use
   */
  @Transactional
  public WelfareEnterprise register(String name, String regionCode, String certificateNumber, String taxOffice) {
    regions.require(regionCode);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO welfare_enterprise (name, region_code, certificate_number, tax_office, created_at)
        VALUES (?, ?, ?, ?, ?)""").params(name, regionCode, certificateNumber, taxOffice, clock.now()).update(key);
    return find(key.getKey().longValue()).orElseThrow();
  }

  /** @throws ProblemException 404 when unknown or outside {@code area} */
  public WelfareEnterprise require(long id, RegionScope area) {
    return find(id).filter(e -> area.covers(e.regionCode()))
        .orElseThrow(() -> ProblemException.notFound("Welfare enterprise", id));
  }

  /** Enterprises within {@code area} (filtered in SQL), in id order. */
  public List<WelfareEnterprise> list(RegionScope area, long afterId, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM welfare_enterprise WHERE " + within.sql() + " AND id > ? ORDER BY id LIMIT ?")
        .params(within.parameters()).param(afterId).param(size).query(WelfareEnterprise.class).list();
  }

  /**
   * Records the annual inspection of a year. Fails when the disabled employees are fewer than the minimum number
   * or share, or when the inspectors list findings (each a reason).
   *
   * @param findings conditions the inspectors found not met, for example {@code 未按月足额缴纳社会保险}
   * @throws ProblemException 422 {@code disabled-above-employees}, {@code future-date}, {@code wrong-year} (the
   *     inspection day lies before the year inspected); 409 {@code duplicate} for a second
   *     inspection of the same year
   */
  @Transactional
  public AnnualInspection inspect(WelfareEnterprise enterprise, int year, LocalDate inspectedOn, int employees,
      int disabledEmployees, List<String> findings) {
    if (disabledEmployees > employees) {
      throw ProblemException.unprocessable("disabled-above-employees",
          "disabledEmployees: " + disabledEmployees + " is more than employees " + employees + ".");
    }
    if (inspectedOn.isAfter(clock.today())) {
      throw ProblemException.unprocessable("future-date", "inspectedOn: " + inspectedOn + " is after today.");
    }
    if (inspectedOn.getYear() < year) {
      throw ProblemException.unprocessable("wrong-year", "inspectedOn: " + inspectedOn + " is before the year "
          + year + " inspected.");
    }
    List<String> reasons = new ArrayList<>(policy.unmetConditions(employees, disabledEmployees));
    findings.stream().map(String::strip).filter(f -> !f.isEmpty()).forEach(reasons::add);
    boolean passed = reasons.isEmpty();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO welfare_enterprise_inspection (enterprise_id, inspection_year, inspected_on, employees,
          disabled_employees, passed, reasons, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(enterprise.id(), year, inspectedOn, employees, disabledEmployees, passed, String.join("\n", reasons),
            clock.now()).update(key);
    return new AnnualInspection(key.getKey().longValue(), enterprise.id(), year, inspectedOn, employees,
        disabledEmployees, passed, List.copyOf(reasons));
  }

  /** The enterprise's inspections, newest year first. */
  public List<AnnualInspection> inspections(WelfareEnterprise enterprise) {
    return jdbc.sql("SELECT * FROM welfare_enterprise_inspection WHERE enterprise_id = ? ORDER BY inspection_year DESC")
        .param(enterprise.id())
        .query((rs, row) -> new AnnualInspection(rs.getLong("id"), rs.getLong("enterprise_id"),
            rs.getInt("inspection_year"), rs.getObject("inspected_on", LocalDate.class), rs.getInt("employees"),
            rs.getInt("disabled_employees"), rs.getBoolean("passed"), rs.getString("reasons").isEmpty() ? List.of()
                : Arrays.asList(rs.getString("reasons").split("\n"))))
        .list();
  }

  private Optional<WelfareEnterprise> find(long id) {
    return jdbc.sql("SELECT * FROM welfare_enterprise WHERE id = ?").param(id).query(WelfareEnterprise.class).optional();
  }
}
