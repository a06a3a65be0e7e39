package gov.civilaffairs.relief.orphan;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Local amounts of the monthly basic living allowance (基本生活费) of children, under {@code relief.orphan}. The
 * provinces set them (国办发〔2010〕54号 part 2: 按照不低于当地平均生活水平的原则合理确定孤儿基本生活最低养育标准;
 * 民发〔2019〕62号 part 2: 事实无人抚养儿童 参照当地孤儿保障标准).
 *
 * @param scatteredOrphanAmount yuan per month for a scattered orphan; default 2000.00 (provincial standard, verify)
 * @param deFactoUnsupportedAmount yuan per month for a de-facto unsupported child; default 2000.00 (the orphans'
 *     standard, 民发〔2019〕62号; verify)
 */
@Validated
@ConfigurationProperties("relief.orphan")
public record ChildAllowanceProperties(
    @NotNull @DecimalMin("0.01") @DefaultValue("2000.00") BigDecimal scatteredOrphanAmount,
    @NotNull @DecimalMin("0.01") @DefaultValue("2000.00") BigDecimal deFactoUnsupportedAmount) {

  /** The monthly amount of a kind, yuan, scale 2. */
  public BigDecimal amount(ChildRegistration.Kind kind) {
    BigDecimal amount = kind == ChildRegistration.Kind.SCATTERED_ORPHAN ? scatteredOrphanAmount
        : deFactoUnsupportedAmount;
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }
}
