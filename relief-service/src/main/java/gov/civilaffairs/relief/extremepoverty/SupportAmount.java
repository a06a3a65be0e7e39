package gov.civilaffairs.relief.extremepoverty;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The monthly support of an extreme-poverty person (国发〔2016〕14号): the basic living
 * standard (基本生活标准) plus the care allowance (照料护理费) of the person's care level. Yuan, scale 2.
 *
 * @param basicLiving allowance standard of the area that month x {@code basicLivingMultiple}, rounded to fen
 * @param careAllowance the care allowance of the care level
 * @param total basicLiving + careAllowance
 */
public record SupportAmount(BigDecimal basicLiving, BigDecimal careAllowance, BigDecimal total) {

  /**
   * @param allowanceStandard the minimum living allowance standard in force, yuan per person per month
   * @param properties the local multiple, care allowances and rounding
   * @param level the person's care level
   */
  public static SupportAmount of(BigDecimal allowanceStandard, ExtremePovertyProperties properties,
      ExtremePovertyCase.CareLevel level) {
    BigDecimal basic = allowanceStandard.multiply(properties.basicLivingMultiple())
        .setScale(2, properties.roundingMode());
    BigDecimal care = properties.careAllowance(level);
    return new SupportAmount(basic, care, basic.add(care));
  }

}
