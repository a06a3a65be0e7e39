package gov.civilaffairs.veterans.subsidy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import gov.civilaffairs.veterans.certificate.EvidenceType;
import gov.civilaffairs.veterans.person.EntitledCategory;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The city's rules on one-off subsidies ({@code veterans.subsidies.*}). A map set in configuration is laid over
 * the defaults (the types it names change, the others keep their default).
 *
 * <p>Sources (article numbers to verify against the current texts):
 * <ul>
 *   <li>Medical subsidies (门诊/住院医疗补助): 军人抚恤优待条例 (2024 revision, chapter on preferential treatment:
 *       entitled persons' medical care is guaranteed, costs their insurance does not cover are helped locally) and
 *       优抚对象医疗保障办法 (民发〔2005〕199号); amounts are local.</li>
 *   <li>Temporary hardship (临时困难补助): local help for entitled persons in difficulty, city policy.</li>
 *   <li>Work-injury and social-insurance subsidies of laid-off disabled veterans (下岗失业残疾军人的工伤保险、社会保险
 *       补助): 军人抚恤优待条例 (2024 revision) on the employment and social insurance of disabled veterans, and the
 *       city's rules implementing it; only disabled veterans, only with proof of the lay-off, once a year.</li>
 * </ul>
 * Every amount below is city policy, to verify against the city's current rules.
 *
 * @param maxAmount the most one subsidy of a type may be, yuan: OUTPATIENT_MEDICAL 3000.00, INPATIENT_MEDICAL
 *     30000.00, TEMPORARY_HARDSHIP 5000.00, WORK_INJURY_INSURANCE 2000.00, SOCIAL_INSURANCE 8000.00
 * @param townshipApprovalLimit the largest amount a township caseworker approves alone (乡镇审批); above it a
 *     county officer approves (县级审批), as for temporary assistance (DOMAIN.md); default 1000.00
 * @param eligibleCategories who may receive a type; default every category, except WORK_INJURY_INSURANCE and
 *     SOCIAL_INSURANCE: {@code DISABLED_VETERAN} only
 * @param requiredEvidence evidence ({@code /entitled-persons/{id}/evidence}) a type needs; default
 *     {@code LAYOFF_PROOF} for WORK_INJURY_INSURANCE and SOCIAL_INSURANCE, nothing for the others
 * @param oncePerYear types granted at most once per person and calendar year of the cause date; default
 *     WORK_INJURY_INSURANCE and SOCIAL_INSURANCE
 */
@ConfigurationProperties("veterans.subsidies")
@Validated
public record SubsidyPolicy(
    Map<SubsidyType, @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal> maxAmount,
    @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal townshipApprovalLimit,
    Map<SubsidyType, Set<EntitledCategory>> eligibleCategories,
    Map<SubsidyType, Set<EvidenceType>> requiredEvidence,
    Set<SubsidyType> oncePerYear) {

  /** Default maximum per subsidy, by type (city policy; verify). */
  static final Map<SubsidyType, BigDecimal> DEFAULT_MAX_AMOUNT = Map.of(
      SubsidyType.OUTPATIENT_MEDICAL, new BigDecimal("3000.00"),
      SubsidyType.INPATIENT_MEDICAL, new BigDecimal("30000.00"),
      SubsidyType.TEMPORARY_HARDSHIP, new BigDecimal("5000.00"),
      SubsidyType.WORK_INJURY_INSURANCE, new BigDecimal("2000.00"),
      SubsidyType.SOCIAL_INSURANCE, new BigDecimal("8000.00"));

  /** The subsidies of laid-off disabled veterans. */
  static final Set<SubsidyType> LAID_OFF_DISABLED_VETERAN_TYPES =
      Set.of(SubsidyType.WORK_INJURY_INSURANCE, SubsidyType.SOCIAL_INSURANCE);

  public SubsidyPolicy {
    Map<SubsidyType, BigDecimal> limits = new EnumMap<>(SubsidyType.class);
    limits.putAll(DEFAULT_MAX_AMOUNT);
    if (maxAmount != null) {
      limits.putAll(maxAmount);
    }
    maxAmount = Map.copyOf(limits);
    townshipApprovalLimit = townshipApprovalLimit == null ? new BigDecimal("1000.00") : townshipApprovalLimit;
    Map<SubsidyType, Set<EntitledCategory>> categories = new EnumMap<>(SubsidyType.class);
    Map<SubsidyType, Set<EvidenceType>> evidence = new EnumMap<>(SubsidyType.class);
    for (SubsidyType type : SubsidyType.values()) {
      boolean laidOff = LAID_OFF_DISABLED_VETERAN_TYPES.contains(type);
      categories.put(type, laidOff ? Set.of(EntitledCategory.DISABLED_VETERAN) : Set.copyOf(EnumSet.allOf(EntitledCategory.class)));
      evidence.put(type, laidOff ? Set.of(EvidenceType.LAYOFF_PROOF) : Set.of());
    }
    if (eligibleCategories != null) {
      eligibleCategories.forEach((type, set) -> categories.put(type, set == null ? Set.of() : Set.copyOf(set)));
    }
    if (requiredEvidence != null) {
      requiredEvidence.forEach((type, set) -> evidence.put(type, set == null ? Set.of() : Set.copyOf(set)));
    }
    eligibleCategories = Map.copyOf(categories);
    requiredEvidence = Map.copyOf(evidence);
    oncePerYear = oncePerYear == null ? LAID_OFF_DISABLED_VETERAN_TYPES : Set.copyOf(oncePerYear);
  }
}
