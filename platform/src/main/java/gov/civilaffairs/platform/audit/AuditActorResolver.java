package gov.civilaffairs.platform.audit;

/**
 * Tells the audit trail who is acting in the current request or thread. The platform's default
 * answers {@link AuditActor#ANONYMOUS}; the security configuration provides a bean of this type that
 * reads the authenticated JWT (claims {@code sub}, {@code client_id}, {@code roles}, {@code region}),
 * and the default backs off.
 */
@FunctionalInterface
public interface AuditActorResolver {

  /** @return the current actor, never {@code null} */
  AuditActor currentActor();
}
