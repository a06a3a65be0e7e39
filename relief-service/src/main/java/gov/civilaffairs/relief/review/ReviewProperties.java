package gov.civilaffairs.relief.review;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Local values of the periodic review (动态管理), under {@code relief.review}. 民发〔2021〕57号 asks for
 * periodic review of allowance households, less often for stable ones; the intervals are set locally.
 *
 * @param stableIntervalMonths months between reviews of a household with no member of working age
 *     (elderly, disabled, minors: 收入来源相对固定的家庭); default 12 (local guides, DOMAIN.md)
 * @param workingAgeIntervalMonths months between reviews of a household with a member of working age
 *     (有劳动能力的家庭); default 6 (local guides, DOMAIN.md)
 * @param workingAgeFrom the first year of working age; default 16 (中华人民共和国劳动法 art. 15: no
 *     employment under 16)
 * @param workingAgeTo the last year of working age; default 59 (statutory retirement at 60 for men,
 *     国发〔1978〕104号, raised gradually from 2025; verify the city's rule)
 */
@Validated
@ConfigurationProperties("relief.review")
public record ReviewProperties(
    @Min(1) @Max(36) @DefaultValue("12") int stableIntervalMonths,
    @Min(1) @Max(36) @DefaultValue("6") int workingAgeIntervalMonths,
    @Min(14) @Max(20) @DefaultValue("16") int workingAgeFrom,
    @Min(50) @Max(70) @DefaultValue("59") int workingAgeTo) {
}
