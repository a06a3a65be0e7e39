package gov.civilaffairs.platform.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the records of one poll of a batch listener ({@code @KafkaListener(batch = "true")} taking
 * {@code List<ConsumerRecord<String, JsonNode>>}) in their order, in <b>one</b> database transaction, so a
 * consumer pays one commit per poll instead of one per event (issue 4: the death flow's consumers). The
 * guarantees of the one-record listener are kept:
 * <ul>
 *   <li><b>Order per key</b>: the records are applied in the order of the list, which keeps each partition's
 *   order; the processing stops at the first record that fails, so no later event of the same person is
 *   applied before it.</li>
 *   <li><b>Nothing lost, nothing applied twice</b>: if the batch's transaction fails, nothing of it was
 *   committed; the records are then applied again one at a time, each in its own transaction. The first one
 *   that still fails is reported to the platform's error handler as a {@link BatchListenerFailedException}
 *   naming that record: the offsets before it are committed, it is retried ({@code platform.kafka.retry.*})
 *   and then dead-lettered, and the records after it are delivered again (handlers are idempotent: they
 *   record each event id with its effect).</li>
 *   <li><b>Malformed records</b>: {@link Handler#read} throws {@link MalformedEventException} (or any
 *   exception); the records before it are applied and committed, and it goes to the dead-letter topic without
 *   retry, as with the one-record listener.</li>
 * </ul>
 * Usage in a service:
 * <pre>{@code
 * @KafkaListener(topics = "registry.person.v1", batch = "true")
 * void on(List<ConsumerRecord<String, JsonNode>> records) {
 *   batches.process(records, handler);   // handler: read = parse the event, apply = the death rule
 * }
 * }</pre>
 */
public final class EventBatchProcessor {

  private static final Logger log = LoggerFactory.getLogger(EventBatchProcessor.class);

  private final TransactionOperations transactions;

  /** @param transactions the service's transactions (a {@code TransactionTemplate} on its data source) */
  public EventBatchProcessor(TransactionOperations transactions) {
    this.transactions = transactions;
  }

  /**
   * A processor whose transactions (the poll's and each fallback event's) are READ COMMITTED, as every consumer of
   * the death flow runs them (issue 4). Under MySQL's default REPEATABLE READ a locking read of a row that does not
   * exist yet (a new death record) locks the gap at the end of the index, which every consumer thread's new rows
   * fall into: their inserts deadlocked and each failed poll of 500 events fell back to one transaction per event.
   * READ COMMITTED takes no such gap locks, and a read after waiting for a row lock sees what the other
   * transaction committed. Each event's effect stays in one transaction with the record of its event id.
   *
   * @param transactionManager the service's transaction manager
   */
  public static EventBatchProcessor readCommitted(PlatformTransactionManager transactionManager) {
    return new EventBatchProcessor(readCommittedTransactions(transactionManager));
  }

  /** The READ COMMITTED transactions of {@link #readCommitted}, for tests applying events as a consumer does. */
  public static TransactionTemplate readCommittedTransactions(PlatformTransactionManager transactionManager) {
    TransactionTemplate template = new TransactionTemplate(transactionManager);
    template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    return template;
  }

  /**
   * What a consumer does with its events.
   *
   * @param <T> the event as the consumer reads it (e.g. a {@code PersonDeceased} record)
   */
  public interface Handler<T> {

    /**
     * Reads one record. Returns {@code null} for a record the consumer ignores (another event type).
     *
     * @throws MalformedEventException if the record is not an event the consumer can read (dead-lettered
     *     without retry)
     */
    T read(ConsumerRecord<String, JsonNode> record);

    /** Applies one event, inside the caller's transaction; idempotent by event id. */
    void apply(T event);

    /**
     * Applies the events of a batch in their order, inside one transaction. The default calls
     * {@link #apply} for each; a consumer overrides it to read what the whole batch needs in one query
     * (e.g. which of these persons it pays), as long as the effect equals applying them one by one.
     */
    default void applyAll(List<T> events) {
      events.forEach(this::apply);
    }
  }

  /**
   * Applies {@code records} as described in the class comment.
   *
   * @throws BatchListenerFailedException naming the first record that could not be read or applied, after
   *     every record before it was applied and committed
   */
  public <T> void process(List<ConsumerRecord<String, JsonNode>> records, Handler<T> handler) {
    List<T> events = new ArrayList<>(records.size());
    List<ConsumerRecord<String, JsonNode>> sources = new ArrayList<>(records.size());
    BatchListenerFailedException unreadable = null;
    for (ConsumerRecord<String, JsonNode> record : records) {
      T event;
      try {
        event = handler.read(record);
      } catch (RuntimeException e) {
        unreadable = new BatchListenerFailedException(describe(record) + ": " + e.getMessage(), e, record);
        break;
      }
      if (event != null) {
        events.add(event);
        sources.add(record);
      }
    }
    if (!events.isEmpty()) {
      applyInOneTransaction(events, sources, handler);
    }
    if (unreadable != null) {
      throw unreadable;
    }
  }

  private <T> void applyInOneTransaction(List<T> events, List<ConsumerRecord<String, JsonNode>> sources,
      Handler<T> handler) {
    try {
      transactions.executeWithoutResult(status -> handler.applyAll(events));
      return;
    } catch (RuntimeException batchFailure) {
      log.warn("A batch of {} event(s) failed ({}); applying them one at a time", events.size(),
          batchFailure.toString());
    }
    for (int i = 0; i < events.size(); i++) {
      T event = events.get(i);
      try {
        transactions.executeWithoutResult(status -> handler.apply(event));
      } catch (RuntimeException e) {
        ConsumerRecord<String, JsonNode> record = sources.get(i);
        throw new BatchListenerFailedException(describe(record) + ": " + e.getMessage(), e, record);
      }
    }
  }

  private static String describe(ConsumerRecord<?, ?> record) {
    return "Record " + record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
