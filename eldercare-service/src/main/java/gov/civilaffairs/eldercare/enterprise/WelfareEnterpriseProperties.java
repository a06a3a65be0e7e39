package gov.civilaffairs.eldercare.enterprise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The quantitative conditions of a welfare enterprise (福利企业) checked at the annual inspection,
 * {@code eldercare.welfare-enterprise.*}. Source: 福利企业资格认定办法 (民发〔2007〕103号) art. 2: disabled employees
 * at least 25% of the employees and at least 10 persons (verify the province's current rules; tax relief for
 * employing disabled people follows 财税〔2016〕52号).
 *
 * @param minimumDisabledShare default 0.25
 * @param minimumDisabledEmployees default 10
 */
@ConfigurationProperties("eldercare.welfare-enterprise")
@Validated
public record WelfareEnterpriseProperties(
    @DefaultValue("0.25") @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal minimumDisabledShare,
    @DefaultValue("10") @Min(0) int minimumDisabledEmployees) {

  /**
   * The quantitative conditions an enterprise with these employees does not meet, as reasons for a caseworker;
   * empty when it meets them. The share is rounded to 4 decimals (HALF_UP) before it is compared.
   */
  public List<String> unmetConditions(int employees, int disabledEmployees) {
    List<String> reasons = new ArrayList<>();
    if (disabledEmployees < minimumDisabledEmployees) {
      reasons.add("disabled employees " + disabledEmployees + " fewer than " + minimumDisabledEmployees);
    }
    BigDecimal share = employees == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(disabledEmployees).divide(BigDecimal.valueOf(employees), 4, RoundingMode.HALF_UP);
    if (share.compareTo(minimumDisabledShare) < 0) {
      reasons.add("disabled share " + share + " below " + minimumDisabledShare);
    }
    return reasons;
  }
}
