package gov.civilaffairs.incomeverification.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.incomeverification.department.DepartmentQueries;
import gov.civilaffairs.incomeverification.department.Finding;
import gov.civilaffairs.incomeverification.department.Source;
import gov.civilaffairs.incomeverification.department.SourceResult;
import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.AuditActorResolver;
import gov.civilaffairs.platform.audit.AuditObject;
import gov.civilaffairs.platform.audit.AuditOutcome;
import gov.civilaffairs.platform.audit.AuditTrail;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Household economic verification (家庭经济状况核对): checks the consent, asks every department in
 * parallel, records each one's outcome, reports, and completes the request when all answered or when
 * its retry window ends, publishing {@link VerificationCompleted} through the outbox.
 *
 * <p>Every query of a department writes one audit entry per member (QUALITY.md, GB/T 22239-2019):
 * action {@code QUERY_EXTERNAL}, object type {@code department-query}, object id
 * {@code <request>/<source>/<purpose>/records=<n>} (counts, never values), the member as person; and
 * one row of the household's list of queries ({@link DepartmentQueryLogEntry}).
 */
@Service
public class VerificationService {

  private static final Logger log = LoggerFactory.getLogger(VerificationService.class);
  private static final List<Source> ALL_SOURCES = Arrays.asList(Source.values());

  private final VerificationRepository requests;
  private final DepartmentQueries departments;
  private final VerificationProperties properties;
  private final BureauClock clock;
  private final AuditTrail audit;
  private final AuditActorResolver actors;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;

  VerificationService(VerificationRepository requests, DepartmentQueries departments,
      VerificationProperties properties, BureauClock clock, AuditTrail audit, AuditActorResolver actors,
      ApplicationEventPublisher events, TransactionTemplate transactions) {
    this.requests = requests;
    this.departments = departments;
    this.properties = properties;
    this.clock = clock;
    this.audit = audit;
    this.actors = actors;
    this.events = events;
    this.transactions = transactions;
  }

  /**
   * Makes a request and asks every department, waiting up to {@code income-verification.deadline}.
   *
   * @return the request, {@code COMPLETED} when every department answered, otherwise {@code PENDING}
   *     with the missing sources marked in its report (they are asked again, see {@link #retryMissingSources})
   * @throws ProblemException 422 {@code consent-required}, {@code consent-expired}, {@code consent-in-future}
   *     (see {@link Consent#valid}); 409 {@code verification-pending} with member {@code pendingRequestId}
   *     when the household has a pending request for the same purpose (a new request may carry other
   *     members or another consent, so the pending one is named, not silently returned); 400
   *     {@code department-rejected-query} with members {@code requestId}, {@code source} and
   *     {@code departmentAnswer} when a department refused the query (4xx): the request is then
   *     {@code REJECTED}
   */
  public Verification submit(NewVerification command) {
    Consent consent = Consent.valid(command.consent(), clock.today(), properties.consentMaxAge());
    requests.pendingFor(command.householdId(), command.purpose()).ifPresent(VerificationService::throwPending);
    Instant now = clock.now();
    VerificationRequest request = new VerificationRequest(0, command.householdId(), command.residence(),
        command.purpose(), consent, command.members(), VerificationStatus.PENDING, actors.currentActor().id(), now,
        now.plus(properties.retryWindow()), null, null, command.regionCode());
    long id;
    try {
      id = requests.insert(request);
    } catch (DuplicateKeyException e) {
      requests.pendingFor(command.householdId(), command.purpose()).ifPresent(VerificationService::throwPending);
      throw e;
    }
    Map<Source, SourceResult> results = departments.query(ALL_SOURCES, command.members(), properties.deadline());
    record(requests.find(id).orElseThrow(), results, false);
    results.values().stream()
        .filter(result -> result.status() == SourceResult.Status.REJECTED)
        .findFirst()
        .ifPresent(rejected -> reject(id, rejected));
    if (results.values().stream().noneMatch(SourceResult::missing)) {
      complete(id);
    }
    return find(id);
  }

  /**
   * @throws ProblemException 404 if there is no such request
   */
  public Verification find(long id) {
    VerificationRequest request = requests.find(id)
        .orElseThrow(() -> ProblemException.notFound("Verification request", id));
    List<DepartmentQuery> queries = requests.departmentQueries(id);
    return new Verification(request, queries, reportOf(request, queries));
  }

  /**
   * A page of the household's list of queries of other departments' data about its members, oldest
   * first, within the caller's area (rows of requests outside it are left out, in SQL).
   *
   * @param householdId relief-service's household id
   * @param area the caller's area
   * @param page zero-based page
   * @param size rows per page
   */
  public QueryLogPage queryLog(String householdId, RegionScope area, int page, int size) {
    return new QueryLogPage(requests.countQueryLog(householdId, area), page, size,
        requests.queryLog(householdId, area, size, (long) page * size));
  }

  /**
   * A page of a household's list of queries.
   *
   * @param total rows in the caller's area
   * @param page zero-based page
   * @param size rows per page
   * @param items the rows of this page
   */
  public record QueryLogPage(long total, int page, int size, List<DepartmentQueryLogEntry> items) {
  }

