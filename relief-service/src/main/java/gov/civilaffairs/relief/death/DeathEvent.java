package gov.civilaffairs.relief.death;

import java.util.UUID;

/**
 * A registry event the death rule applies: a {@link PersonDeceased} or a {@link DeathRecordRevoked}, as the
 * listener read it from {@code registry.person.v1}.
 */
public sealed interface DeathEvent permits PersonDeceased, DeathRecordRevoked {

  /** The event's id ({@code ce_id}), the idempotency key. */
  UUID eventId();

  /** The registry's death record the event is about. */
  long deathRecordId();
}
