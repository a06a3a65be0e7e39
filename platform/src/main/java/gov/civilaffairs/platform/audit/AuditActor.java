package gov.civilaffairs.platform.audit;

import java.util.List;
import java.util.Objects;

/**
 * Who acted: the user or machine client of the request, as the claims of its token describe it
 * (claims contract: {@code sub}, {@code roles}, {@code region}).
 *
 * @param id user name or client id (JWT {@code sub}); {@value #ANONYMOUS_ID} when nobody is known
 * @param kind whether a person, a machine client, or the service itself acted
 * @param roles role codes, for example {@code TOWNSHIP_CASEWORKER}; empty for none
 * @param regionCode GB/T 2260 code the user works in (6, 9 or 12 digits); {@code null} for city-wide
 *     roles and machine clients
 * @param scopes the scopes of a machine client's token (for example {@code deaths:write}); empty for
 *     users and the service itself
 */
public record AuditActor(String id, Kind kind, List<String> roles, String regionCode, List<String> scopes) {

  /** Actor id of {@link #ANONYMOUS}. */
  public static final String ANONYMOUS_ID = "anonymous";

  /** The service itself, with no authenticated caller (scheduled jobs, event consumers, no security). */
  public static final AuditActor ANONYMOUS = new AuditActor(ANONYMOUS_ID, Kind.SYSTEM, List.of(), null);

  public AuditActor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    roles = roles == null ? List.of() : List.copyOf(roles);
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /** An actor without scopes (a user, or the service itself). */
  public AuditActor(String id, Kind kind, List<String> roles, String regionCode) {
    this(id, kind, roles, regionCode, List.of());
  }

  /** Kinds of actor. */
  public enum Kind {
    /** A member of staff (caseworker, officer, auditor...). */
    USER,
    /** Another system using client credentials (police, hospital, data-sharing platform...). */
    CLIENT,
    /** The service itself. */
    SYSTEM
  }
}
