package gov.civilaffairs.platform.kafka;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One event to publish: the CloudEvents 1.0 attributes our events carry (EVENTS.md) and its payload.
 *
 * @param id {@code ce_id}, unique per event; consumers use it as their idempotency key. An event that
 *     may be sent again (from an outbox) must keep its id, so domain events carry their own.
 * @param type {@code ce_type}, logical and versioned, lower case, e.g.
 *     {@code gov.civilaffairs.registry.person-deceased.v1}; never a Java class name
 * @param subject {@code ce_subject} and the record key: the aggregate id (person, household, request),
 *     so that all events of one aggregate stay in order on one partition
 * @param time {@code ce_time}: when the fact happened, an instant (written in UTC)
 * @param data the JSON payload: any object (serialised with the application's Jackson
 *     {@code JsonMapper}), or JSON already serialised as a {@link String} or UTF-8 {@code byte[]}
 * @throws IllegalArgumentException if the type is not logical and versioned or the subject is blank
 */
public record EventEnvelope(UUID id, String type, String subject, Instant time, Object data) {

  /** Dot-separated lower-case words ending in a version, e.g. {@code gov.civilaffairs.registry.person-deceased.v1}. */
  static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+\\.v[1-9][0-9]*");

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("Event type '" + type
          + "' must be logical and versioned (EVENTS.md), e.g. gov.civilaffairs.registry.person-deceased.v1");
    }
    if (subject.isBlank()) {
      throw new IllegalArgumentException("Event subject (the aggregate id) must not be blank");
    }
  }

  /** A new event with a random id, happening now. */
  public static EventEnvelope of(String type, String subject, Object data) {
    return new EventEnvelope(UUID.randomUUID(), type, subject, Instant.now(), data);
  }
}
