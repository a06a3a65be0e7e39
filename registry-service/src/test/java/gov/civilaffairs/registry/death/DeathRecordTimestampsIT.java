package gov.civilaffairs.registry.death;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import gov.civilaffairs.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A death record's times keep their microseconds in the database: MySQL Connector/J takes MariaDB 10.x
 * for MySQL 5.5 and dropped the fraction of every Timestamp parameter, so the benchmark's latency
 * (confirmation to effect) could only be measured in whole seconds.
 */
class DeathRecordTimestampsIT extends RegistryIntegrationTest {

  @Autowired
  DeathRecordRepository records;

  @Test
  void historyAndCreationTimesKeepTheirMicroseconds() {
    Instant at = Instant.parse("2026-06-30T15:30:00.123456Z");
    long recordId = records.insert(null, newIdNumber(), "钱某", LocalDate.of(2026, 6, 30), DeathRecordStatus.HELD_FOR_REVIEW,
        HoldReason.UNKNOWN_PERSON, at);
    records.appendHistory(recordId, "HELD", "HUKOU_CANCELLATION:T-1", null, at.plusMillis(1));

    assertThat(records.findById(recordId).orElseThrow().createdAt()).isEqualTo(at);
    assertThat(records.findHistory(recordId)).singleElement()
        .satisfies(entry -> assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2026-06-30T15:30:00.124456Z")));
  }
}
