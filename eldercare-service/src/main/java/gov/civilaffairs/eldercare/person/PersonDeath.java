package gov.civilaffairs.eldercare.person;

import java.time.LocalDate;

/**
 * A confirmed death record of the registry applied to a registered elderly person (DOMAIN.md, death rule 5): what
 * the features whose benefits end need to end them, for a whole poll's deaths at once (issue 4).
 *
 * @param person the deceased, as registered before the death was applied
 * @param deathRecordId the registry's death record
 * @param dateOfDeath the date of death the record states
 */
public record PersonDeath(ElderlyPerson person, long deathRecordId, LocalDate dateOfDeath) {
}
