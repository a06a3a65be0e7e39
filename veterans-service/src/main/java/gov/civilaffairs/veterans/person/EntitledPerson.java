package gov.civilaffairs.veterans.person;

import java.time.LocalDate;

/**
 * An entitled person (优抚对象) as this service keeps them.
 *
 * @param nationalIdNumber 18 characters, upper-case {@code X}, as matched against the registry's death events
 * @param disabilityGrade 1 (most severe) to 10, for {@link EntitledCategory#DISABLED_VETERAN} only, else {@code null}
 * @param disabilityCause for {@link EntitledCategory#DISABLED_VETERAN} only, else {@code null}
 * @param regionCode GB/T 2260 code of the place of household registration (down to village level)
 * @param dateOfDeath civil date in Asia/Shanghai, while {@link PersonStatus#DECEASED}
 */
public record EntitledPerson(long id, String nationalIdNumber, String name, EntitledCategory category,
    Integer disabilityGrade, DisabilityCause disabilityCause, String regionCode, PersonStatus status,
    LocalDate dateOfDeath) {
}
