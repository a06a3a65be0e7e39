package gov.civilaffairs.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Inserts and reads rows of {@code audit_entry}. Deliberately has no update and no delete: the table
 * is append-only (and its triggers refuse both anyway).
 */
public class AuditEntryRepository {

  private static final String COLUMNS = "id, occurred_at, actor_id, actor_kind, actor_roles, region_code, action,"
      + " object_type, object_id, person_reference, outcome, correlation_id, service_name, actor_scopes";

  private static final RowMapper<AuditEntry> ROW = AuditEntryRepository::map;

  /**
   * Instants are sent as UTC {@code DATETIME(3)} literals rather than {@code Timestamp}s: MySQL
   * Connector/J drops the milliseconds of a {@code Timestamp} for servers it takes for MySQL 5.5,
   * which is how it sees MariaDB (BUILD-NOTES.md).
   */
  private static final DateTimeFormatter DATETIME_3 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final JdbcClient jdbc;

  public AuditEntryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts an entry in the current transaction, if there is one.
   *
   * @param entry the entry; its {@code id} is ignored
   * @return the id given by the database
   * @throws org.springframework.dao.DataAccessException if the row cannot be written
   */
  long insert(AuditEntry entry) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO audit_entry (occurred_at, actor_id, actor_kind, actor_roles, region_code, action,"
            + " object_type, object_id, person_reference, outcome, correlation_id, service_name, actor_scopes)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(DATETIME_3.format(entry.occurredAt()), entry.actorId(), entry.actorKind().name(),
            String.join(" ", entry.actorRoles()), entry.regionCode(), entry.action().name(), entry.objectType(),
            entry.objectId(), entry.personReference(), entry.outcome().name(), entry.correlationId(),
            entry.serviceName(), String.join(" ", entry.actorScopes()))
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  /**
   * Inserts entries with one multi-row statement in the current transaction, if there is one (a batch:
   * one import chunk's records).
   *
   * @param entries the entries, their {@code id} ignored; at most 1,000 (13 parameters each)
   * @throws org.springframework.dao.DataAccessException if the rows cannot be written
   */
  void insertAll(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    if (entries.size() > 1000) {
      throw new IllegalArgumentException("At most 1000 audit entries per statement, not " + entries.size());
    }
    List<Object> params = new ArrayList<>(entries.size() * 13);
    for (AuditEntry entry : entries) {
      params.addAll(java.util.Arrays.asList(DATETIME_3.format(entry.occurredAt()), entry.actorId(),
          entry.actorKind().name(), String.join(" ", entry.actorRoles()), entry.regionCode(), entry.action().name(),
          entry.objectType(), entry.objectId(), entry.personReference(), entry.outcome().name(),
          entry.correlationId(), entry.serviceName(), String.join(" ", entry.actorScopes())));
    }
    jdbc.sql("INSERT INTO audit_entry (occurred_at, actor_id, actor_kind, actor_roles, region_code, action,"
            + " object_type, object_id, person_reference, outcome, correlation_id, service_name, actor_scopes) VALUES "
            + String.join(", ", java.util.Collections.nCopies(entries.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        .params(params).update();
  }

  /** @return up to {@code limit} entries with an id above {@code afterId}, in id order */
  List<AuditEntry> findAfter(long afterId, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE id > ? ORDER BY id LIMIT ?")
        .params(afterId, limit).query(ROW).list();
  }

  /**
   * Entries matching every given filter, newest first.
   *
   * @param filter the filters; {@code null} members do not filter
   * @param offset entries to skip
   * @param limit entries to return at most
   * @return the entries, ordered by {@code occurred_at} then {@code id}, descending
   */
  List<AuditEntry> find(AuditEntryFilter filter, long offset, int limit) {
    List<String> where = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    addIf(where, params, "person_reference = ?", filter.person());
    addIf(where, params, "actor_id = ?", filter.actor());
    addIf(where, params, "object_type = ?", filter.objectType());
    addIf(where, params, "occurred_at >= ?", filter.from() == null ? null : DATETIME_3.format(filter.from()));
    addIf(where, params, "occurred_at < ?", filter.to() == null ? null : DATETIME_3.format(filter.to()));
    params.add(limit);
    params.add(offset);
    String sql = "SELECT " + COLUMNS + " FROM audit_entry"
        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?";
    return jdbc.sql(sql).params(params).query(ROW).list();
  }

  private static void addIf(List<String> where, List<Object> params, String condition, Object value) {
    if (value != null) {
      where.add(condition);
      params.add(value);
    }
  }

  private static AuditEntry map(ResultSet rs, int row) throws SQLException {
    String roles = rs.getString("actor_roles");
    String scopes = rs.getString("actor_scopes");
    return new AuditEntry(
        rs.getLong("id"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("actor_id"),
        AuditActor.Kind.valueOf(rs.getString("actor_kind")),
        roles.isBlank() ? List.of() : Arrays.asList(roles.split(" ")),
        rs.getString("region_code"),
        AuditAction.valueOf(rs.getString("action")),
        rs.getString("object_type"),
        rs.getString("object_id"),
        rs.getString("person_reference"),
        AuditOutcome.valueOf(rs.getString("outcome")),
        rs.getString("correlation_id"),
        rs.getString("service_name"),
        scopes == null || scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(" ")));
  }

  /**
   * Filters of an auditor's query; {@code null} means "any".
   *
   * @param person person reference (person id or masked national ID number)
   * @param actor actor id
   * @param objectType kind of record
   * @param from earliest time, inclusive
   * @param to latest time, exclusive
   */
  record AuditEntryFilter(String person, String actor, String objectType, Instant from, Instant to) {
  }
}
