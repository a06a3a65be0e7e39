package gov.civilaffairs.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.RetryListener;

/**
 * Counts the records sent to a dead-letter topic, per original topic: the alert metric of a poison
 * message (QUALITY.md, Failure). Prometheus exposes it as
 * {@code platform_kafka_dead_letters_total{topic="registry.person.v1"}}; any increase needs a person.
 */
class DeadLetterMetrics implements RetryListener {

  /** Name of the counter; tag {@value #TOPIC_TAG} is the topic the record was consumed from. */
  static final String DEAD_LETTERS = "platform.kafka.dead.letters";
  static final String TOPIC_TAG = "topic";

  private final MeterRegistry registry;

  DeadLetterMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
    // Only a dead-lettered record calls for a person; a delivery that a retry may still fix does not.
  }

  /** Called once the recoverer has published {@code record} to its dead-letter topic. */
  @Override
  public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
    Counter.builder(DEAD_LETTERS)
        .description("Records sent to their dead-letter topic after failing to be processed")
        .tag(TOPIC_TAG, record.topic())
        .register(registry)
        .increment();
  }
}
