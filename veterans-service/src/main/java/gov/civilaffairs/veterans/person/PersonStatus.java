package gov.civilaffairs.veterans.person;

/** Whether an entitled person is living, as far as this service knows from the registry's events. */
public enum PersonStatus {
  LIVING,
  /** A confirmed death record applies (registry.person-deceased.v1). */
  DECEASED
}
