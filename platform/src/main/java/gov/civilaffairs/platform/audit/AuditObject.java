package gov.civilaffairs.platform.audit;

import java.util.Objects;

/**
 * What was accessed.
 *
 * @param type kind of record, kebab-case, for example {@code household}, {@code death-record}
 * @param id the record's id, or {@code null} for a list or search
 * @param personReference the person the record is about, for "by person" queries: a person id or a
 *     national ID number (stored masked, see {@link AuditTrail}); {@code null} when none
 */
public record AuditObject(String type, String id, String personReference) {

  public AuditObject {
    Objects.requireNonNull(type, "type");
  }
}
