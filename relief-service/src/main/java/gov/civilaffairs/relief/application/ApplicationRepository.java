package gov.civilaffairs.relief.application;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.Relation;
import gov.civilaffairs.relief.person.PersonStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Applications in {@code allowance_application} and its member, photo and step tables (V10 migration).
 */
@Repository
class ApplicationRepository {

  private final JdbcClient jdbc;

  ApplicationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records an event as applied (table {@code processed_event}, V4), in the caller's transaction.
   *
   * @return false if it was applied before
   */
  boolean markProcessed(java.util.UUID eventId, String eventType) {
    return jdbc.sql("INSERT IGNORE INTO processed_event (event_id, event_type) VALUES (?, ?)")
        .params(eventId.toString(), eventType).update() == 1;
  }

  long insert(String regionCode, Area area, LocalDate receivedOn, LocalDate dueOn, RegistryCheck registryCheck,
      String consentReference, LocalDate consentSignedOn, String createdBy) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO allowance_application (region_code, area, status, received_on, due_on, registry_check,
          registry_checked_at, consent_reference, consent_signed_on, created_by)
        VALUES (?, ?, 'VERIFICATION', ?, ?, ?, CURRENT_TIMESTAMP(6), ?, ?, ?)""")
        .params(regionCode, area.name(), receivedOn, dueOn, registryCheck.name(), consentReference,
            consentSignedOn, createdBy)
        .update(key);
    return key.getKey().longValue();
  }

  void insertMember(long applicationId, String nationalIdNumber, String name, Relation relation,
      PersonStatus registryStatus) {
    jdbc.sql("""
        INSERT INTO allowance_application_member (application_id, national_id_number, name, relation, registry_status)
        VALUES (?, ?, ?, ?, ?)""")
        .params(applicationId, nationalIdNumber, name, relation.name(), registryStatus.name()).update();
  }

  void step(long applicationId, String step, String outcome, String actor, String note) {
    jdbc.sql("INSERT INTO allowance_application_step (application_id, step, outcome, actor, note) VALUES (?, ?, ?, ?, ?)")
        .params(applicationId, step, outcome, actor, note).update();
  }

  /** Locks the application's row for the rest of the transaction (one step at a time). */
  Optional<AllowanceApplication> findForUpdate(long id) {
    return jdbc.sql("SELECT * FROM allowance_application WHERE id = ? FOR UPDATE").param(id)
        .query((rs, n) -> application(rs)).optional();
  }

  Optional<AllowanceApplication> find(long id) {
    return jdbc.sql("SELECT * FROM allowance_application WHERE id = ?").param(id)
        .query((rs, n) -> application(rs)).optional();
  }

  /** A page of the applications within {@code area}, optionally of one status, ordered by id. */
  List<AllowanceApplication> list(RegionScope area, ApplicationStatus status, int page, int size) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    String byStatus = status == null ? "" : " AND status = '" + status.name() + "'";
    return jdbc.sql("SELECT * FROM allowance_application WHERE " + within.sql() + byStatus
            + " ORDER BY id LIMIT ? OFFSET ?")
        .params(within.parameters()).param(size).param(page * size)
        .query((rs, n) -> application(rs)).list();
  }

  /** Open applications within {@code area} whose due date is before {@code today}, by township then due date. */
  List<AllowanceApplication> overdue(RegionScope area, LocalDate today) {
    RegionScope.SqlPredicate within = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM allowance_application WHERE " + within.sql()
            + " AND status NOT IN ('CONFIRMED', 'REFUSED') AND due_on < ? ORDER BY LEFT(region_code, 9), due_on, id")
        .params(within.parameters()).param(today)
        .query((rs, n) -> application(rs)).list();
  }

  /** Ids of applications whose registry check is pending, or whose verification request was never accepted. */
  List<Long> pendingRetries() {
    return jdbc.sql("""
        SELECT id FROM allowance_application
        WHERE status NOT IN ('CONFIRMED', 'REFUSED')
          AND (registry_check = 'PENDING'
               OR (status = 'VERIFICATION' AND verification_request_id IS NULL AND verification_outcome IS NULL
                   AND verification_error IS NULL))
        ORDER BY id""").query(Long.class).list();
  }

  /**
   * The national ID numbers among the given ones that are already covered: a living member of a household
   * whose allowance is active, or a member of another open application.
   */
  List<String> coveredIdNumbers(List<String> numbers) {
    return jdbc.sql("""
        SELECT m.national_id_number FROM household_member m JOIN allowance a ON a.household_id = m.household_id
        WHERE m.national_id_number IN (:numbers) AND m.deceased_death_record_id IS NULL AND a.status = 'ACTIVE'
        UNION
        SELECT am.national_id_number FROM allowance_application_member am
          JOIN allowance_application ap ON ap.id = am.application_id
        WHERE am.national_id_number IN (:numbers) AND ap.status NOT IN ('CONFIRMED', 'REFUSED')""")
        .param("numbers", numbers).query(String.class).list();
  }

  void updateRegistryCheck(long id, RegistryCheck check) {
    jdbc.sql("UPDATE allowance_application SET registry_check = ?, registry_checked_at = CURRENT_TIMESTAMP(6) WHERE id = ?")
        .params(check.name(), id).update();
  }

  void updateMemberStatus(long applicationId, String nationalIdNumber, PersonStatus status) {
    jdbc.sql("UPDATE allowance_application_member SET registry_status = ? WHERE application_id = ? AND national_id_number = ?")
        .params(status.name(), applicationId, nationalIdNumber).update();
  }

  /** Records the id income-verification-service gave the request, unless one is recorded already. */
  void recordVerificationRequest(long id, long requestId) {
    jdbc.sql("UPDATE allowance_application SET verification_request_id = ? WHERE id = ? AND verification_request_id IS NULL")
        .params(requestId, id).update();
  }

  /** Forgets the previous verification request, its report and error (a new request follows). */
  void clearVerification(long id) {
    jdbc.sql("""
        UPDATE allowance_application SET verification_request_id = NULL, verification_error = NULL,
          verification_outcome = NULL, verification_rule = NULL, verification_explanation = NULL,
          verified_monthly_income = NULL, verified_living_members = NULL
        WHERE id = ?""").param(id).update();
  }

  void recordVerificationError(long id, String error) {
    jdbc.sql("UPDATE allowance_application SET verification_error = ? WHERE id = ?").params(error, id).update();
  }

  void recordVerification(long id, long requestId, AllowanceApplication.Verification report, ApplicationStatus next) {
    jdbc.sql("""
        UPDATE allowance_application SET verification_request_id = ?, verification_outcome = ?, verification_rule = ?,
          verification_explanation = ?, verified_monthly_income = ?, verified_living_members = ?, status = ?,
          verification_error = NULL
        WHERE id = ?""")
        .params(requestId, report.outcome(), report.rule(), report.explanation(), report.householdMonthlyIncome(),
            report.livingMembers(), next.name(), id)
        .update();
  }

  void recordInvestigation(long id, String findings, LocalDate investigatedOn, BigDecimal assessedMonthlyIncome,
      List<String> photoReferences) {
    jdbc.sql("""
        UPDATE allowance_application SET investigation_findings = ?, investigated_on = ?, assessed_monthly_income = ?,
          status = 'FIRST_REVIEW'
        WHERE id = ?""")
        .params(findings, investigatedOn, assessedMonthlyIncome, id).update();
    photoReferences.forEach(reference -> jdbc.sql(
            "INSERT INTO allowance_application_photo (application_id, reference) VALUES (?, ?)")
        .params(id, reference).update());
  }

  void moveTo(long id, ApplicationStatus status) {
    jdbc.sql("UPDATE allowance_application SET status = ? WHERE id = ?").params(status.name(), id).update();
  }

  void requestCommunityReview(long id) {
    jdbc.sql("UPDATE allowance_application SET status = 'COMMUNITY_REVIEW', community_review_requested = TRUE WHERE id = ?")
        .param(id).update();
  }

  void startNotice(long id, LocalDate startsOn, LocalDate endsOn) {
    jdbc.sql("UPDATE allowance_application SET status = 'PUBLIC_NOTICE', notice_starts_on = ?, notice_ends_on = ? WHERE id = ?")
        .params(startsOn, endsOn, id).update();
  }

  /** An objection: back to the home investigation, the notice and the previous investigation cleared. */
  void backToInvestigation(long id) {
    jdbc.sql("""
        UPDATE allowance_application SET status = 'HOME_INVESTIGATION', notice_starts_on = NULL, notice_ends_on = NULL
        WHERE id = ?""").param(id).update();
  }

  void refuse(long id, String step, String reason, LocalDate decidedOn) {
    jdbc.sql("""
        UPDATE allowance_application SET status = 'REFUSED', refusal_step = ?, refusal_reason = ?, decided_on = ?
        WHERE id = ?""").params(step, reason, decidedOn, id).update();
  }

  void confirm(long id, LocalDate decidedOn, long householdId, YearMonth startMonth) {
    jdbc.sql("""
        UPDATE allowance_application SET status = 'CONFIRMED', decided_on = ?, household_id = ?, start_month = ?
        WHERE id = ?""").params(decidedOn, householdId, startMonth.atDay(1), id).update();
  }

  private AllowanceApplication application(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    String outcome = rs.getString("verification_outcome");
    AllowanceApplication.Verification verification = outcome == null ? null : new AllowanceApplication.Verification(
        outcome, rs.getString("verification_rule"), rs.getString("verification_explanation"),
        rs.getBigDecimal("verified_monthly_income"), (Integer) rs.getObject("verified_living_members", Integer.class));
    return new AllowanceApplication(id, rs.getString("region_code"), Area.valueOf(rs.getString("area")),
        ApplicationStatus.valueOf(rs.getString("status")), date(rs, "received_on"), date(rs, "due_on"),
        RegistryCheck.valueOf(rs.getString("registry_check")), rs.getString("consent_reference"),
        date(rs, "consent_signed_on"), (Long) rs.getObject("verification_request_id", Long.class),
        rs.getString("verification_error"), verification, rs.getBigDecimal("assessed_monthly_income"),
        rs.getString("investigation_findings"), date(rs, "investigated_on"),
        rs.getBoolean("community_review_requested"), date(rs, "notice_starts_on"), date(rs, "notice_ends_on"),
        date(rs, "decided_on"), rs.getString("refusal_step"), rs.getString("refusal_reason"),
        (Long) rs.getObject("household_id", Long.class),
        rs.getObject("start_month", LocalDate.class) == null ? null : YearMonth.from(rs.getObject("start_month", LocalDate.class)),
        rs.getString("created_by"), instant(rs, "created_at"), members(id), photos(id), steps(id));
  }

  private List<AllowanceApplication.ApplicantMember> members(long applicationId) {
    return jdbc.sql("SELECT * FROM allowance_application_member WHERE application_id = ? ORDER BY id")
        .param(applicationId)
        .query((rs, n) -> new AllowanceApplication.ApplicantMember(rs.getString("national_id_number"),
            rs.getString("name"), Relation.valueOf(rs.getString("relation")),
            PersonStatus.valueOf(rs.getString("registry_status"))))
        .list();
  }

  private List<String> photos(long applicationId) {
    return jdbc.sql("SELECT reference FROM allowance_application_photo WHERE application_id = ? ORDER BY id")
        .param(applicationId).query(String.class).list();
  }

  private List<AllowanceApplication.Step> steps(long applicationId) {
    return jdbc.sql("SELECT * FROM allowance_application_step WHERE application_id = ? ORDER BY id")
        .param(applicationId)
        .query((rs, n) -> new AllowanceApplication.Step(rs.getString("step"), rs.getString("outcome"),
            rs.getString("actor"), rs.getString("note"), instant(rs, "recorded_at")))
        .list();
  }

  /** Stored UTC (the connection's session zone is UTC). */
  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }
}
