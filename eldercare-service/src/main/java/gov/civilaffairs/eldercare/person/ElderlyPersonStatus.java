package gov.civilaffairs.eldercare.person;

/** Whether the registry's death records say the person is alive. */
public enum ElderlyPersonStatus {
  /** No applied death record. */
  LIVING,
  /** A confirmed death record applies; revoking it makes the person LIVING again. */
  DECEASED
}
