package gov.civilaffairs.veterans.death;

/** This service's view of a registry death record. */
enum DeathRecordStatus {
  /** Its effects apply. */
  APPLIED,
  /** Revoked by the registry; never applied again, even if its person-deceased event is replayed. */
  REVOKED
}
