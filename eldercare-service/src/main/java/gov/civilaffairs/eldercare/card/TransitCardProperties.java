package gov.civilaffairs.eldercare.card;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The free-transit card (老年人免费乘车IC卡), {@code eldercare.transit-card.*}.
 *
 * @param minimumAge full years from which a person gets the card (default 70). City policy, verify: most
 *     cities of 浙江省 give free rides from 70 and half fares from 60-69 (the local 老年人优待 rules).
 */
@ConfigurationProperties("eldercare.transit-card")
@Validated
public record TransitCardProperties(@DefaultValue("70") @Min(60) @Max(120) int minimumAge) {
}
