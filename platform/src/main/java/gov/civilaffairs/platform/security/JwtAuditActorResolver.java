package gov.civilaffairs.platform.security;

import gov.civilaffairs.platform.audit.AuditActor;
import gov.civilaffairs.platform.audit.AuditActorResolver;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The actor of audit entries (docs/audit.md) read from the request's bearer token through
 * {@link Caller}: {@code sub} as id, USER or CLIENT (a {@code client_id} claim makes a machine
 * client), the role codes of {@code roles} ({@code EXTERNAL_SYSTEM} for a machine client) and
 * {@code region}. Without an authenticated token (scheduled jobs, event consumers) the actor is the
 * service itself, {@link AuditActor#ANONYMOUS}. Replaces the platform's SYSTEM-only default
 * (GB/T 22239-2019 8.1.4.3 b: an audit record names the subject).
 */
public class JwtAuditActorResolver implements AuditActorResolver {

  @Override
  public AuditActor currentActor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      return AuditActor.ANONYMOUS;
    }
    Caller caller = Caller.from(token.getToken());
    AuditActor.Kind kind = caller.kind() == CallerKind.CLIENT ? AuditActor.Kind.CLIENT : AuditActor.Kind.USER;
    return new AuditActor(caller.id(), kind, caller.roles().stream().sorted().map(Role::name).toList(),
        caller.regionCode(), caller.scopes().stream().sorted().toList());
  }
}
