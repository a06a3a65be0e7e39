package gov.civilaffairs.veterans.certificate;

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

/** Rows of {@code certificate} and {@code category_evidence}. Instants are stored in UTC. */
@Repository
class CertificateRepository {

  private static final String CERTIFICATE_COLUMNS = "id, entitled_person_id, type, number, issued_on, status, "
      + "replaces_id, replacement_reason, revoked_by_death_record_id, revoked_at, issued_by";
  private static final String EVIDENCE_COLUMNS = "id, entitled_person_id, document_type, reference, "
      + "issuing_authority, issued_on, recorded_by, recorded_at";

  private final JdbcClient jdbc;

  CertificateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a VALID certificate; a number already used for the type fails with DuplicateKeyException. */
  long insertCertificate(long personId, CertificateType type, String number, LocalDate issuedOn, Long replacesId,
      ReplacementReason reason, String issuedBy, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO certificate (entitled_person_id, type, number, issued_on, status, replaces_id, replacement_reason,
          issued_by, created_at)
        VALUES (?, ?, ?, ?, 'VALID', ?, ?, ?, ?)""")
        .params(personId, type.name(), number, issuedOn, replacesId, reason == null ? null : reason.name(), issuedBy,
            utc(now))
        .update(key);
    return key.getKey().longValue();
  }

  Optional<Certificate> findCertificate(long id, boolean forUpdate) {
    return jdbc.sql("SELECT " + CERTIFICATE_COLUMNS + " FROM certificate WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))
        .param(id).query(CertificateRepository::certificate).optional();
  }

  Optional<Certificate> findReplacementOf(long id) {
    return jdbc.sql("SELECT " + CERTIFICATE_COLUMNS + " FROM certificate WHERE replaces_id = ?").param(id)
        .query(CertificateRepository::certificate).optional();
  }

  List<Certificate> certificatesOf(long personId) {
    return jdbc.sql("SELECT " + CERTIFICATE_COLUMNS + " FROM certificate WHERE entitled_person_id = ? ORDER BY id")
        .param(personId).query(CertificateRepository::certificate).list();
  }

  void markReplaced(long id) {
    jdbc.sql("UPDATE certificate SET status = 'REPLACED' WHERE id = ? AND status = 'VALID'").param(id).update();
  }

  /** Revokes the person's VALID certificates of the types given for a death record; returns how many. */
  int revokeForDeath(long personId, List<String> types, long deathRecordId, Instant now) {
    if (types.isEmpty()) {
      return 0;
    }
    return jdbc.sql("""
        UPDATE certificate SET status = 'REVOKED', revoked_by_death_record_id = :deathRecordId, revoked_at = :now
        WHERE entitled_person_id = :personId AND status = 'VALID' AND type IN (:types)""")
        .param("deathRecordId", deathRecordId).param("now", utc(now)).param("personId", personId)
        .param("types", types).update();
  }

  /** Restores the certificates a revoked death record revoked; returns how many. */
  int restoreAfterRevocation(long personId, long deathRecordId) {
    return jdbc.sql("""
        UPDATE certificate SET status = 'VALID', revoked_by_death_record_id = NULL, revoked_at = NULL
        WHERE entitled_person_id = ? AND status = 'REVOKED' AND revoked_by_death_record_id = ?""")
        .params(personId, deathRecordId).update();
  }

  /** Inserts evidence; the same type and reference for the person again fails with DuplicateKeyException. */
  long insertEvidence(long personId, EvidenceType type, String reference, String authority, LocalDate issuedOn,
      String recordedBy, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO category_evidence (entitled_person_id, document_type, reference, issuing_authority, issued_on,
          recorded_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(personId, type.name(), reference, authority, issuedOn, recordedBy, utc(now)).update(key);
    return key.getKey().longValue();
  }

  Optional<Evidence> findEvidence(long personId, EvidenceType type, String reference) {
    return jdbc.sql("SELECT " + EVIDENCE_COLUMNS + " FROM category_evidence WHERE entitled_person_id = ? "
            + "AND document_type = ? AND reference = ?")
        .params(personId, type.name(), reference).query(CertificateRepository::evidence).optional();
  }

  Optional<Evidence> findEvidence(long id) {
    return jdbc.sql("SELECT " + EVIDENCE_COLUMNS + " FROM category_evidence WHERE id = ?").param(id)
        .query(CertificateRepository::evidence).optional();
  }

  List<Evidence> evidenceOf(long personId) {
    return jdbc.sql("SELECT " + EVIDENCE_COLUMNS + " FROM category_evidence WHERE entitled_person_id = ? ORDER BY id")
        .param(personId).query(CertificateRepository::evidence).list();
  }

  private static Certificate certificate(ResultSet rs, int row) throws SQLException {
    String reason = rs.getString("replacement_reason");
    return new Certificate(rs.getLong("id"), rs.getLong("entitled_person_id"),
        CertificateType.valueOf(rs.getString("type")), rs.getString("number"),
        rs.getObject("issued_on", LocalDate.class), CertificateStatus.valueOf(rs.getString("status")),
        rs.getObject("replaces_id", Long.class), reason == null ? null : ReplacementReason.valueOf(reason),
        rs.getObject("revoked_by_death_record_id", Long.class), instant(rs, "revoked_at"), rs.getString("issued_by"));
  }

  private static Evidence evidence(ResultSet rs, int row) throws SQLException {
    return new Evidence(rs.getLong("id"), rs.getLong("entitled_person_id"),
        EvidenceType.valueOf(rs.getString("document_type")), rs.getString("reference"),
        rs.getString("issuing_authority"), rs.getObject("issued_on", LocalDate.class), rs.getString("recorded_by"),
        instant(rs, "recorded_at"));
  }

  private static LocalDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDateTime();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
