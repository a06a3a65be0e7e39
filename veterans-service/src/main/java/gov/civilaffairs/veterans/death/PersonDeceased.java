package gov.civilaffairs.veterans.death;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The fields this service reads from {@code registry.person-deceased.v1} (tolerant reader; the schema is
 * the registry's {@code contracts/events/registry.person-deceased.v1.schema.json}).
 *
 * @param eventId ce_id, the idempotency key
 * @param nationalIdNumber 18 characters, upper-case {@code X}: matched against entitled persons
 * @param dateOfDeath civil date in Asia/Shanghai
 */
record PersonDeceased(UUID eventId, long deathRecordId, String nationalIdNumber, LocalDate dateOfDeath)
    implements DeathEvent {

  static final String TYPE = "gov.civilaffairs.registry.person-deceased.v1";
}
