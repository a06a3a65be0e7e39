package gov.civilaffairs.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

  @Test
  void acceptsLogicalVersionedType() {
    EventEnvelope event = EventEnvelope.of("gov.civilaffairs.registry.person-deceased.v1", "person-1", Map.of());
    assertThat(event.id()).isNotNull();
    assertThat(event.time()).isNotNull();
  }

  @Test
  void rejectsJavaClassNameAsType() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventEnvelope.of("gov.civilaffairs.registry.PersonDeceased", "person-1", Map.of()))
        .withMessageContaining("logical and versioned");
  }

  @Test
  void rejectsTypeWithoutVersion() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventEnvelope.of("gov.civilaffairs.registry.person-deceased", "person-1", Map.of()));
  }

  @Test
  void rejectsBlankSubject() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventEnvelope.of("gov.civilaffairs.registry.person-deceased.v1", " ", Map.of()))
        .withMessageContaining("aggregate id");
  }
}
