package gov.civilaffairs.relief.application;

/**
 * The outcome of asking registry-service about every member at intake (issue 5: a dead person cannot be
 * enrolled; if the registry is down the check is pending and retried, not skipped).
 */
public enum RegistryCheck {
  /** The registry did not answer for at least one member; asked again by {@link ApplicationService#retryPending}. */
  PENDING,
  /** Every member is indexed and living. */
  PASSED,
  /** A member is deceased or not indexed; the application was refused. */
  FAILED
}
