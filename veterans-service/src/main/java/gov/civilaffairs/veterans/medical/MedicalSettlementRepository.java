package gov.civilaffairs.veterans.medical;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of {@code medical_settlement}. Instants are stored in UTC. */
@Repository
class MedicalSettlementRepository {

  private static final String COLUMNS = "id, entitled_person_id, hospital_code, hospital_name, settlement_reference, "
      + "care_type, admitted_on, discharged_on, settled_on, total_cost, insurance_paid, critical_illness_paid, "
      + "medical_assistance_paid, self_paid_before, veterans_subsidy, self_paid, basis, recorded_by, recorded_at";

  private final JdbcClient jdbc;

  MedicalSettlementRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a settlement; the same hospital and reference again fails with DuplicateKeyException. */
  long insert(long personId, NewMedicalSettlement s, BigDecimal selfPaidBefore, BigDecimal subsidy, String basis,
      String recordedBy, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO medical_settlement (entitled_person_id, hospital_code, hospital_name, settlement_reference, care_type,
          admitted_on, discharged_on, settled_on, total_cost, insurance_paid, critical_illness_paid,
          medical_assistance_paid, self_paid_before, veterans_subsidy, self_paid, basis, recorded_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(personId, s.hospitalCode(), s.hospitalName(), s.settlementReference(), s.careType().name(),
            s.admittedOn(), s.dischargedOn(), s.settledOn(), s.totalCost(), s.insurancePaid(), s.criticalIllnessPaid(),
            s.medicalAssistancePaid(), selfPaidBefore, subsidy, selfPaidBefore.subtract(subsidy), basis, recordedBy,
            now.atOffset(ZoneOffset.UTC).toLocalDateTime())
        .update(key);
    return key.getKey().longValue();
  }

  Optional<MedicalSettlement> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM medical_settlement WHERE id = ?").param(id)
        .query(MedicalSettlementRepository::settlement).optional();
  }

  Optional<MedicalSettlement> find(String hospitalCode, String settlementReference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM medical_settlement WHERE hospital_code = ? AND settlement_reference = ?")
        .params(hospitalCode, settlementReference).query(MedicalSettlementRepository::settlement).optional();
  }

  List<MedicalSettlement> ofPerson(long personId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM medical_settlement WHERE entitled_person_id = ? ORDER BY settled_on, id")
        .param(personId).query(MedicalSettlementRepository::settlement).list();
  }

  /** Veterans' medical subsidy the person had in settlements dated in the calendar year. */
  BigDecimal subsidisedInYear(long personId, int year) {
    return jdbc.sql("SELECT COALESCE(SUM(veterans_subsidy), 0) FROM medical_settlement WHERE entitled_person_id = ? "
            + "AND settled_on >= ? AND settled_on < ?")
        .params(personId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
        .query(BigDecimal.class).single().setScale(2);
  }

  private static MedicalSettlement settlement(ResultSet rs, int row) throws SQLException {
    LocalDateTime recorded = rs.getObject("recorded_at", LocalDateTime.class);
    return new MedicalSettlement(rs.getLong("id"), rs.getLong("entitled_person_id"), rs.getString("hospital_code"),
        rs.getString("hospital_name"), rs.getString("settlement_reference"), CareType.valueOf(rs.getString("care_type")),
        rs.getObject("admitted_on", LocalDate.class), rs.getObject("discharged_on", LocalDate.class),
        rs.getObject("settled_on", LocalDate.class), rs.getBigDecimal("total_cost"), rs.getBigDecimal("insurance_paid"),
        rs.getBigDecimal("critical_illness_paid"), rs.getBigDecimal("medical_assistance_paid"),
        rs.getBigDecimal("self_paid_before"), rs.getBigDecimal("veterans_subsidy"), rs.getBigDecimal("self_paid"),
        rs.getString("basis"), rs.getString("recorded_by"), recorded.toInstant(ZoneOffset.UTC));
  }
}
