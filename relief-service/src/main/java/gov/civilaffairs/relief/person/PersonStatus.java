package gov.civilaffairs.relief.person;

/** What registry-service's person index says of a national ID number ({@link PersonIndex#check}). */
public enum PersonStatus {
  /** Indexed and living: may be enrolled. */
  LIVING,
  /** Indexed with a confirmed death: may not be enrolled (DOMAIN.md, the death rule). */
  DECEASED,
  /** The registry does not index the number: not a known resident, may not be enrolled. */
  NOT_INDEXED,
  /**
   * The registry (or the token endpoint) did not answer: timeout, connection error, 5xx, or the circuit
   * breaker is open. Nothing is known; the check is pending and asked again later.
   */
  UNAVAILABLE;

  /** Whether the person may be a member of an allowance household. */
  public boolean enrollable() {
    return this == LIVING;
  }
}
