package gov.civilaffairs.registry.importing;

import java.io.Reader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import gov.civilaffairs.platform.audit.AuditAction;
import gov.civilaffairs.platform.audit.AuditObject;
import gov.civilaffairs.platform.audit.AuditOutcome;
import gov.civilaffairs.platform.audit.AuditTrail;
import gov.civilaffairs.platform.idnumber.InvalidNationalIdNumberException;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.registry.death.DeathRegistry;
import gov.civilaffairs.registry.death.DeathSource;
import gov.civilaffairs.registry.death.DeathRegistry.ReportedDeath;
import gov.civilaffairs.registry.death.DeathRegistry.RowOutcome;
import gov.civilaffairs.registry.death.RegistrationOutcome;
import gov.civilaffairs.registry.importing.ImportRepository.RowResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a death feed (see {@link DeathFeed} for the columns) by the same rules as a single report
 * ({@link DeathRegistry}), a chunk of {@code registry.import.chunk-size} rows at a time: each chunk in
 * one READ COMMITTED transaction ({@link DeathRegistry#registerAll}: one query per kind of look-up, JDBC
 * batch inserts, the rows' results stored in the same transaction), so the outbox holds a chunk's
 * events exactly when its records and results are committed. A row that breaks a rule is rejected
 * with the reason and writes nothing; the other rows of its chunk are applied.
 *
 * <p>A chunk that loses a lock conflict (InnoDB deadlock or lock wait timeout, e.g. two imports of the
 * same persons at once) or meets a source reference another import committed meanwhile is rolled back
 * and run again (Spring's {@link RetryTemplate}, {@code registry.import.lock-retries}); the second run
 * sees the other import's records (DUPLICATE or attached). Any other database failure of a chunk rolls
 * it back and its rows are run again one transaction each, so that one unstorable row stops only itself.
 */
@Service
class DeathImportService {

  private static final Logger log = LoggerFactory.getLogger(DeathImportService.class);

  private final DeathRegistry registry;
  private final ImportRepository imports;
  private final ImportProperties properties;
  private final TransactionTemplate transaction;
  private final RetryTemplate retry;
  private final Clock clock;
  private final AuditTrail audit;

  DeathImportService(DeathRegistry registry, ImportRepository imports, ImportProperties properties,
      PlatformTransactionManager transactionManager, Clock clock, AuditTrail audit) {
    this.registry = registry;
    this.imports = imports;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.retry = new RetryTemplate(RetryPolicy.builder()
        .includes(PessimisticLockingFailureException.class, DuplicateKeyException.class)
        .maxRetries(properties.lockRetries()).delay(Duration.ofMillis(50)).jitter(Duration.ofMillis(50))
        .multiplier(2).build());
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * @param allowedSource the sources the sender may report (registry.death-sources, docs/security.md): a row
   *     of any other source is REJECTED with the reason, the others are imported
   * @return the id of the import, whose results {@code GET /imports/{id}} shows
   * @throws ProblemException 400 {@code invalid-feed} when the header lacks a column, 413
   *     {@code too-many-rows} beyond {@code registry.import.max-rows}; nothing is imported then
   */
  long importFeed(String fileName, Reader csv, Predicate<DeathSource> allowedSource) {
    List<DeathFeed.Row> rows;
    try {
      rows = DeathFeed.read(csv, properties.maxRows());
    } catch (IllegalArgumentException e) {
      HttpStatus status = e.getMessage().contains("more than") ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
      throw new ProblemException(status, status == HttpStatus.BAD_REQUEST ? "invalid-feed" : "too-many-rows",
          "The death feed cannot be imported: " + e.getMessage() + ".");
    }
    long importId = imports.start(fileName, clock.instant());
    for (int from = 0; from < rows.size(); from += properties.chunkSize()) {
      List<DeathFeed.Row> chunk = rows.subList(from, Math.min(rows.size(), from + properties.chunkSize()));
      importChunk(importId, chunk, allowedSource);
    }
    imports.complete(importId, rows.size(), clock.instant());
    return importId;
  }

  private void importChunk(long importId, List<DeathFeed.Row> chunk, Predicate<DeathSource> allowedSource) {
    RuntimeException failure = inTransaction(importId, chunk, allowedSource);
    if (failure == null) {
      return;
    }
    if (!(failure instanceof DataAccessException) || failure instanceof PessimisticLockingFailureException) {
      throw failure;
    }
    log.warn("Chunk of rows {}-{} of import {} failed as a whole, importing its rows one by one: {}",
        chunk.get(0).number(), chunk.get(chunk.size() - 1).number(), importId, failure.toString());
    for (DeathFeed.Row row : chunk) {
      RuntimeException rowFailure = inTransaction(importId, List.of(row), allowedSource);
      if (rowFailure != null) {
        throw rowFailure;
      }
    }
  }

  /** Registers the rows and stores their results in one transaction, retried on lock conflicts; the last failure or null. */
  private RuntimeException inTransaction(long importId, List<DeathFeed.Row> rows,
      Predicate<DeathSource> allowedSource) {
    try {
      retry.execute(() -> {
        transaction.executeWithoutResult(status -> imports.saveRows(importId, register(rows, allowedSource)));
        return null;
      });
      return null;
    } catch (RetryException e) {
      return e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    }
  }

  /**
   * The rows' results: unreadable rows, sources the sender may not report and invalid ID numbers rejected
   * here, the others by the registry. Every death record a row created or changed (ACCEPTED, HELD_FOR_REVIEW)
   * gets its audit entry in the chunk's transaction (issue 3: every change of a personal record, also in
   * bulk), all in one statement; if the audit store fails, the chunk rolls back.
   */
  private List<RowResult> register(List<DeathFeed.Row> chunk, Predicate<DeathSource> allowedSource) {
    LocalDate today = LocalDate.now(clock);
    RowResult[] results = new RowResult[chunk.size()];
    List<ReportedDeath> reports = new ArrayList<>(chunk.size());
    List<Integer> positions = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      DeathFeed.Row row = chunk.get(i);
      if (row.error() != null) {
        results[i] = new RowResult(row.number(), RegistrationOutcome.REJECTED, null, row.error());
        continue;
      }
      if (!allowedSource.test(row.report().source())) {
        results[i] = new RowResult(row.number(), RegistrationOutcome.REJECTED, null, "source "
            + row.report().source() + " is not reported by this sender (registry.death-sources)");
        continue;
      }
      try {
        reports.add(new ReportedDeath(row.report(), NationalIdNumber.parse(row.report().nationalIdNumber(), today)));
        positions.add(i);
      } catch (InvalidNationalIdNumberException e) {
        results[i] = new RowResult(row.number(), RegistrationOutcome.REJECTED, null, e.getMessage());
      }
    }
    List<RowOutcome> outcomes = registry.registerAll(reports);
    for (int j = 0; j < outcomes.size(); j++) {
      int i = positions.get(j);
      RowOutcome outcome = outcomes.get(j);
      results[i] = outcome.problem() != null
          ? new RowResult(chunk.get(i).number(), RegistrationOutcome.REJECTED, null, outcome.problem().getMessage())
          : new RowResult(chunk.get(i).number(), outcome.registration().outcome(), outcome.registration().deathRecordId(), null);
    }
    List<AuditObject> changed = new ArrayList<>();
    for (int j = 0; j < outcomes.size(); j++) {
      RowResult result = results[positions.get(j)];
      if (result.deathRecordId() != null && (result.outcome() == RegistrationOutcome.ACCEPTED
          || result.outcome() == RegistrationOutcome.HELD_FOR_REVIEW)) {
        changed.add(new AuditObject("death-record", String.valueOf(result.deathRecordId()),
            reports.get(j).id().value()));
      }
    }
    audit.recordAll(AuditAction.CREATE, changed, AuditOutcome.SUCCESS);
    return List.of(results);
  }
}
