package gov.civilaffairs.registry.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Modulith's event publication repository (the outbox table) with its state changes written in
 * batches. Measured on the 2-core machine (bench/README.md): Modulith marks a publication completed in
 * the callback of the Kafka send, that is on the producer's single network thread, one transaction
 * (archive copy, delete, commit) per event; the producer then sent about 110 events/s, far below the
 * import. Here each state change (processing, completed, failed) is queued and a writer thread applies
 * the queued changes in order, as many as are waiting (at most {@value #MAX_BATCH}), in one transaction.
 *
 * <p>The outbox guarantee is unchanged: the publication row is still written by {@link #create} in the
 * business transaction, and a publication is never marked completed before Kafka acknowledged it. A
 * crash between the acknowledgement and the batch's commit leaves it incomplete: it is sent again at
 * restart ({@code republish-outstanding-events-on-restart}) with the same CloudEvents id, which the
 * consumers' processed-event records make a no-op (at-least-once delivery, exactly-once effect,
 * EVENTS.md). Every read of state (incomplete, failed, by status) first applies what is queued, so
 * resubmission and staleness see the current state; a batch that fails is applied change by change.
 */
final class OutboxStateWriter implements EventPublicationRepository, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxStateWriter.class);
  /** The most state changes applied in one transaction. */
  static final int MAX_BATCH = 1_000;

  private final EventPublicationRepository delegate;
  private final TransactionTemplate transaction;
  private final BlockingQueue<Runnable> changes = new LinkedBlockingQueue<>();
  /** Held while queued changes are applied: keeps them in order between the writer and a reader flushing. */
  private final ReentrantLock applying = new ReentrantLock();
  private volatile boolean running;
  private Thread writer;

  OutboxStateWriter(EventPublicationRepository delegate, TransactionTemplate transaction) {
    this.delegate = delegate;
    this.transaction = transaction;
  }

  // --- written in the caller's transaction, at once --------------------------------------------------

  @Override
  public TargetEventPublication create(TargetEventPublication publication) {
    return delegate.create(publication);
  }

  // --- state changes, queued ----------------------------------------------------------------------------

  @Override
  public void markProcessing(UUID identifier) {
    submit(() -> delegate.markProcessing(identifier));
  }

  @Override
  public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
    submit(() -> delegate.markCompleted(event, identifier, completionDate));
  }

  @Override
  public void markCompleted(UUID identifier, Instant completionDate) {
    submit(() -> delegate.markCompleted(identifier, completionDate));
  }

  @Override
  public void markFailed(UUID identifier) {
    submit(() -> delegate.markFailed(identifier));
  }

  // --- reads and other writes: what is queued first -------------------------------------------------------

  @Override
  public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
    flush();
    return delegate.markResubmitted(identifier, resubmissionDate);
  }

  @Override
  public List<TargetEventPublication> findIncompletePublications() {
    flush();
    return delegate.findIncompletePublications();
  }

  @Override
  public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
    flush();
    return delegate.findIncompletePublicationsPublishedBefore(instant);
  }

  @Override
  public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
      PublicationTargetIdentifier targetIdentifier) {
    flush();
    return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
  }

  @Override
  public List<TargetEventPublication> findCompletedPublications() {
    flush();
    return delegate.findCompletedPublications();
  }

  @Override
  public void deletePublications(List<UUID> identifiers) {
    flush();
    delegate.deletePublications(identifiers);
  }

  @Override
  public void deleteCompletedPublications() {
    flush();
    delegate.deleteCompletedPublications();
  }

  @Override
  public void deleteCompletedPublicationsBefore(Instant instant) {
    flush();
    delegate.deleteCompletedPublicationsBefore(instant);
  }

  @Override
  public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
    flush();
    return delegate.findFailedPublications(criteria);
  }

  @Override
  public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
    flush();
    return delegate.findByStatus(status);
  }

  @Override
  public int countByStatus(EventPublication.Status status) {
    flush();
    return delegate.countByStatus(status);
  }

  // --- the writer ----------------------------------------------------------------------------------------

  private void submit(Runnable change) {
    if (running) {
      changes.add(change);
    } else {
      // before start or after stop (a send acknowledged during shutdown): applied at once
      flush();
      change.run();
    }
  }

  /** Applies every queued change, in order, in transactions of at most {@link #MAX_BATCH}. */
  void flush() {
    applying.lock();
    try {
      List<Runnable> batch = new ArrayList<>();
      while (changes.drainTo(batch, MAX_BATCH) > 0) {
        apply(batch);
        batch.clear();
      }
    } finally {
      applying.unlock();
    }
  }

  private void apply(List<Runnable> batch) {
    try {
      transaction.executeWithoutResult(status -> batch.forEach(Runnable::run));
    } catch (RuntimeException e) {
      log.warn("Outbox state batch of {} changes failed ({}); applying them one by one", batch.size(), e.toString());
      for (Runnable change : batch) {
        try {
          transaction.executeWithoutResult(status -> change.run());
        } catch (RuntimeException again) {
          // The publication keeps its earlier state: an incomplete one is sent again (resubmission,
          // staleness, restart) and its consumers ignore the repeated event id.
          log.error("Outbox state change lost: {}", again.toString());
        }
      }
    }
  }

  private void writeLoop() {
    while (running || !changes.isEmpty()) {
      try {
        Runnable first = changes.poll(200, TimeUnit.MILLISECONDS);
        if (first != null) {
          applying.lock();
          try {
            List<Runnable> batch = new ArrayList<>();
            batch.add(first);
            changes.drainTo(batch, MAX_BATCH - 1);
            apply(batch);
          } finally {
            applying.unlock();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void start() {
    running = true;
    writer = new Thread(this::writeLoop, "outbox-state-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Stops taking changes into the queue and applies what is queued. */
  @Override
  public void stop() {
    running = false;
    if (writer != null) {
      try {
        writer.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flush();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stopped after the web server and Kafka's listeners, started before them. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }
}
