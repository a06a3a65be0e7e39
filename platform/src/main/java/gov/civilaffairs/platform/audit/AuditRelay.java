package gov.civilaffairs.platform.audit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Ships audit entries to the central audit topic ({@code platform.audit.v1}), in id order,
 * at least once. Entries are never updated, so progress is kept apart, in
 * {@code audit_shipping_cursor.last_shipped_id}: each run locks the cursor row (one relay at a time
 * across the service's instances), sends the entries above it, waits for the broker's
 * acknowledgement of all of them and only then moves the cursor, in one transaction. Broker down or
 * slow: the run fails, the cursor stays, the entries wait for the next run. A crash between
 * acknowledgement and cursor update sends them again: the central store de-duplicates on
 * {@code ce_id}, which is the same on every resend.
 *
 * <p>Message: CloudEvents 1.0 binary mode (EVENTS.md), key = service name (one partition per
 * service, so its entries stay in order), value = the {@link AuditEntry} as JSON; {@code ce_id} =
 * name-based UUID of service name and entry id, {@code ce_type} = {@value #EVENT_TYPE},
 * {@code ce_source} = service name, {@code ce_subject} = entry id, {@code ce_time} = when it occurred.
 */
// TODO(lead): when platform.kafka's CloudEvents publisher helper is merged, build the record with it.
public class AuditRelay implements DisposableBean {

  /** CloudEvents type of a published audit entry. */
  public static final String EVENT_TYPE = "gov.civilaffairs.platform.audit-entry.v1";

  private static final Logger log = LoggerFactory.getLogger(AuditRelay.class);

  private final AuditEntryRepository entries;
  private final JdbcClient jdbc;
  private final TransactionOperations transactions;
  private final KafkaTemplate<String, byte[]> kafka;
  private final JsonMapper json;
  private final AuditProperties properties;
  private final Clock clock;
  private final String serviceName;

  public AuditRelay(AuditEntryRepository entries, JdbcClient jdbc, TransactionOperations transactions,
      KafkaTemplate<String, byte[]> kafka, JsonMapper json, AuditProperties properties, Clock clock,
      String serviceName) {
    this.entries = entries;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.json = json;
    this.properties = properties;
    this.clock = clock;
    this.serviceName = serviceName;
  }

  /** One scheduled run: ships one batch, or logs why it could not (the entries wait for the next run). */
  public void relay() {
    try {
      transactions.executeWithoutResult(status -> shipBatch());
    } catch (RuntimeException e) {
      log.warn("Audit entries not shipped to {} in this run; they will be retried: {}", properties.topic(),
          e.toString());
    }
  }

  /**
   * Ships the next batch; must run in a transaction (the cursor row stays locked until it ends).
   *
   * @return the number of entries shipped
   * @throws IllegalStateException if the broker did not acknowledge every entry in time
   */
  int shipBatch() {
    long cursor = jdbc.sql("SELECT last_shipped_id FROM audit_shipping_cursor WHERE id = 1 FOR UPDATE")
        .query(Long.class).single();
    List<AuditEntry> batch = shippable(entries.findAfter(cursor, properties.relay().batchSize()), cursor,
        clock.instant().minus(properties.relay().gapGrace()));
    if (batch.isEmpty()) {
      return 0;
    }
    CompletableFuture<?>[] sends = batch.stream().map(entry -> kafka.send(message(entry)))
        .toArray(CompletableFuture[]::new);
    awaitAcknowledgement(CompletableFuture.allOf(sends));
    jdbc.sql("UPDATE audit_shipping_cursor SET last_shipped_id = ?, shipped_at = UTC_TIMESTAMP(3) WHERE id = 1")
        .param(batch.get(batch.size() - 1).id())
        .update();
    return batch.size();
  }

  /**
   * The entries that may be shipped now: those in id order up to the first gap in the ids, unless the
   * entry after the gap was recorded before {@code gapDeadline}. A gap is an id whose transaction
   * has not committed yet (ids are allocated at insert, visible at commit) or rolled back; shipping
   * past a still-open one would lose its entry for good, since the cursor never goes back.
   *
   * @param candidates entries with ids above {@code cursor}, in id order
   * @param cursor the highest id shipped so far
   * @param gapDeadline entries recorded before this instant are shipped even after a gap
   */
  static List<AuditEntry> shippable(List<AuditEntry> candidates, long cursor, Instant gapDeadline) {
    List<AuditEntry> shippable = new ArrayList<>();
    long expected = cursor + 1;
    for (AuditEntry entry : candidates) {
      if (entry.id() != expected && !entry.occurredAt().isBefore(gapDeadline)) {
        break;
      }
      shippable.add(entry);
      expected = entry.id() + 1;
    }
    return shippable;
  }

  /** Closes the relay's own producer when the service stops. */
  @Override
  public void destroy() throws Exception {
    if (kafka.getProducerFactory() instanceof DisposableBean producers) {
      producers.destroy();
    }
  }

  private ProducerRecord<String, byte[]> message(AuditEntry entry) {
    CloudEvent event = CloudEventBuilder.v1()
        .withId(UUID.nameUUIDFromBytes((serviceName + "/" + entry.id()).getBytes(StandardCharsets.UTF_8)).toString())
        .withType(EVENT_TYPE)
        .withSource(URI.create(serviceName))
        .withSubject(Long.toString(entry.id()))
        .withTime(entry.occurredAt().atOffset(ZoneOffset.UTC))
        .withDataContentType("application/json")
        .withData(json.writeValueAsBytes(entry))
        .build();
    return KafkaMessageFactory.createWriter(properties.topic(), serviceName).writeBinary(event);
  }

  private void awaitAcknowledgement(CompletableFuture<?> all) {
    try {
      all.get(properties.relay().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the broker", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The broker did not acknowledge the audit entries", e);
    }
  }
}
