package gov.civilaffairs.relief.extremepoverty;

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
 * Local values of extreme-poverty support (特困人员救助供养), under {@code relief.extreme-poverty}. The standards are
 * set by the provincial or city government (《社会救助暂行办法》 art. 18; 《国务院关于进一步健全特困人员救助供养制度的
 * 意见》 国发〔2016〕14号 part 2): the basic living standard (基本生活标准) at least 1.3 times
 * the local minimum living allowance standard, and a care standard (照料护理标准) graded by the person's ability
 * to care for themself.
 *
 * @param basicLivingMultiple basic living standard = this x the allowance standard of the person's area in force
 *     that month; default 1.3 (国发〔2016〕14号: 不低于当地低保标准的1.3倍)
 * @param careAllowanceFullSelfCare care allowance per month for a person who cares for themself, yuan; default
 *     200.00 (city policy, verify)
 * @param careAllowancePartialSelfCare the same for a person partly unable to care for themself; default 600.00
 *     (city policy, verify)
 * @param careAllowanceNoSelfCare the same for a person wholly unable to care for themself; default 1200.00
 *     (city policy, verify)
 * @param roundingMode rounding of the basic living standard to fen (scale 2); default HALF_UP (city policy)
 * @param townshipReviewWorkingDays working days from intake within which the township completes its review;
 *     default 15 (特困人员认定办法 民发〔2021〕43号, verify the days)
 * @param determinationWorkingDays working days from the township's review within which the county determines;
 *     default 15 (民发〔2021〕43号, verify the days)
 */
@Validated
@ConfigurationProperties("relief.extreme-poverty")
public record ExtremePovertyProperties(
    @NotNull @DecimalMin("1.0") @DefaultValue("1.3") BigDecimal basicLivingMultiple,
    @NotNull @DecimalMin("0.00") @DefaultValue("200.00") BigDecimal careAllowanceFullSelfCare,
    @NotNull @DecimalMin("0.00") @DefaultValue("600.00") BigDecimal careAllowancePartialSelfCare,
    @NotNull @DecimalMin("0.00") @DefaultValue("1200.00") BigDecimal careAllowanceNoSelfCare,
    @NotNull @DefaultValue("HALF_UP") RoundingMode roundingMode,
    @Min(1) @Max(60) @DefaultValue("15") int townshipReviewWorkingDays,
    @Min(1) @Max(60) @DefaultValue("15") int determinationWorkingDays) {

  /** The care allowance of a level, yuan per month, scale 2. */
  public BigDecimal careAllowance(ExtremePovertyCase.CareLevel level) {
    BigDecimal amount = switch (level) {
      case FULL_SELF_CARE -> careAllowanceFullSelfCare;
      case PARTIAL_SELF_CARE -> careAllowancePartialSelfCare;
      case NO_SELF_CARE -> careAllowanceNoSelfCare;
    };
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }
}
