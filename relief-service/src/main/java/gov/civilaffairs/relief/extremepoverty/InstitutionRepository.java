package gov.civilaffairs.relief.extremepoverty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Support institutions, residences and institution links (tables of the V41 migration). */
@Repository
class InstitutionRepository {

  private static final String INSTITUTION = """
      SELECT i.id, i.region_code, i.name, i.beds,
        (SELECT COUNT(*) FROM institution_residence r WHERE r.institution_id = i.id AND r.discharged_on IS NULL) AS occupied
      FROM support_institution i""";
  private static final String RESIDENCE = """
      SELECT r.*, c.national_id_number, c.name FROM institution_residence r JOIN extreme_poverty_case c ON c.id = r.case_id""";

  private final JdbcClient jdbc;

  InstitutionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insertInstitution(String regionCode, String name, int beds, String by) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO support_institution (region_code, name, beds, created_by) VALUES (?, ?, ?, ?)")
        .params(regionCode, name, beds, by).update(key);
    return key.getKey().longValue();
  }

  boolean institutionNamed(String regionCode, String name) {
    return jdbc.sql("SELECT COUNT(*) FROM support_institution WHERE region_code = ? AND name = ?")
        .params(regionCode, name).query(Long.class).single() > 0;
  }

  Optional<SupportInstitution> institution(long id) {
    return jdbc.sql(INSTITUTION + " WHERE i.id = ?").param(id).query((rs, n) -> institution(rs)).optional();
  }

  /** Locks the institution's row: admissions to one institution are serialised (the free-bed check). */
  void lockInstitution(long id) {
    jdbc.sql("SELECT id FROM support_institution WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
  }

  List<SupportInstitution> institutions(RegionScope area, int page, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("i.region_code");
    return jdbc.sql(INSTITUTION + " WHERE " + within.sql() + " ORDER BY i.id LIMIT ? OFFSET ?")
        .params(within.parameters()).param(size).param(page * size).query((rs, n) -> institution(rs)).list();
  }

  void beds(long id, int beds) {
    jdbc.sql("UPDATE support_institution SET beds = ? WHERE id = ?").params(beds, id).update();
  }

  long admit(long institutionId, long caseId, LocalDate on, String by) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO institution_residence (institution_id, case_id, admitted_on, admitted_by) VALUES (?, ?, ?, ?)")
        .params(institutionId, caseId, on, by).update(key);
    return key.getKey().longValue();
  }

  void discharge(long residenceId, LocalDate on, Residence.DischargeReason reason, String note, Long deathRecordId) {
    jdbc.sql("""
        UPDATE institution_residence SET discharged_on = ?, discharge_reason = ?, discharge_note = ?, death_record_id = ?
        WHERE id = ?""").params(on, reason.name(), note, deathRecordId, residenceId).update();
  }

  Optional<Residence> residence(long id) {
    return jdbc.sql(RESIDENCE + " WHERE r.id = ?").param(id).query((rs, n) -> residence(rs)).optional();
  }

  /** The case's current stay, if any. */
  Optional<Residence> currentResidence(long caseId) {
    return jdbc.sql(RESIDENCE + " WHERE r.case_id = ? AND r.discharged_on IS NULL").param(caseId)
        .query((rs, n) -> residence(rs)).optional();
  }

  List<Residence> residencesOfCase(long caseId) {
    return jdbc.sql(RESIDENCE + " WHERE r.case_id = ? ORDER BY r.id").param(caseId).query((rs, n) -> residence(rs))
        .list();
  }

  List<Residence> residents(long institutionId, boolean currentOnly, int page, int size) {
    return jdbc.sql(RESIDENCE + " WHERE r.institution_id = ?" + (currentOnly ? " AND r.discharged_on IS NULL" : "")
            + " ORDER BY r.id LIMIT ? OFFSET ?")
        .param(institutionId).param(size).param(page * size).query((rs, n) -> residence(rs)).list();
  }

  long link(long institutionId, long caseId, InstitutionLink.Reason reason, LocalDate on, String by) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO institution_link (institution_id, case_id, reason, linked_on, linked_by) VALUES (?, ?, ?, ?, ?)")
        .params(institutionId, caseId, reason.name(), on, by).update(key);
    return key.getKey().longValue();
  }

  Optional<InstitutionLink> currentLink(long caseId) {
    return jdbc.sql("SELECT * FROM institution_link WHERE case_id = ? AND ended_on IS NULL").param(caseId)
        .query((rs, n) -> link(rs)).optional();
  }

  List<InstitutionLink> linksOfCase(long caseId) {
    return jdbc.sql("SELECT * FROM institution_link WHERE case_id = ? ORDER BY id").param(caseId)
        .query((rs, n) -> link(rs)).list();
  }

  void endLink(long linkId, LocalDate on) {
    jdbc.sql("UPDATE institution_link SET ended_on = ? WHERE id = ?").params(on, linkId).update();
  }

  /** Counts of the rates: persons by the case's region, beds by the institution's region. */
  SupportRates rates(RegionScope area, String regionCode) {
    RegionScope.SqlPredicate persons = area.sqlPredicate("c.region_code");
    record Counts(long supported, long institutional, long linked, long noSelfCare, long noSelfCareInstitutional) {
    }
    Counts counts = jdbc.sql("""
        SELECT COUNT(*) AS supported,
          COALESCE(SUM(c.support_mode = 'INSTITUTIONAL'), 0) AS institutional,
          COALESCE(SUM(c.support_mode = 'HOME' AND EXISTS (SELECT 1 FROM institution_link l
            WHERE l.case_id = c.id AND l.ended_on IS NULL)), 0) AS linked,
          COALESCE(SUM(c.care_level = 'NO_SELF_CARE'), 0) AS no_self_care,
          COALESCE(SUM(c.care_level = 'NO_SELF_CARE' AND c.support_mode = 'INSTITUTIONAL'), 0) AS no_self_care_inst
        FROM extreme_poverty_case c WHERE c.status = 'SUPPORTED'""" + " AND " + persons.sql())
        .params(persons.parameters())
        .query((rs, n) -> new Counts(rs.getLong("supported"), rs.getLong("institutional"), rs.getLong("linked"),
            rs.getLong("no_self_care"), rs.getLong("no_self_care_inst"))).single();
    RegionScope.SqlPredicate institutions = area.sqlPredicate("i.region_code");
    long[] beds = jdbc.sql("SELECT COALESCE(SUM(i.beds), 0), (SELECT COUNT(*) FROM institution_residence r JOIN "
            + "support_institution i ON i.id = r.institution_id WHERE r.discharged_on IS NULL AND " + institutions.sql()
            + ") FROM support_institution i WHERE " + institutions.sql())
        .params(institutions.parameters()).params(institutions.parameters())
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    return new SupportRates(regionCode, counts.supported(), counts.institutional(),
        counts.supported() - counts.institutional(), counts.linked(), counts.noSelfCare(),
        counts.noSelfCareInstitutional(), beds[0], beds[1], SupportRates.rate(counts.institutional(), counts.supported()),
        SupportRates.rate(beds[1], beds[0]), SupportRates.rate(counts.noSelfCareInstitutional(), counts.noSelfCare()));
  }

  private static SupportInstitution institution(ResultSet rs) throws SQLException {
    return new SupportInstitution(rs.getLong("id"), rs.getString("region_code"), rs.getString("name"),
        rs.getInt("beds"), rs.getInt("occupied"));
  }

  private static Residence residence(ResultSet rs) throws SQLException {
    return new Residence(rs.getLong("id"), rs.getLong("institution_id"), rs.getLong("case_id"),
        rs.getString("national_id_number"), rs.getString("name"), rs.getObject("admitted_on", LocalDate.class),
        rs.getString("admitted_by"), rs.getObject("discharged_on", LocalDate.class),
        rs.getString("discharge_reason") == null ? null
            : Residence.DischargeReason.valueOf(rs.getString("discharge_reason")),
        rs.getString("discharge_note"), rs.getObject("death_record_id", Long.class));
  }

  private static InstitutionLink link(ResultSet rs) throws SQLException {
    return new InstitutionLink(rs.getLong("id"), rs.getLong("institution_id"), rs.getLong("case_id"),
        InstitutionLink.Reason.valueOf(rs.getString("reason")), rs.getObject("linked_on", LocalDate.class),
        rs.getString("linked_by"), rs.getObject("ended_on", LocalDate.class));
  }
}
