package gov.civilaffairs.relief.allowance;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The city's values of the minimum living allowance, under {@code relief.allowance}. The method is
 * national (民政部《最低生活保障审核确认办法》, 民发〔2021〕57号: the allowance is the difference
 * between the standard and the household's per-capita income); the values are set by the city each
 * year.
 *
 * @param urbanStandard urban standard (城市低保标准), yuan per person per month; default 1240.00
 *     (city policy, verify: a plausible 诸暨 2026 value; Zhejiang's counties use one urban-rural value)
 * @param ruralStandard rural standard (农村低保标准), yuan per person per month; default 1240.00
 *     (city policy, verify)
 * @param floorPerPerson the least paid per member and month, however high the household's income,
 *     yuan; default 100.00 (city policy, verify)
 * @param roundingScale decimal places the monthly amount is rounded to; default 0, to the yuan
 *     (city policy, verify)
 * @param rounding how the monthly amount is rounded; default {@code HALF_UP} (city policy, verify)
 * @param endOfBenefit the last month paid for a member who died; default {@code MONTH_OF_DEATH}
 *     (DOMAIN.md, the death rule point 4; city policy)
 */
@Validated
@ConfigurationProperties("relief.allowance")
public record AllowanceProperties(
    @NotNull @DecimalMin("0.01") @DefaultValue("1240.00") BigDecimal urbanStandard,
    @NotNull @DecimalMin("0.01") @DefaultValue("1240.00") BigDecimal ruralStandard,
    @NotNull @DecimalMin("0.00") @DefaultValue("100.00") BigDecimal floorPerPerson,
    @Min(0) @Max(2) @DefaultValue("0") int roundingScale,
    @NotNull @DefaultValue("HALF_UP") RoundingMode rounding,
    @NotNull @DefaultValue("MONTH_OF_DEATH") EndOfBenefit endOfBenefit) {

  /** The standard of an area, yuan per person per month. */
  public BigDecimal standard(Area area) {
    return area == Area.URBAN ? urbanStandard : ruralStandard;
  }
}
