package gov.civilaffairs.veterans.person;

/** A periodic pension together with the entitled person who receives it. */
public record PersonPension(EntitledPerson person, PeriodicPension pension) {
}
