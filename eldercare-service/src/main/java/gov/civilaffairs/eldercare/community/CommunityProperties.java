package gov.civilaffairs.eldercare.community;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Local values of the community registers, {@code eldercare.community.*}.
 *
 * @param homeGrades the grades of community elderly homes (星光老年之家), lowest first; default BASIC (基础型),
 *     STANDARD (标准型), MODEL (示范型). Local grading rules, verify.
 * @param associationTermYears years between two elections of a village elderly association (换届); default 3
 *     (the model articles of association of 浙江省 老年人协会; verify).
 */
@ConfigurationProperties("eldercare.community")
@Validated
public record CommunityProperties(@DefaultValue({"BASIC", "STANDARD", "MODEL"}) @NotEmpty List<String> homeGrades,
    @DefaultValue("3") @Min(1) @Max(10) int associationTermYears) {
}
