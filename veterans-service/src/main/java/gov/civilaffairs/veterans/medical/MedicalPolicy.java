package gov.civilaffairs.veterans.medical;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

import gov.civilaffairs.veterans.person.EntitledCategory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the veterans' medical subsidy (优抚医疗补助) of a one-stop settlement is computed
 * ({@code veterans.medical.*}): a share of what the patient would still pay after basic medical insurance,
 * critical-illness insurance and medical assistance, up to a yearly cap per person.
 *
 * <p>Sources (article numbers to verify against the current texts): 军人抚恤优待条例 (2024 revision, chapter on
 * preferential treatment): the medical costs of disabled veterans of grades 1 to 6 are guaranteed (按照规定予以
 * 保障), hence a share of 1.00 without cap by default; 优抚对象医疗保障办法 (民发〔2005〕199号): other entitled persons
 * get a local medical subsidy of the costs their insurance leaves them, whose share and cap are city policy
 * (defaults below; verify against the city's rules).
 *
 * @param share share of the remaining self-paid cost, by category, 0 to 1; default 0.50 for every category
 * @param severeDisabilityMaxGrade disabled veterans of this grade or more severe (1 = most severe) get
 *     {@code severeDisabilityShare} without the yearly cap; default 6
 * @param severeDisabilityShare default 1.00
 * @param yearlyCap most subsidy per person and calendar year of the settlement date, yuan; default 20000.00
 * @param roundingMode rounding of the subsidy to the fen; default HALF_UP
 */
@ConfigurationProperties("veterans.medical")
@Validated
public record MedicalPolicy(
    Map<EntitledCategory, @NotNull @DecimalMin("0.00") @DecimalMax("1.00") BigDecimal> share,
    @Min(0) @Max(10) Integer severeDisabilityMaxGrade,
    @DecimalMin("0.00") @DecimalMax("1.00") BigDecimal severeDisabilityShare,
    @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal yearlyCap,
    RoundingMode roundingMode) {

  /** Default share of the remaining self-paid cost (city policy; verify). */
  static final BigDecimal DEFAULT_SHARE = new BigDecimal("0.50");

  public MedicalPolicy {
    Map<EntitledCategory, BigDecimal> shares = new EnumMap<>(EntitledCategory.class);
    for (EntitledCategory category : EntitledCategory.values()) {
      shares.put(category, DEFAULT_SHARE);
    }
    if (share != null) {
      shares.putAll(share);
    }
    share = Map.copyOf(shares);
    severeDisabilityMaxGrade = severeDisabilityMaxGrade == null ? 6 : severeDisabilityMaxGrade;
    severeDisabilityShare = severeDisabilityShare == null ? BigDecimal.ONE : severeDisabilityShare;
    yearlyCap = yearlyCap == null ? new BigDecimal("20000.00") : yearlyCap;
    roundingMode = roundingMode == null ? RoundingMode.HALF_UP : roundingMode;
  }

  /** The policy with every default. */
  public static MedicalPolicy defaults() {
    return new MedicalPolicy(null, null, null, null, null);
  }
}
