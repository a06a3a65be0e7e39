package gov.civilaffairs.incomeverification.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import gov.civilaffairs.incomeverification.department.Finding;
import gov.civilaffairs.incomeverification.department.Source;
import gov.civilaffairs.incomeverification.department.SourceResult;
import gov.civilaffairs.platform.security.RegionScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Verification requests, their members, the departments' latest outcomes and findings (plain JDBC). */
@Repository
class VerificationRepository {

  private final JdbcClient jdbc;

  VerificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a new {@code PENDING} request with its members.
   *
   * @throws org.springframework.dao.DuplicateKeyException if the household already has a pending request
   *     for the purpose
   */
  @Transactional
  long insert(VerificationRequest request) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO verification_request (household_id, residence, purpose, consent_reference, consent_signed_on,
              status, pending_key, requested_by, requested_at, retry_until, region_code)
            VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?)""")
        .params(request.householdId(), request.residence().name(), request.purpose().name(),
            request.consent().documentReference(), request.consent().signedOn(), pendingKey(request),
            request.requestedBy(), utc(request.requestedAt()), utc(request.retryUntil()), request.regionCode())
        .update(key);
    long id = key.getKey().longValue();
    for (int position = 0; position < request.members().size(); position++) {
      jdbc.sql("INSERT INTO verification_member (request_id, position, national_id_number) VALUES (?, ?, ?)")
          .params(id, position, request.members().get(position))
          .update();
    }
    return id;
  }

  /** The id of the household's pending request for the purpose, if any. */
  Optional<Long> pendingFor(String householdId, Purpose purpose) {
    return jdbc.sql("SELECT id FROM verification_request WHERE pending_key = ?")
        .param(householdId + "|" + purpose.name())
        .query(Long.class)
        .optional();
  }

  Optional<VerificationRequest> find(long id) {
    List<String> members = jdbc.sql(
            "SELECT national_id_number FROM verification_member WHERE request_id = ? ORDER BY position")
        .param(id).query(String.class).list();
    return jdbc.sql("SELECT * FROM verification_request WHERE id = ?")
        .param(id)
        .query((rs, row) -> request(rs, members))
        .optional();
  }

  /** Ids of pending requests, oldest first. */
  List<Long> pending() {
    return jdbc.sql("SELECT id FROM verification_request WHERE status = 'PENDING' ORDER BY id")
        .query(Long.class).list();
  }

  /**
   * Ids of pending requests whose only member is one of the persons, in one query (a poll of death events,
   * issue 4).
   *
   * @param nationalIdNumbers not empty
   * @return request ids (oldest first) by the sole member's ID number as {@code national_id_number} compares it
   *     (upper case: the column's collation ignores the case of {@code x}); persons without such a request absent
   */
  Map<String, List<Long>> pendingConcerningOnlyAny(Collection<String> nationalIdNumbers) {
    Map<String, List<Long>> byPerson = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT r.id, m.national_id_number FROM verification_request r
            JOIN verification_member m ON m.request_id = r.id
            WHERE r.status = 'PENDING' AND m.national_id_number IN (:ids)
              AND NOT EXISTS (SELECT 1 FROM verification_member o
                              WHERE o.request_id = r.id AND o.national_id_number <> m.national_id_number)
            ORDER BY r.id""")
        .param("ids", nationalIdNumbers)
        .query((rs, row) -> byPerson.computeIfAbsent(rs.getString(2).toUpperCase(Locale.ROOT),
            person -> new ArrayList<>()).add(rs.getLong(1)))
        .list();
    return byPerson;
  }

  /**
   * Replaces the source's outcome and findings for the request, counting one more query.
   *
   * <p>Read committed: under InnoDB's default (repeatable read) the {@code DELETE} of a request's findings
   * that do not exist yet locks the gap at the end of {@code ix_finding_request}, which every concurrent
   * request shares, and the inserts that follow deadlock (found by {@code VerificationBenchmark} with four
   * requests at once). The row of {@code source_result} still serialises two saves of the same source.
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  void saveResult(long requestId, SourceResult result, Instant at) {
    jdbc.sql("""
            INSERT INTO source_result (request_id, source, status, record_count, queries, detail, latency_ms, queried_at)
            VALUES (:request, :source, :status, :records, 1, :detail, :latency, :at)
            ON DUPLICATE KEY UPDATE status = VALUES(status), record_count = VALUES(record_count),
              queries = queries + 1, detail = VALUES(detail), latency_ms = VALUES(latency_ms),
              queried_at = VALUES(queried_at)""")
        .param("request", requestId).param("source", result.source().name()).param("status", result.status().name())
        .param("records", result.findings().size()).param("detail", result.detail())
        .param("latency", result.latency().toMillis()).param("at", utc(at))
        .update();
    jdbc.sql("DELETE FROM finding WHERE request_id = ? AND source = ?")
        .params(requestId, result.source().name()).update();
    for (Finding finding : result.findings()) {
      jdbc.sql("""
              INSERT INTO finding (request_id, source, national_id_number, category, amount)
              VALUES (?, ?, ?, ?, ?)""")
          .params(requestId, result.source().name(), finding.nationalIdNumber(), finding.category().name(),
              finding.amount())
          .update();
    }
  }

  List<DepartmentQuery> departmentQueries(long requestId) {
    return jdbc.sql("SELECT * FROM source_result WHERE request_id = ? ORDER BY source")
        .param(requestId)
        .query((rs, row) -> new DepartmentQuery(Source.valueOf(rs.getString("source")),
            SourceResult.Status.valueOf(rs.getString("status")), rs.getInt("record_count"), rs.getInt("queries"),
            rs.getString("detail"), Duration.ofMillis(rs.getLong("latency_ms")),
            instant(rs, "queried_at")))
        .list();
  }

  List<Finding> findings(long requestId) {
    return jdbc.sql("SELECT national_id_number, category, amount FROM finding WHERE request_id = ? ORDER BY id")
        .param(requestId)
        .query((rs, row) -> new Finding(rs.getString("national_id_number"),
            Finding.Category.valueOf(rs.getString("category")), rs.getBigDecimal("amount")))
        .list();
  }

  /** Appends one row to the household's list of queries (table {@code department_query_log}). */
  void logQuery(VerificationRequest request, String member, SourceResult result, int records, boolean retry,
      Instant at) {
    jdbc.sql("""
            INSERT INTO department_query_log (request_id, household_id, region_code, purpose, asked_by, retry,
              national_id_number, source, outcome, record_count, queried_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(request.id(), request.householdId(), request.regionCode(), request.purpose().name(),
            request.requestedBy(), retry, member, result.source().name(), result.status().name(), records, utc(at))
        .update();
  }

  /**
   * A page of the household's list of queries within the area, oldest first (filtered in SQL; ORDER BY
   * ends in the primary key).
   */
  List<DepartmentQueryLogEntry> queryLog(String householdId, RegionScope area, int limit, long offset) {
    RegionScope.SqlPredicate inArea = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT * FROM department_query_log WHERE household_id = ? AND " + inArea.sql()
            + " ORDER BY id LIMIT ? OFFSET ?")
        .param(householdId).params(inArea.parameters()).param(limit).param(offset)
        .query((rs, row) -> new DepartmentQueryLogEntry(rs.getLong("request_id"), Purpose.valueOf(rs.getString("purpose")),
            rs.getString("asked_by"), rs.getBoolean("retry"), rs.getString("national_id_number"),
            Source.valueOf(rs.getString("source")), SourceResult.Status.valueOf(rs.getString("outcome")),
            rs.getInt("record_count"), instant(rs, "queried_at")))
        .list();
  }

  /** The number of rows of {@link #queryLog} without paging. */
  long countQueryLog(String householdId, RegionScope area) {
    RegionScope.SqlPredicate inArea = area.sqlPredicate("region_code");
    return jdbc.sql("SELECT COUNT(*) FROM department_query_log WHERE household_id = ? AND " + inArea.sql())
        .param(householdId).params(inArea.parameters()).query(Long.class).single();
  }

  /**
   * Makes a pending request final.
   *
   * @return whether it was still pending (false: another thread finished it first)
   */
  boolean finish(long requestId, VerificationStatus status, String reason, Instant at) {
    return jdbc.sql("""
            UPDATE verification_request SET status = ?, status_reason = ?, finished_at = ?, pending_key = NULL
            WHERE id = ? AND status = 'PENDING'""")
        .params(status.name(), reason, utc(at), requestId)
        .update() == 1;
  }

  private static String pendingKey(VerificationRequest request) {
    return request.householdId() + "|" + request.purpose().name();
  }

  private static VerificationRequest request(ResultSet rs, List<String> members) throws SQLException {
    return new VerificationRequest(rs.getLong("id"), rs.getString("household_id"),
        Residence.valueOf(rs.getString("residence")), Purpose.valueOf(rs.getString("purpose")),
        new Consent(rs.getString("consent_reference"), rs.getObject("consent_signed_on", LocalDate.class)), members,
        VerificationStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
        instant(rs, "requested_at"), instant(rs, "retry_until"),
        instant(rs, "finished_at"), rs.getString("status_reason"), rs.getString("region_code"));
  }

  /** Instants are stored as UTC date-times (the session time zone is UTC, see the datasource URL). */
  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
