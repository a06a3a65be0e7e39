package gov.civilaffairs.eldercare.death;

import java.util.UUID;

/**
 * A registry event the death flow applies: a confirmed death or the revocation of a death record.
 */
sealed interface DeathEvent permits PersonDeceased, DeathRecordRevoked {

  /** The event's id ({@code ce_id}), the idempotency key. */
  UUID eventId();

  /** The registry's death record the event is about. */
  long deathRecordId();
}
