package gov.civilaffairs.relief.application;

import java.time.Period;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Local values of the minimum-living-allowance application workflow, under {@code relief.application}.
 * The workflow itself is national: 民政部《最低生活保障审核确认办法》(民发〔2021〕57号).
 *
 * @param processingWorkingDays working days from intake (受理) to the decision; default 30 (民发〔2021〕57号:
 *     审核确认应当自受理之日起30个工作日内完成, extendable to 45 in special cases; verify the article)
 * @param refusalNoticeWorkingDays working days within which a refusal is notified with its reasons;
 *     default 3 (民发〔2021〕57号, 不予确认的书面告知; verify)
 * @param noticeDays days of the public notice (公示), calendar days including the first; default 7
 *     (民发〔2021〕57号: 公示期为7天)
 * @param confirmationByTownship whether the township confirms (审核确认权限下放到乡镇) instead of the
 *     county; default false (民发〔2021〕57号 allows the county to delegate; city policy)
 * @param consentMaxAge how old a signed consent (授权书) may be at intake; default P6M, the value
 *     income-verification-service applies (city policy)
 * @param adultAge the age from which a member's details may be shown in the public notice; default 18
 *     (中华人民共和国未成年人保护法 (2020) art. 2 and 4: minors are under 18 and their personal
 *     information is protected)
 */
@Validated
@ConfigurationProperties("relief.application")
public record ApplicationProperties(
    @Min(1) @Max(90) @DefaultValue("30") int processingWorkingDays,
    @Min(1) @Max(30) @DefaultValue("3") int refusalNoticeWorkingDays,
    @Min(1) @Max(30) @DefaultValue("7") int noticeDays,
    @DefaultValue("false") boolean confirmationByTownship,
    @NotNull @DefaultValue("P6M") Period consentMaxAge,
    @Min(14) @Max(21) @DefaultValue("18") int adultAge) {
}
