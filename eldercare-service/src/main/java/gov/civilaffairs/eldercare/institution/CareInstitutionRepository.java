package gov.civilaffairs.eldercare.institution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gov.civilaffairs.eldercare.SetWiseSql;
import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tables {@code care_institution}, {@code residence} and {@code re_registration_order}. */
@Repository
class CareInstitutionRepository {

  private final JdbcClient jdbc;

  CareInstitutionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String name, CareInstitution.Ownership ownership, String regionCode, String filingNumber, int beds,
      LocalDate registeredOn, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO care_institution (name, ownership, region_code, filing_number, beds, registration_status,
          registered_on, created_at) VALUES (?, ?, ?, ?, ?, 'REGISTERED', ?, ?)""")
        .params(name, ownership.name(), regionCode, filingNumber, beds, registeredOn, now).update(key);
    return key.getKey().longValue();
  }

  Optional<CareInstitution> find(long id) {
    return jdbc.sql("SELECT * FROM care_institution WHERE id = ?").param(id).query(CareInstitution.class).optional();
  }

  /** Locks the institution's row until the transaction ends (admissions count free beds under this lock). */
  void lock(long id) {
    jdbc.sql("SELECT id FROM care_institution WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
  }

  List<CareInstitution> page(RegionScope area, CareInstitution.RegistrationStatus status, long afterId, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM care_institution WHERE " + within.sql()
        + " AND (? IS NULL OR registration_status = ?) AND id > ? ORDER BY id LIMIT ?")
        .params(within.parameters()).param(status == null ? null : status.name())
        .param(status == null ? null : status.name()).param(afterId).param(size)
        .query(CareInstitution.class).list();
  }

  void updateBeds(long id, int beds) {
    jdbc.sql("UPDATE care_institution SET beds = ? WHERE id = ?").params(beds, id).update();
  }

  void updateStars(long id, int stars) {
    jdbc.sql("UPDATE care_institution SET star_rating = ? WHERE id = ?").params(stars, id).update();
  }

  void updateRegistration(long id, CareInstitution.RegistrationStatus status, String filingNumber) {
    jdbc.sql("UPDATE care_institution SET registration_status = ?, filing_number = COALESCE(?, filing_number) WHERE id = ?")
        .params(status.name(), filingNumber, id).update();
  }

  int occupiedBeds(long institutionId) {
    return jdbc.sql("SELECT COUNT(*) FROM residence WHERE institution_id = ? AND discharged_on IS NULL")
        .param(institutionId).query(Integer.class).single();
  }

  // --- residences ---

  long insertResidence(long institutionId, long personId, LocalDate admittedOn) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO residence (institution_id, person_id, admitted_on) VALUES (?, ?, ?)")
        .params(institutionId, personId, admittedOn).update(key, "id");
    return key.getKey().longValue();
  }

  Optional<Residence> findResidence(long id) {
    return jdbc.sql("SELECT * FROM residence WHERE id = ?").param(id).query(Residence.class).optional();
  }

  Optional<Residence> openResidenceOf(long personId) {
    return jdbc.sql("SELECT * FROM residence WHERE person_id = ? AND discharged_on IS NULL").param(personId)
        .query(Residence.class).optional();
  }

  /** The open residences of {@code personIds}, in id order. */
  List<Residence> openResidencesOf(Collection<Long> personIds) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM residence WHERE person_id IN (:ids) AND discharged_on IS NULL ORDER BY id")
        .param("ids", personIds).query(Residence.class).list();
  }

  Optional<Residence> residenceEndedBy(long personId, long deathRecordId) {
    return jdbc.sql("SELECT * FROM residence WHERE person_id = ? AND ended_by_death_record_id = ? ORDER BY id DESC LIMIT 1")
        .params(personId, deathRecordId).query(Residence.class).optional();
  }

  List<Residence> residences(long institutionId, boolean includeDischarged, long afterId, int size) {
    return jdbc.sql("SELECT * FROM residence WHERE institution_id = ? AND (? OR discharged_on IS NULL) AND id > ?"
        + " ORDER BY id LIMIT ?").params(institutionId, includeDischarged, afterId, size)
        .query(Residence.class).list();
  }

  void discharge(long id, LocalDate dischargedOn, Residence.DischargeReason reason, Long deathRecordId) {
    jdbc.sql("UPDATE residence SET discharged_on = ?, discharge_reason = ?, ended_by_death_record_id = ? WHERE id = ?")
        .params(dischargedOn, reason.name(), deathRecordId, id).update();
  }

  /** How a residence ends: the date and the death record that ended it. */
  record Discharge(LocalDate dischargedOn, long deathRecordId) {
  }

  /** {@link #discharge} for each residence id, in one UPDATE (rows locked in id order). */
  void dischargeAll(Map<Long, Discharge> discharges, Residence.DischargeReason reason) {
    if (discharges.isEmpty()) {
      return;
    }
    List<Object> parameters = new ArrayList<>();
    Map<Long, LocalDate> dates = new LinkedHashMap<>();
    Map<Long, Long> deathRecords = new LinkedHashMap<>();
    discharges.forEach((id, discharge) -> {
      dates.put(id, discharge.dischargedOn());
      deathRecords.put(id, discharge.deathRecordId());
    });
    String dischargedOn = SetWiseSql.caseOf("id", dates, parameters);
    parameters.add(reason.name());
    String endedBy = SetWiseSql.caseOf("id", deathRecords, parameters);
    String ids = SetWiseSql.placeholders(discharges.keySet(), parameters);
    jdbc.sql("UPDATE residence SET discharged_on = " + dischargedOn + ", discharge_reason = ?,"
        + " ended_by_death_record_id = " + endedBy + " WHERE id IN (" + ids + ")").params(parameters).update();
  }

  void reopen(long id) {
    jdbc.sql("UPDATE residence SET discharged_on = NULL, discharge_reason = NULL, ended_by_death_record_id = NULL"
        + " WHERE id = ?").param(id).update();
  }

  // --- re-registration orders ---

  long insertReRegistrationOrder(long institutionId, LocalDate orderedOn, String reason, LocalDate deadline) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO re_registration_order (institution_id, ordered_on, reason, deadline, status)
        VALUES (?, ?, ?, ?, 'OPEN')""").params(institutionId, orderedOn, reason, deadline).update(key);
    return key.getKey().longValue();
  }

  Optional<ReRegistrationOrder.Row> openReRegistrationOrder(long institutionId) {
    return jdbc.sql("SELECT * FROM re_registration_order WHERE institution_id = ? AND status = 'OPEN'")
        .param(institutionId).query(ReRegistrationOrder.Row.class).optional();
  }

  List<ReRegistrationOrder.Row> reRegistrationOrders(long institutionId) {
    return jdbc.sql("SELECT * FROM re_registration_order WHERE institution_id = ? ORDER BY id").param(institutionId)
        .query(ReRegistrationOrder.Row.class).list();
  }

  void closeReRegistrationOrder(long orderId, LocalDate reRegisteredOn, String newFilingNumber) {
    jdbc.sql("UPDATE re_registration_order SET status = 'DONE', re_registered_on = ?, new_filing_number = ? WHERE id = ?")
        .params(reRegisteredOn, newFilingNumber, orderId).update();
  }
}
