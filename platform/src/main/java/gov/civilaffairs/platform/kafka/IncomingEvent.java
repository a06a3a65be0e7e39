package gov.civilaffairs.platform.kafka;

import java.time.Instant;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

/**
 * An event as a listener receives it: the CloudEvents attributes read from the record's headers by the
 * CloudEvents SDK, and the JSON payload as a tree. Consumers read only the fields they need from
 * {@code data} and ignore the rest (EVENTS.md, Versioning), and use {@code id} as their idempotency key.
 *
 * <pre>{@code
 * @KafkaListener(topics = "registry.person.v1")
 * void on(ConsumerRecord<String, JsonNode> record) {
 *   IncomingEvent event = IncomingEvent.from(record);
 *   if (event.type().equals("gov.civilaffairs.registry.person-deceased.v1")) { ... }
 * }
 * }</pre>
 *
 * @param id {@code ce_id}, the idempotency key
 * @param type {@code ce_type}, e.g. {@code gov.civilaffairs.registry.person-deceased.v1}
 * @param source {@code ce_source}, the producing service, e.g. {@code registry-service}
 * @param subject {@code ce_subject}, the aggregate id
 * @param time {@code ce_time}, when the fact happened
 * @param data the payload
 */
public record IncomingEvent(UUID id, String type, String source, String subject, Instant time, JsonNode data) {

  /**
   * Reads the event carried by {@code record} (binary mode, EVENTS.md).
   *
   * @throws MalformedEventException if a CloudEvents attribute we require ({@code ce_specversion},
   *     {@code ce_id} as a UUID, {@code ce_type}, {@code ce_source}, {@code ce_subject},
   *     {@code ce_time}) is missing or invalid, or the record has no payload; the platform's error
   *     handler then dead-letters the record without retrying
   */
  public static IncomingEvent from(ConsumerRecord<String, JsonNode> record) {
    CloudEvent event;
    try {
      event = KafkaMessageFactory.createReader(record.headers(), null).toEvent();
    } catch (CloudEventRWException e) {
      throw malformed(record, e.getMessage(), e);
    }
    if (event.getSubject() == null || event.getTime() == null) {
      throw malformed(record, "ce_subject and ce_time are required", null);
    }
    if (record.value() == null) {
      throw malformed(record, "no payload", null);
    }
    UUID id;
    try {
      id = UUID.fromString(event.getId());
    } catch (IllegalArgumentException e) {
      throw malformed(record, "ce_id '" + event.getId() + "' is not a UUID", e);
    }
    return new IncomingEvent(id, event.getType(), event.getSource().toString(), event.getSubject(),
        event.getTime().toInstant(), record.value());
  }

  private static MalformedEventException malformed(ConsumerRecord<?, ?> record, String reason, Throwable cause) {
    return new MalformedEventException("Not a CloudEvent we accept at " + record.topic() + "-"
        + record.partition() + "@" + record.offset() + ": " + reason, cause);
  }
}