  /**
   * Asks again the departments still missing from pending requests, every
   * {@code income-verification.retry-interval}; completes a request when all have answered, or when its
   * retry window has ended (the report then marks the sources still missing).
   */
  @Scheduled(fixedDelayString = "${income-verification.retry-interval:5m}")
  public void retryMissingSources() {
    for (long id : requests.pending()) {
      VerificationRequest request = requests.find(id).orElseThrow();
      List<Source> missing = requests.departmentQueries(id).stream()
          .filter(DepartmentQuery::missing).map(DepartmentQuery::source).toList();
      if (!missing.isEmpty() && clock.now().isBefore(request.retryUntil())) {
        Map<Source, SourceResult> results = departments.query(missing, request.members(), properties.deadline());
        record(request, results, true);
        if (results.values().stream().anyMatch(SourceResult::missing)) {
          continue;
        }
      }
      complete(id);
    }
  }

  /**
   * A death to apply: closes the pending requests that concern only this person.
   *
   * @param nationalIdNumber the deceased, as carried by {@code registry.person-deceased.v1}
   * @param reason kept on each request closed (at most 500 characters: {@code status_reason})
   */
  public record Death(String nationalIdNumber, String reason) {
  }

  /**
   * Closes the pending requests that concern only a deceased person (a death in the registry,
   * {@code registry.person-deceased.v1}), for each death of a poll in order, with one query for all of them:
   * finds the pending requests whose only member is one of these persons, then closes each with the reason of
   * the first death of its person (a later death of the same person finds it closed, as one by one would).
   * Naturally idempotent: a closed request is not pending. Run it in the caller's transaction so that the poll
   * is applied whole or not at all.
   *
   * @return how many requests were closed, per death, in the order of {@code deaths}
   * @throws org.springframework.dao.DataAccessException if an update fails (e.g. a reason longer than 500)
   */
  public List<Integer> closeForDeaths(List<Death> deaths) {
    if (deaths.isEmpty()) {
      return List.of();
    }
    LinkedHashSet<String> persons = new LinkedHashSet<>();
    deaths.forEach(death -> persons.add(death.nationalIdNumber()));
    Map<String, List<Long>> pending = requests.pendingConcerningOnlyAny(persons);
    List<Integer> closed = new ArrayList<>(deaths.size());
    Instant now = clock.now();
    for (Death death : deaths) {
      int count = 0;
      for (long id : pending.getOrDefault(death.nationalIdNumber().toUpperCase(Locale.ROOT), List.of())) {
        count += requests.finish(id, VerificationStatus.CLOSED, death.reason(), now) ? 1 : 0;
      }
      pending.remove(death.nationalIdNumber().toUpperCase(Locale.ROOT));
      closed.add(count);
    }
    return closed;
  }

  private void record(VerificationRequest request, Map<Source, SourceResult> results, boolean retry) {
    long id = request.id();
    Purpose purpose = request.purpose();
    Instant at = clock.now();
    for (SourceResult result : results.values()) {
      requests.saveResult(id, result, at);
      AuditOutcome outcome = result.missing() ? AuditOutcome.FAILED : AuditOutcome.SUCCESS;
      for (String member : request.members()) {
        long records = result.findings().stream().filter(f -> f.nationalIdNumber().equals(member)).count();
        requests.logQuery(request, member, result, (int) records, retry, at);
        audit.record(AuditAction.QUERY_EXTERNAL, new AuditObject("department-query",
            id + "/" + result.source().id() + "/" + purpose + "/records=" + records, member), outcome);
      }
      if (result.missing()) {
        log.warn("Verification request {}: {} {} ({})", id, result.source().id(), result.status(), result.detail());
      }
    }
  }

  private void reject(long id, SourceResult rejected) {
    requests.finish(id, VerificationStatus.REJECTED, rejected.source().id() + ": " + rejected.detail(), clock.now());
    throw new ProblemException(HttpStatus.BAD_REQUEST, "department-rejected-query",
        "The " + rejected.source().id() + " department refused the query; correct the request and submit a new one",
        Map.of("requestId", id, "source", rejected.source(), "departmentAnswer", String.valueOf(rejected.detail())));
  }

  private void complete(long id) {
    transactions.executeWithoutResult(status -> {
      Instant now = clock.now();
      if (requests.finish(id, VerificationStatus.COMPLETED, null, now)) {
        Verification verification = find(id);
        events.publishEvent(VerificationCompleted.of(verification.request(), verification.report(), now));
      }
    });
  }

  private HouseholdReport reportOf(VerificationRequest request, List<DepartmentQuery> queries) {
    List<Finding> findings = requests.findings(request.id());
    List<Source> missing = queries.stream().filter(DepartmentQuery::missing).map(DepartmentQuery::source).toList();
    return HouseholdReport.of(request.members(), findings, missing, request.residence(), properties.thresholds());
  }

  private static void throwPending(long pendingId) {
    throw new ProblemException(HttpStatus.CONFLICT, "verification-pending",
        "The household has a pending verification request for this purpose: " + pendingId,
        Map.of("pendingRequestId", pendingId));
  }
}
