package gov.civilaffairs.incomeverification.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Period;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import gov.civilaffairs.incomeverification.department.Finding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The city's rules for household economic verification ({@code income-verification.*}).
 *
 * @param consentMaxAge how old a signed consent may be when a request is made; default 6 months
 *     (city policy: the consent form of the application being processed, which must be decided within
 *     30 working days, extendable, under 民发〔2021〕57号)
 * @param deadline how long a request waits for the departments before its report is made with the
 *     missing ones marked; default 10 s
 * @param retryWindow how long missing departments are asked again after the request; default 3 days,
 *     after which the report is final with the sources still missing
 * @param retryInterval how often missing departments are asked again; default 5 minutes
 * @param thresholds what the report is determined against
 */
@Validated
@ConfigurationProperties("income-verification")
public record VerificationProperties(
    @DefaultValue("P6M") @NotNull Period consentMaxAge,
    @DefaultValue("10s") @NotNull Duration deadline,
    @DefaultValue("3d") @NotNull Duration retryWindow,
    @DefaultValue("5m") @NotNull Duration retryInterval,
    @Valid @NotNull Thresholds thresholds) {

  /**
   * @param allowanceStandardUrban 城市低保标准, yuan per person per month, set yearly by the city;
   *     no default: it must be configured
   * @param allowanceStandardRural 农村低保标准, yuan per person per month; no default
   * @param nearPovertyMultiple a household is near-poverty (低保边缘) when its per-capita income is
   *     below this multiple of the standard; default 1.5 (DOMAIN.md; 民发〔2021〕57号 allows the city
   *     up to 1.5)
   * @param assetLimitsPerCapita per asset category, yuan per living member that the household's total
   *     may not exceed (city policy); a category without a limit is not checked; default none
   * @param roundingMode rounding of per-capita amounts to fen (scale 2); default HALF_UP
   */
  public record Thresholds(
      @NotNull @DecimalMin("0.00") BigDecimal allowanceStandardUrban,
      @NotNull @DecimalMin("0.00") BigDecimal allowanceStandardRural,
      @DefaultValue("1.5") @NotNull @DecimalMin("1.0") BigDecimal nearPovertyMultiple,
      @DefaultValue Map<Finding.Category, @NotNull @DecimalMin("0.00") BigDecimal> assetLimitsPerCapita,
      @DefaultValue("HALF_UP") @NotNull RoundingMode roundingMode) {

    /** The standard of the household's residence, yuan per person per month. */
    public BigDecimal allowanceStandard(Residence residence) {
      return residence == Residence.URBAN ? allowanceStandardUrban : allowanceStandardRural;
    }
  }
}
