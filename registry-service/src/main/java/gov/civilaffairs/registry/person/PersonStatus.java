package gov.civilaffairs.registry.person;

/** Whether the registry holds a confirmed death for the person. */
public enum PersonStatus {
  LIVING, DECEASED
}
