package gov.civilaffairs.relief.medical;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Medical assistance values per beneficiary category, under {@code relief.medical.categories.<CATEGORY>}
 * (国务院办公厅《关于健全重特大疾病医疗保险和救助制度的意见》国办发〔2021〕42号: assistance covers the
 * eligible out-of-pocket cost left after basic medical insurance and critical-illness insurance, above a
 * yearly deductible (起付标准), at a ratio (救助比例), up to a yearly cap (年度救助限额), all set locally by
 * category). A category without values cannot be settled.
 */
@Validated
@ConfigurationProperties("relief.medical")
public record MedicalAssistanceProperties(@NotNull @DefaultValue Map<String, @Valid Category> categories) {

  /**
   * @param deductible yearly deductible, yuan (起付标准)
   * @param ratio share of the eligible cost above the deductible paid by assistance, 0 to 1
   * @param annualCap the most paid to one person in a calendar year, yuan
   */
  public record Category(
      @NotNull @DecimalMin("0.00") BigDecimal deductible,
      @NotNull @DecimalMin("0.00") @DecimalMax("1.00") BigDecimal ratio,
      @NotNull @DecimalMin("0.00") BigDecimal annualCap) {
  }
}
