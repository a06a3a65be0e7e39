package gov.civilaffairs.eldercare.university;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The terms of the elderly university (老年电大), {@code eldercare.elderly-university.*}: the month each term starts,
 * which places a term in a reporting period. Defaults: spring term in March, autumn term in September (the
 * schools' usual calendar; local practice, verify).
 */
@ConfigurationProperties("eldercare.elderly-university")
@Validated
public record ElderlyUniversityProperties(@DefaultValue("3") @Min(1) @Max(12) int springStartMonth,
    @DefaultValue("9") @Min(1) @Max(12) int autumnStartMonth) {
}
