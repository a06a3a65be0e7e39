package gov.civilaffairs.registry.person;

/** Sex as recorded in the household register and encoded in the national ID number's sequence digit. */
public enum Sex {
  MALE, FEMALE
}
