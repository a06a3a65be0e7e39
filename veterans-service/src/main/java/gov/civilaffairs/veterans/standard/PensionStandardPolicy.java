package gov.civilaffairs.veterans.standard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How far a pension standard may be backdated ({@code veterans.standards.*}). National standards are
 * usually published mid-year and take effect from an earlier month of the same year (e.g. published in
 * July, effective from 1 January; verify each year's notice of 退役军人事务部 and 财政部); a standard dated
 * further back is almost always a typing error in the effective month.
 *
 * @param maxBackdatedMonths how many months before the month of publication the effective month may lie,
 *     0 to 60; default 12 (city policy; verify)
 */
@ConfigurationProperties("veterans.standards")
@Validated
public record PensionStandardPolicy(@Min(0) @Max(60) Integer maxBackdatedMonths) {

  public PensionStandardPolicy {
    maxBackdatedMonths = maxBackdatedMonths == null ? 12 : maxBackdatedMonths;
  }
}
