package gov.civilaffairs.relief.temporary;

import java.math.BigDecimal;
import java.time.Period;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Local values of temporary assistance (临时救助), under {@code relief.temporary}. The scheme is national:
 * 《国务院关于全面建立临时救助制度的通知》(国发〔2014〕47号) and 《社会救助暂行办法》 ch. 10: emergency cases are
 * helped first and the procedure completed afterwards (先行救助, 事后补办); the township approves up to a limit
 * the county delegates to it; the same cause is assisted at most once within a year (local rules); amounts
 * are set locally.
 *
 * @param townshipApprovalLimit the largest amount a township approves, yuan; above it the county approves;
 *     default 5000.00 (city policy, verify)
 * @param maximumAmount the largest amount of one case, yuan; default 50000.00 (city policy, verify)
 * @param sameCauseInterval the period within which the same cause of the same person is assisted once;
 *     default P1Y (local rule 同一事由一年内原则上只救助一次, verify)
 * @param emergencyApprovalWorkingDays working days after an emergency payment within which its approval is
 *     completed (事后补办手续); default 5 (city policy, verify)
 */
@Validated
@ConfigurationProperties("relief.temporary")
public record TemporaryAssistanceProperties(
    @NotNull @DecimalMin("0.01") @DefaultValue("5000.00") BigDecimal townshipApprovalLimit,
    @NotNull @DecimalMin("0.01") @DefaultValue("50000.00") BigDecimal maximumAmount,
    @NotNull @DefaultValue("P1Y") Period sameCauseInterval,
    @Min(1) @Max(30) @DefaultValue("5") int emergencyApprovalWorkingDays) {
}
