package gov.civilaffairs.veterans.subsidy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The city's limits on one-off subsidies ({@code veterans.subsidies.*}). 军人抚恤优待条例 (2024 revision)
 * provides medical care and hardship help for entitled persons but leaves the amounts to local
 * governments: every default below is city policy, to verify against the city's current rules.
 *
 * @param maxAmount the most one subsidy of a type may be, yuan; a map set in configuration is laid over the
 *     defaults: OUTPATIENT_MEDICAL 3000.00, INPATIENT_MEDICAL 30000.00, TEMPORARY_HARDSHIP 5000.00
 * @param townshipApprovalLimit the largest amount a township caseworker approves alone (乡镇审批); above it a
 *     county officer approves (县级审批), as for temporary assistance (DOMAIN.md); default 1000.00
 */
@ConfigurationProperties("veterans.subsidies")
@Validated
public record SubsidyPolicy(
    Map<SubsidyType, @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal> maxAmount,
    @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal townshipApprovalLimit) {

  /** Default maximum per subsidy, by type (city policy; verify). */
  static final Map<SubsidyType, BigDecimal> DEFAULT_MAX_AMOUNT = Map.of(
      SubsidyType.OUTPATIENT_MEDICAL, new BigDecimal("3000.00"),
      SubsidyType.INPATIENT_MEDICAL, new BigDecimal("30000.00"),
      SubsidyType.TEMPORARY_HARDSHIP, new BigDecimal("5000.00"));

  public SubsidyPolicy {
    Map<SubsidyType, BigDecimal> limits = new EnumMap<>(SubsidyType.class);
    limits.putAll(DEFAULT_MAX_AMOUNT);
    if (maxAmount != null) {
      limits.putAll(maxAmount);
    }
    maxAmount = Map.copyOf(limits);
    townshipApprovalLimit = townshipApprovalLimit == null ? new BigDecimal("1000.00") : townshipApprovalLimit;
  }
}
