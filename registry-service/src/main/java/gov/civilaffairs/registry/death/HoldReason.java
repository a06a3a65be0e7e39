package gov.civilaffairs.registry.death;

/** Why a death record waits instead of being applied (DOMAIN.md, the death rule, 2). */
public enum HoldReason {
  /** No person with this national ID number is in the person index. */
  UNKNOWN_PERSON,
  /** The person index has another birth date than the one the ID number encodes. */
  BIRTH_DATE_MISMATCH,
  /** The reported name differs from the person index after normalisation (PersonNames). */
  NAME_MISMATCH,
  /** A source that does not confirm alone (a caseworker by default) waits for a second source or a supervisor. */
  AWAITING_SECOND_SOURCE
}
