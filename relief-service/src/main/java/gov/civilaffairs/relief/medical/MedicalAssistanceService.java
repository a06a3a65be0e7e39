package gov.civilaffairs.relief.medical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Medical assistance by one-stop settlement (国办发〔2021〕42号; values per category in
 * {@link MedicalAssistanceProperties}): for each settlement, the eligible out-of-pocket cost first fills what is
 * left of the person's yearly deductible; of the rest, the category's ratio is paid, up to what is left of the
 * yearly cap. Years are calendar years of the settlement date (Asia/Shanghai). The person must be a living member
 * of a household with an active allowance ({@code ALLOWANCE}) or of a near-poverty household ({@code NEAR_POVERTY}).
 */
@Service
public class MedicalAssistanceService {

  private final JdbcClient jdbc;
  private final MedicalAssistanceProperties properties;
  private final BureauClock clock;

  MedicalAssistanceService(JdbcClient jdbc, MedicalAssistanceProperties properties, BureauClock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** A settlement as the hospital's system reports it. */
  public record NewSettlement(String nationalIdNumber, String name, String category, String kind, String hospital,
      String settlementReference, LocalDate settledOn, BigDecimal totalCost, BigDecimal insurancePaid,
      BigDecimal eligibleOutOfPocket) {
  }

  /** The settlement and whether this request recorded it (false: its reference was recorded before). */
  public record Recorded(MedicalSettlement settlement, boolean created) {
  }

  /**
   * @throws ProblemException 422 {@code unknown-category} (no values configured), {@code not-a-beneficiary},
   *     {@code date-in-future}, {@code costs-inconsistent} (insurance plus eligible cost above the total); 404
   *     (as not a beneficiary) when the person's household lies outside the caller's area
   */
  @Transactional
  public Recorded settle(NewSettlement s, RegionScope area, String actor) {
    Optional<MedicalSettlement> existing = byReference(s.settlementReference());
    if (existing.isPresent()) {
      return new Recorded(existing.get(), false);
    }
    MedicalAssistanceProperties.Category values = properties.categories().get(s.category());
    if (values == null) {
      throw ProblemException.unprocessable("unknown-category", "No medical assistance values for category "
          + s.category() + " (relief.medical.categories).");
    }
    if (s.settledOn().isAfter(clock.today())) {
      throw ProblemException.unprocessable("date-in-future", "settledOn is after today.");
    }
    if (s.insurancePaid().add(s.eligibleOutOfPocket()).compareTo(s.totalCost()) > 0) {
      throw ProblemException.unprocessable("costs-inconsistent",
          "insurancePaid + eligibleOutOfPocket is more than totalCost.");
    }
    String regionCode = beneficiaryRegion(s.nationalIdNumber(), s.category())
        .filter(area::covers)
        .orElseThrow(() -> ProblemException.unprocessable("not-a-beneficiary", "The person is not a living member of "
            + (s.category().equals("ALLOWANCE") ? "a household with an active allowance" : "a near-poverty household")
            + " within your area."));
    LocalDate yearStart = s.settledOn().withDayOfYear(1);
    LocalDate yearEnd = yearStart.plusYears(1).minusDays(1);
    BigDecimal[] used = jdbc.sql("""
        SELECT COALESCE(SUM(deductible_applied), 0) AS deductible, COALESCE(SUM(assistance_paid), 0) AS paid
        FROM medical_settlement WHERE national_id_number = ? AND settled_on BETWEEN ? AND ? FOR UPDATE""")
        .params(s.nationalIdNumber(), yearStart, yearEnd)
        .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal("deductible"), rs.getBigDecimal("paid")}).single();
    BigDecimal deductibleLeft = values.deductible().subtract(used[0]).max(BigDecimal.ZERO);
    BigDecimal deductibleApplied = s.eligibleOutOfPocket().min(deductibleLeft).setScale(2, RoundingMode.HALF_UP);
    BigDecimal capLeft = values.annualCap().subtract(used[1]).max(BigDecimal.ZERO);
    BigDecimal paid = s.eligibleOutOfPocket().subtract(deductibleApplied).multiply(values.ratio())
        .min(capLeft).setScale(2, RoundingMode.HALF_UP);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO medical_settlement (region_code, national_id_number, name, category, kind, hospital,
          settlement_reference, settled_on, total_cost, insurance_paid, eligible_out_of_pocket, deductible_applied,
          assistance_paid, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(regionCode, s.nationalIdNumber(), s.name(), s.category(), s.kind(), s.hospital(),
            s.settlementReference(), s.settledOn(), s.totalCost(), s.insurancePaid(), s.eligibleOutOfPocket(),
            deductibleApplied, paid, actor)
        .update(key);
    return new Recorded(byReference(s.settlementReference()).orElseThrow(), true);
  }

  /** A person's settlements, oldest first, if the person's records lie within {@code area}. */
  public List<MedicalSettlement> ofPerson(String nationalIdNumber, RegionScope area) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM medical_settlement WHERE national_id_number = ? AND " + within.sql()
            + " ORDER BY settled_on, id")
        .param(nationalIdNumber).params(within.parameters()).query((rs, n) -> settlement(rs)).list();
  }

  private Optional<String> beneficiaryRegion(String nationalIdNumber, String category) {
    String sql = category.equals("ALLOWANCE")
        ? """
          SELECT h.region_code FROM household_member m JOIN household h ON h.id = m.household_id
            JOIN allowance a ON a.household_id = h.id
          WHERE m.national_id_number = ? AND m.deceased_death_record_id IS NULL AND a.status = 'ACTIVE'"""
        : """
          SELECT h.region_code FROM near_poverty_member m JOIN near_poverty_household h ON h.id = m.near_poverty_id
          WHERE m.national_id_number = ? ORDER BY h.id DESC LIMIT 1""";
    return jdbc.sql(sql).param(nationalIdNumber).query(String.class).optional();
  }

  private Optional<MedicalSettlement> byReference(String reference) {
    return jdbc.sql("SELECT * FROM medical_settlement WHERE settlement_reference = ?").param(reference)
        .query((rs, n) -> settlement(rs)).optional();
  }

  private static MedicalSettlement settlement(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new MedicalSettlement(rs.getLong("id"), rs.getString("region_code"), rs.getString("national_id_number"),
        rs.getString("name"), rs.getString("category"), rs.getString("kind"), rs.getString("hospital"),
        rs.getString("settlement_reference"), rs.getObject("settled_on", LocalDate.class),
        rs.getBigDecimal("total_cost"), rs.getBigDecimal("insurance_paid"), rs.getBigDecimal("eligible_out_of_pocket"),
        rs.getBigDecimal("deductible_applied"), rs.getBigDecimal("assistance_paid"));
  }
}
