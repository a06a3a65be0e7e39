package gov.civilaffairs.platform.region;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which administrative divisions a service loads, {@code platform.regions.*}.
 *
 * @param provinces 2-digit codes of the provinces whose divisions are loaded, down to the villages;
 *     default {@code 33} (浙江省, the reference city 诸暨市 is there). Each needs its data file in the
 *     platform jar (see region/SOURCE.md); 浙江省 alone is about 27,000 divisions.
 */
@ConfigurationProperties("platform.regions")
@Validated
public record RegionProperties(
    @DefaultValue("33") @NotEmpty List<@Pattern(regexp = "\\d{2}", message = "must be a 2-digit province code") String> provinces) {
}
