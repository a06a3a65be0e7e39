package gov.civilaffairs.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditRelayShippableTest {

  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  private static final Instant DEADLINE = NOW.minusSeconds(60);

  @Test
  void contiguousEntriesAreAllShipped() {
    assertThat(ids(AuditRelay.shippable(List.of(entry(11, NOW), entry(12, NOW)), 10, DEADLINE))).containsExactly(11L, 12L);
  }

  @Test
  void aRecentGapStopsTheBatchUntilItsTransactionEnds() {
    assertThat(ids(AuditRelay.shippable(List.of(entry(11, NOW), entry(13, NOW)), 10, DEADLINE))).containsExactly(11L);
    assertThat(AuditRelay.shippable(List.of(entry(12, NOW)), 10, DEADLINE)).isEmpty();
  }

  @Test
  void anOldGapIsShippedPast() {
    assertThat(ids(AuditRelay.shippable(List.of(entry(13, NOW.minusSeconds(61)), entry(14, NOW)), 10, DEADLINE)))
        .containsExactly(13L, 14L);
  }

  private static List<Long> ids(List<AuditEntry> entries) {
    return entries.stream().map(AuditEntry::id).toList();
  }

  private static AuditEntry entry(long id, Instant occurredAt) {
    return new AuditEntry(id, occurredAt, "zhang.wei", AuditActor.Kind.USER, List.of("COUNTY_OFFICER"), "330681",
        AuditAction.READ, "household", "7", null, AuditOutcome.SUCCESS, null, "relief-service");
  }
}
