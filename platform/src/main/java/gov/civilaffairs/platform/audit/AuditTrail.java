package gov.civilaffairs.platform.audit;

import gov.civilaffairs.platform.masking.Masking;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Records who read or changed which personal record, when, and how it ended: the security audit of
 * GB/T 22239-2019 level 3 (8.1.4.3: every user's access, with date, time, user, event type, outcome)
 * and QUALITY.md ("every read or change of personal records writes an append-only audit entry").
 *
 * <p>Use {@link Audited @Audited} on controller methods; call {@link #record} directly where an access
 * is not one endpoint call (a batch, an export, a call to another department).
 *
 * <p><b>Transactions.</b> {@code record} inserts synchronously and joins the caller's transaction when
 * there is one (plain JDBC on the transaction's connection), otherwise it commits on its own. Joining
 * is what makes "if the audit store fails, the request fails" hold for changes: a failed insert throws
 * {@link AuditUnavailableException} inside the transaction, which then rolls back, so no change
 * commits without its entry. The other half, an entry for an attempt whose change was rolled back, is
 * recorded after the rollback, outside the failed transaction: {@link AuditedAspect} does exactly that,
 * and a caller doing it by hand must call {@code record} after its transaction has ended.
 */
public class AuditTrail {

  /** Request attribute set once an entry of the request is stored ({@link #isRequestAudited()}). */
  private static final String REQUEST_AUDITED = AuditTrail.class.getName() + ".REQUEST_AUDITED";

  private final AuditEntryRepository entries;
  private final AuditActorResolver actors;
  private final Supplier<String> correlationIds;
  private final Clock clock;
  private final String serviceName;

  /**
   * @param entries where entries are written
   * @param actors who is acting
   * @param correlationIds the current W3C trace id, or {@code null} outside a trace
   * @param clock the time source (entries are stamped in UTC, truncated to milliseconds)
   * @param serviceName {@code spring.application.name}
   */
  public AuditTrail(AuditEntryRepository entries, AuditActorResolver actors, Supplier<String> correlationIds,
      Clock clock, String serviceName) {
    this.entries = entries;
    this.actors = actors;
    this.correlationIds = correlationIds;
    this.clock = clock;
    this.serviceName = serviceName;
  }

  /**
   * Writes one entry for the current actor. A national ID number given as the object id or person
   * reference is stored masked (first 6 and last 4 characters, QUALITY.md); the raw number is never
   * written.
   *
   * @param action what was done
   * @param object what it was done to
   * @param outcome how it ended
   * @return the entry as stored
   * @throws AuditUnavailableException (503 {@code audit-unavailable}) if the entry cannot be written;
   *     the caller's transaction, if any, must roll back
   */
  public AuditEntry record(AuditAction action, AuditObject object, AuditOutcome outcome) {
    AuditActor actor = actors.currentActor();
    AuditEntry entry = new AuditEntry(0, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), actor.id(), actor.kind(),
        actor.roles(), actor.regionCode(), action, object.type(), Masking.inText(object.id()),
        Masking.inText(object.personReference()), outcome, correlationIds.get(), serviceName, actor.scopes());
    AuditEntry stored;
    try {
      stored = entry.withId(entries.insert(entry));
    } catch (DataAccessException e) {
      throw new AuditUnavailableException(e);
    }
    markRequestAudited();
    return stored;
  }

  /**
   * Writes one entry per object for the current actor, with one statement (a batch: the records one import
   * chunk created), in the caller's transaction if there is one; ID numbers stored masked as in
   * {@link #record}.
   *
   * @param action what was done to each object
   * @param objects the objects, at most 1,000
   * @param outcome how it ended
   * @throws AuditUnavailableException (503 {@code audit-unavailable}) if the entries cannot be written; the
   *     caller's transaction, if any, must roll back
   */
  public void recordAll(AuditAction action, java.util.List<AuditObject> objects, AuditOutcome outcome) {
    if (objects.isEmpty()) {
      return;
    }
    AuditActor actor = actors.currentActor();
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    String correlationId = correlationIds.get();
    java.util.List<AuditEntry> batch = objects.stream().map(object -> new AuditEntry(0, now, actor.id(), actor.kind(),
        actor.roles(), actor.regionCode(), action, object.type(), Masking.inText(object.id()),
        Masking.inText(object.personReference()), outcome, correlationId, serviceName, actor.scopes())).toList();
    try {
      entries.insertAll(batch);
    } catch (DataAccessException e) {
      throw new AuditUnavailableException(e);
    }
    markRequestAudited();
  }

  /**
   * Whether an entry of the current HTTP request has been written (and, if it was written in a
   * transaction, committed): the machine-client call filter then writes no second entry for the same
   * request. {@code false} outside a request.
   */
  public static boolean isRequestAudited() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    return request != null && Boolean.TRUE.equals(request.getAttribute(REQUEST_AUDITED, RequestAttributes.SCOPE_REQUEST));
  }

  private static void markRequestAudited() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // The entry exists only if the transaction commits; a rolled-back entry marks nothing.
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          request.setAttribute(REQUEST_AUDITED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
      });
    } else {
      request.setAttribute(REQUEST_AUDITED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
    }
  }
}
