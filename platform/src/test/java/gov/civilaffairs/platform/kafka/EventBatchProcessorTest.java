package gov.civilaffairs.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@link EventBatchProcessor} against a transaction manager that keeps a transaction's effects only if it
 * commits: what is committed, in which order, and which record the error handler is told about.
 */
class EventBatchProcessorTest {

  /** Effects written inside a transaction reach {@link #committed} only when it completes normally. */
  static final class BufferedTransactions implements TransactionOperations {

    final List<String> committed = new ArrayList<>();
    final AtomicInteger transactions = new AtomicInteger();
    private List<String> pending;

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
      transactions.incrementAndGet();
      pending = new ArrayList<>();
      try {
        T result = action.doInTransaction(new SimpleTransactionStatus());
        committed.addAll(pending);
        return result;
      } finally {
        pending = null;
      }
    }

    void write(String effect) {
      assertThat(pending).as("effects are written inside a transaction").isNotNull();
      pending.add(effect);
    }
  }

  /** Reads the record's value as text; "malformed" cannot be read; "poison" fails whenever it is applied. */
  static final class Handler implements EventBatchProcessor.Handler<String> {

    final BufferedTransactions transactions;
    int failuresLeftOfTheWholeBatch;

    Handler(BufferedTransactions transactions) {
      this.transactions = transactions;
    }

    @Override
    public String read(ConsumerRecord<String, JsonNode> record) {
      String value = record.value().asString();
      if (value.equals("malformed")) {
        throw new MalformedEventException("not an event", null);
      }
      return value.equals("ignored") ? null : value;
    }

    @Override
    public void apply(String event) {
      transactions.write(event);
      if (event.equals("poison")) {
        throw new IllegalStateException("cannot apply " + event);
      }
    }

    @Override
    public void applyAll(List<String> events) {
      EventBatchProcessor.Handler.super.applyAll(events);
      if (failuresLeftOfTheWholeBatch-- > 0) {
        throw new IllegalStateException("deadlock found when trying to get lock");
      }
    }
  }

  final BufferedTransactions transactions = new BufferedTransactions();
  final Handler handler = new Handler(transactions);
  final EventBatchProcessor processor = new EventBatchProcessor(transactions);

  @Test
  void aBatchIsAppliedInOrderInOneTransaction() {
    processor.process(records("a", "ignored", "b", "c"), handler);

    assertThat(transactions.committed).containsExactly("a", "b", "c");
    assertThat(transactions.transactions).hasValue(1);
  }

  @Test
  void aFailedBatchTransactionIsAppliedAgainOneEventAtATime() {
    handler.failuresLeftOfTheWholeBatch = 1;

    processor.process(records("a", "b", "c"), handler);

    assertThat(transactions.committed).as("the rolled-back batch left nothing; each event once").containsExactly("a", "b", "c");
    assertThat(transactions.transactions).hasValue(4);
  }

  @Test
  void aRecordThatCannotBeAppliedStopsTheBatchAfterTheRecordsBeforeItAreCommitted() {
    List<ConsumerRecord<String, JsonNode>> records = records("a", "b", "poison", "c");

    assertThatThrownBy(() -> processor.process(records, handler))
        .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
          assertThat(e.getRecord()).isSameAs(records.get(2));
          assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        });
    assertThat(transactions.committed).as("c, after the poison, waits for its redelivery").containsExactly("a", "b");
  }

  @Test
  void aMalformedRecordStopsTheBatchAfterTheRecordsBeforeItAreCommitted() {
    List<ConsumerRecord<String, JsonNode>> records = records("a", "malformed", "b");

    assertThatThrownBy(() -> processor.process(records, handler))
        .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
          assertThat(e.getRecord()).isSameAs(records.get(1));
          assertThat(e.getCause()).isInstanceOf(MalformedEventException.class);
        });
    assertThat(transactions.committed).containsExactly("a");
    assertThat(transactions.transactions).hasValue(1);
  }

  @Test
  void aMalformedFirstRecordOpensNoTransaction() {
    assertThatThrownBy(() -> processor.process(records("malformed", "a"), handler))
        .isInstanceOf(BatchListenerFailedException.class);
    assertThat(transactions.transactions).hasValue(0);
  }

  private static List<ConsumerRecord<String, JsonNode>> records(String... values) {
    List<ConsumerRecord<String, JsonNode>> records = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      records.add(new ConsumerRecord<>("registry.person.v1", 0, 100 + i, "person-" + i,
          JsonNodeFactory.instance.stringNode(values[i])));
    }
    return records;
  }
}
