package gov.civilaffairs.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the headers {@link CloudEventPublisher#headersFor} writes; no broker involved. */
class IncomingEventTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String TYPE = "gov.civilaffairs.registry.person-deceased.v1";

  // headersFor only writes headers: no template is needed.
  final CloudEventPublisher publisher = new CloudEventPublisher(null, JSON, "registry-service");
  final EventEnvelope event = new EventEnvelope(UUID.randomUUID(), TYPE, "person-1",
      Instant.parse("2026-06-30T15:30:00Z"), Map.of());
  final JsonNode data = JSON.readTree("{\"personId\":\"person-1\",\"unknownField\":true}");

  @Test
  void readsTheCloudEventsAttributesAndThePayload() {
    IncomingEvent incoming = IncomingEvent.from(record(publisher.headersFor(event), data));

    assertThat(incoming).isEqualTo(new IncomingEvent(event.id(), TYPE, "registry-service", "person-1",
        event.time(), data));
  }

  @Test
  void rejectsRecordWithoutCloudEventsHeaders() {
    assertThatExceptionOfType(MalformedEventException.class)
        .isThrownBy(() -> IncomingEvent.from(record(Map.of(), data)))
        .withMessageContaining("registry.person.v1-0@5");
  }

  @Test
  void rejectsIdThatIsNotUuid() {
    Map<String, Object> headers = new java.util.HashMap<>(publisher.headersFor(event));
    headers.put("ce_id", "42".getBytes(StandardCharsets.UTF_8));

    assertThatExceptionOfType(MalformedEventException.class)
        .isThrownBy(() -> IncomingEvent.from(record(headers, data)))
        .withMessageContaining("not a UUID");
  }

  @Test
  void rejectsEventWithoutSubject() {
    Map<String, Object> headers = new java.util.HashMap<>(publisher.headersFor(event));
    headers.remove("ce_subject");

    assertThatExceptionOfType(MalformedEventException.class)
        .isThrownBy(() -> IncomingEvent.from(record(headers, data)))
        .withMessageContaining("ce_subject");
  }

  @Test
  void publisherRejectsPreSerialisedPayloadThatIsNotJson() {
    EventEnvelope notJson = EventEnvelope.of(TYPE, "person-1", "person died");

    assertThatIllegalArgumentException().isThrownBy(() -> publisher.publish("registry.person.v1", notJson))
        .withMessageContaining("not JSON");
  }

  private static ConsumerRecord<String, JsonNode> record(Map<String, Object> headers, JsonNode value) {
    RecordHeaders recordHeaders = new RecordHeaders();
    headers.forEach((name, bytes) -> recordHeaders.add(name, (byte[]) bytes));
    return new ConsumerRecord<>("registry.person.v1", 0, 5, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME,
        -1, -1, "person-1", value, recordHeaders, java.util.Optional.empty());
  }
}
