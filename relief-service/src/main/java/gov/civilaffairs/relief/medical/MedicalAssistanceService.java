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
 *
 * <p>Pre-treatment assistance (医前救助): a beneficiary may be advanced money before treatment (city practice under
 * 国办发〔2021〕42号's call for timely assistance of people in difficulty; verify the city's rule). The advance counts
 * against the yearly cap while open (an advance above what is left of the cap is refused); the person's next
 * settlement of the same category settles it: assistance for that treatment is computed as usual (the advance's room
 * under the cap included), the advance is offset against it ({@code advanceOffset}), the rest is paid at the
 * settlement, and an advance larger than the assistance leaves {@code advanceToRecover}. One open advance per person
 * and category.
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
    // the person's open pre-treatment advance of this category is settled here (its amount is part of what
    // assistance pays for this treatment); open advances count against the yearly cap (see class comment)
    Optional<PreTreatmentAdvance> advance = openAdvance(s.nationalIdNumber(), s.category());
    BigDecimal otherOpenAdvances = openAdvancesTotal(s.nationalIdNumber(), yearStart, yearEnd)
        .subtract(advance.filter(a -> !a.grantedOn().isBefore(yearStart) && !a.grantedOn().isAfter(yearEnd))
            .map(PreTreatmentAdvance::amount).orElse(BigDecimal.ZERO));
    BigDecimal deductibleLeft = values.deductible().subtract(used[0]).max(BigDecimal.ZERO);
    BigDecimal deductibleApplied = s.eligibleOutOfPocket().min(deductibleLeft).setScale(2, RoundingMode.HALF_UP);
    BigDecimal capLeft = values.annualCap().subtract(used[1]).subtract(otherOpenAdvances).max(BigDecimal.ZERO);
    BigDecimal paid = s.eligibleOutOfPocket().subtract(deductibleApplied).multiply(values.ratio())
        .min(capLeft).setScale(2, RoundingMode.HALF_UP);
    BigDecimal advanced = advance.map(PreTreatmentAdvance::amount).orElse(BigDecimal.ZERO);
    BigDecimal offset = advanced.min(paid);
    BigDecimal toRecover = advanced.subtract(offset);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO medical_settlement (region_code, national_id_number, name, category, kind, hospital,
          settlement_reference, settled_on, total_cost, insurance_paid, eligible_out_of_pocket, deductible_applied,
          assistance_paid, advance_id, advance_offset, advance_to_recover, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(regionCode, s.nationalIdNumber(), s.name(), s.category(), s.kind(), s.hospital(),
            s.settlementReference(), s.settledOn(), s.totalCost(), s.insurancePaid(), s.eligibleOutOfPocket(),
            deductibleApplied, paid, advance.map(PreTreatmentAdvance::id).orElse(null), offset, toRecover, actor)
        .update(key);
    advance.ifPresent(a -> jdbc.sql("UPDATE medical_pre_treatment_advance SET status = 'SETTLED', settlement_id = ? "
        + "WHERE id = ?").params(key.getKey().longValue(), a.id()).update());
    return new Recorded(byReference(s.settlementReference()).orElseThrow(), true);
  }

  /** A pre-treatment advance as granted by a caseworker. */
  public record NewAdvance(String nationalIdNumber, String name, String category, String hospital, String reason,
      BigDecimal amount, LocalDate grantedOn) {
  }

  /**
   * Grants a pre-treatment advance (医前救助).
   *
   * @throws ProblemException 422 {@code unknown-category}, {@code not-a-beneficiary} (also outside the caller's
   *     area), {@code date-in-future}, {@code over-annual-cap} (more than what is left of the yearly cap after the
   *     year's settlements and open advances); 409 {@code advance-open} (the person has an open advance of the
   *     category, member {@code advanceId})
   */
  @Transactional
  public PreTreatmentAdvance grantAdvance(NewAdvance a, RegionScope area, String actor) {
    MedicalAssistanceProperties.Category values = properties.categories().get(a.category());
    if (values == null) {
      throw ProblemException.unprocessable("unknown-category", "No medical assistance values for category "
          + a.category() + " (relief.medical.categories).");
    }
    if (a.grantedOn().isAfter(clock.today())) {
      throw ProblemException.unprocessable("date-in-future", "grantedOn is after today.");
    }
    String regionCode = beneficiaryRegion(a.nationalIdNumber(), a.category())
        .filter(area::covers)
        .orElseThrow(() -> ProblemException.unprocessable("not-a-beneficiary", "The person is not a living member of "
            + (a.category().equals("ALLOWANCE") ? "a household with an active allowance" : "a near-poverty household")
            + " within your area."));
    LocalDate yearStart = a.grantedOn().withDayOfYear(1);
    LocalDate yearEnd = yearStart.plusYears(1).minusDays(1);
    BigDecimal paid = jdbc.sql("""
        SELECT COALESCE(SUM(assistance_paid), 0) FROM medical_settlement
        WHERE national_id_number = ? AND settled_on BETWEEN ? AND ? FOR UPDATE""")
        .params(a.nationalIdNumber(), yearStart, yearEnd).query(BigDecimal.class).single();
    Optional<PreTreatmentAdvance> open = openAdvance(a.nationalIdNumber(), a.category());
    if (open.isPresent()) {
      throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "advance-open", "The person has an "
          + "open pre-treatment advance of this category; it is settled against the next settlement first.",
          java.util.Map.of("advanceId", open.get().id()));
    }
    BigDecimal capLeft = values.annualCap().subtract(paid)
        .subtract(openAdvancesTotal(a.nationalIdNumber(), yearStart, yearEnd)).max(BigDecimal.ZERO);
    if (a.amount().compareTo(capLeft) > 0) {
      throw new ProblemException(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "over-annual-cap",
          "amount " + a.amount() + " is more than the " + capLeft + " yuan left of the person's yearly cap.",
          java.util.Map.of("field", "amount", "capLeft", capLeft));
    }
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO medical_pre_treatment_advance (region_code, national_id_number, name, category, hospital, reason,
          amount, granted_on, status, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
        .params(regionCode, a.nationalIdNumber(), a.name(), a.category(), a.hospital(), a.reason(), a.amount(),
            a.grantedOn(), actor)
        .update(key);
    return advance(key.getKey().longValue()).orElseThrow();
  }

  /** A person's advances within {@code area}, oldest first. */
  public List<PreTreatmentAdvance> advancesOf(String nationalIdNumber, RegionScope area) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM medical_pre_treatment_advance WHERE national_id_number = ? AND " + within.sql()
            + " ORDER BY granted_on, id")
        .param(nationalIdNumber).params(within.parameters()).query((rs, n) -> advance(rs)).list();
  }

  private Optional<PreTreatmentAdvance> openAdvance(String nationalIdNumber, String category) {
    return jdbc.sql("SELECT * FROM medical_pre_treatment_advance WHERE national_id_number = ? AND category = ? "
            + "AND status = 'OPEN' ORDER BY id LIMIT 1 FOR UPDATE")
        .params(nationalIdNumber, category).query((rs, n) -> advance(rs)).optional();
  }

  private BigDecimal openAdvancesTotal(String nationalIdNumber, LocalDate from, LocalDate to) {
    return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM medical_pre_treatment_advance WHERE national_id_number = ? "
            + "AND status = 'OPEN' AND granted_on BETWEEN ? AND ?")
        .params(nationalIdNumber, from, to).query(BigDecimal.class).single();
  }

  private Optional<PreTreatmentAdvance> advance(long id) {
    return jdbc.sql("SELECT * FROM medical_pre_treatment_advance WHERE id = ?").param(id)
        .query((rs, n) -> advance(rs)).optional();
  }

  private static PreTreatmentAdvance advance(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new PreTreatmentAdvance(rs.getLong("id"), rs.getString("region_code"), rs.getString("national_id_number"),
        rs.getString("name"), rs.getString("category"), rs.getString("hospital"), rs.getString("reason"),
        rs.getBigDecimal("amount"), rs.getObject("granted_on", LocalDate.class), rs.getString("status"),
        rs.getObject("settlement_id") == null ? null : rs.getLong("settlement_id"));
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

  static MedicalSettlement settlement(java.sql.ResultSet rs) throws java.sql.SQLException {
    BigDecimal paid = rs.getBigDecimal("assistance_paid");
    BigDecimal offset = rs.getBigDecimal("advance_offset");
    return new MedicalSettlement(rs.getLong("id"), rs.getString("region_code"), rs.getString("national_id_number"),
        rs.getString("name"), rs.getString("category"), rs.getString("kind"), rs.getString("hospital"),
        rs.getString("settlement_reference"), rs.getObject("settled_on", LocalDate.class),
        rs.getBigDecimal("total_cost"), rs.getBigDecimal("insurance_paid"), rs.getBigDecimal("eligible_out_of_pocket"),
        rs.getBigDecimal("deductible_applied"), paid,
        rs.getObject("advance_id") == null ? null : rs.getLong("advance_id"), offset,
        rs.getBigDecimal("advance_to_recover"), paid.subtract(offset),
        rs.getObject("approval_batch_id") == null ? null : rs.getLong("approval_batch_id"));
  }
}
