package gov.civilaffairs.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code audit_entry}: the shape answered by {@code GET /audit-entries} and published, as
 * JSON, to the audit topic. Never carries a raw national ID number.
 *
 * @param id sequence number within the service, ascending in insertion order
 * @param occurredAt when the access was recorded, UTC, millisecond precision
 * @param actorId user name or client id
 * @param actorKind USER, CLIENT or SYSTEM
 * @param actorRoles role codes of the actor
 * @param regionCode GB/T 2260 code the actor works in, or {@code null}
 * @param action what was done
 * @param objectType kind of record accessed
 * @param objectId id of the record, or {@code null} for a list
 * @param personReference person id or masked national ID number, or {@code null}
 * @param outcome how the access ended
 * @param correlationId W3C trace id of the request (the {@code X-Correlation-Id} header), or {@code null}
 * @param serviceName {@code spring.application.name} of the service that recorded it
 * @param actorScopes scopes of a machine client's token; empty for users and the service itself
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String actorId,
    AuditActor.Kind actorKind,
    List<String> actorRoles,
    String regionCode,
    AuditAction action,
    String objectType,
    String objectId,
    String personReference,
    AuditOutcome outcome,
    String correlationId,
    String serviceName,
    List<String> actorScopes) {

  public AuditEntry {
    actorScopes = actorScopes == null ? List.of() : List.copyOf(actorScopes);
  }

  /** An entry without scopes (the shape before scopes were recorded). */
  public AuditEntry(long id, Instant occurredAt, String actorId, AuditActor.Kind actorKind, List<String> actorRoles,
      String regionCode, AuditAction action, String objectType, String objectId, String personReference,
      AuditOutcome outcome, String correlationId, String serviceName) {
    this(id, occurredAt, actorId, actorKind, actorRoles, regionCode, action, objectType, objectId, personReference,
        outcome, correlationId, serviceName, List.of());
  }

  /** @return this entry with the id the database gave it */
  AuditEntry withId(long newId) {
    return new AuditEntry(newId, occurredAt, actorId, actorKind, actorRoles, regionCode, action, objectType,
        objectId, personReference, outcome, correlationId, serviceName, actorScopes);
  }
}
