package gov.civilaffairs.platform.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.util.MimeTypeUtils;

/**
 * Publishes events as CloudEvents 1.0 in Kafka binary mode (EVENTS.md): the value is the JSON payload,
 * the headers are {@code ce_specversion}, {@code ce_id}, {@code ce_type}, {@code ce_source} (this
 * service's {@code spring.application.name}), {@code ce_time}, {@code ce_subject} and
 * {@code content-type: application/json}; the record key is the subject (the aggregate id). The
 * headers are written by the CloudEvents SDK ({@link KafkaMessageFactory}); the observation-enabled
 * {@code KafkaTemplate} adds {@code traceparent}. No Java type name goes on the wire.
 *
 * <p>Two ways to publish:
 * <ul>
 *   <li>{@link #publish} sends directly. Use it outside business transactions only (jobs, replays):
 *   a state change and its event must not part ways.</li>
 *   <li>From the outbox (Spring Modulith's event publication registry with Kafka externalisation):
 *   Modulith sends the event object, serialised to JSON; {@link #headersFor} gives the same CloudEvents
 *   headers for {@code EventExternalizationConfiguration}'s router. Spring Modulith builds that
 *   configuration early, before the Kafka template exists, so the bean takes an {@code ObjectProvider}
 *   and looks the publisher up only when an event is sent; injecting {@code CloudEventPublisher} itself
 *   there breaks start-up:
 *   <pre>{@code
 * @Bean
 * EventExternalizationConfiguration eventExternalization(ObjectProvider<CloudEventPublisher> cloudEventPublisher) {
 *   Supplier<CloudEventPublisher> cloudEvents = SingletonSupplier.of(cloudEventPublisher::getObject);
 *   return EventExternalizationConfiguration.externalizing()
 *       .select(event -> event instanceof PersonDeceased)
 *       .route(PersonDeceased.class, e -> RoutingTarget.forTarget("registry.person.v1").andKey(String.valueOf(e.personId())))
 *       .headers(PersonDeceased.class, e -> cloudEvents.get().headersFor(new EventEnvelope(
 *           e.eventId(), "gov.civilaffairs.registry.person-deceased.v1", String.valueOf(e.personId()), e.confirmedAt(), e)))
 *       .build();
 * }
 *   }</pre>
 *   (registry-service's {@code RegistryEventsConfiguration}).
 *   The event carries its own id ({@code eventId}) so that a publication resubmitted after a restart
 *   keeps its {@code ce_id}.</li>
 * </ul>
 */
public class CloudEventPublisher {

  /** A throw-away topic: {@link #headersFor} only reads the headers the SDK writes. */
  private static final String NO_TOPIC = "headers-only";

  private final KafkaOperations<String, byte[]> kafka;
  private final JsonMapper jsonMapper;
  private final URI source;

  /**
   * @param kafka the application's Kafka template
   * @param jsonMapper the application's JSON mapper, for payloads that are objects
   * @param source {@code ce_source}: the producing service's {@code spring.application.name}
   */
  public CloudEventPublisher(KafkaOperations<String, byte[]> kafka, JsonMapper jsonMapper, String source) {
    this.kafka = kafka;
    this.jsonMapper = jsonMapper;
    this.source = URI.create(source);
  }

  /**
   * Sends {@code event} to {@code topic}, keyed by its subject.
   *
   * @return completes when the broker has acknowledged the record ({@code acks=all}), or exceptionally
   * @throws IllegalArgumentException if the payload is a {@code String} or {@code byte[]} that is not JSON
   */
  public CompletableFuture<SendResult<String, byte[]>> publish(String topic, EventEnvelope event) {
    CloudEvent cloudEvent = builderFor(event).withData(jsonOf(event.data())).build();
    ProducerRecord<String, byte[]> record =
        KafkaMessageFactory.<String>createWriter(topic, event.subject()).writeBinary(cloudEvent);
    return kafka.send(record);
  }

  /**
   * The CloudEvents headers of {@code event} as message headers ({@code ce_*} and {@code content-type},
   * values as UTF-8 {@code byte[]}, which Spring Kafka's header mappers write as they are). The payload is
   * not read: the sender serialises it.
   */
  public Map<String, Object> headersFor(EventEnvelope event) {
    ProducerRecord<String, byte[]> record =
        KafkaMessageFactory.<String>createWriter(NO_TOPIC, event.subject()).writeBinary(builderFor(event).build());
    Map<String, Object> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value());
    }
    return headers;
  }

  private CloudEventBuilder builderFor(EventEnvelope event) {
    return CloudEventBuilder.v1()
        .withId(event.id().toString())
        .withType(event.type())
        .withSource(source)
        .withSubject(event.subject())
        .withTime(event.time().atOffset(ZoneOffset.UTC))
        .withDataContentType(MimeTypeUtils.APPLICATION_JSON_VALUE);
  }

  private byte[] jsonOf(Object data) {
    if (!(data instanceof byte[]) && !(data instanceof String)) {
      return jsonMapper.writeValueAsBytes(data);
    }
    byte[] json = data instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) data;
    try {
      jsonMapper.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Event payload is not JSON: " + e.getOriginalMessage(), e);
    }
    return json;
  }
}
