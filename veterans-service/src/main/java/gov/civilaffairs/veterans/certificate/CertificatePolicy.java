package gov.civilaffairs.veterans.certificate;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import gov.civilaffairs.veterans.person.EntitledCategory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which certificates each category holds and which evidence proves each category ({@code veterans.certificates.*}).
 * A map set in configuration replaces the default of the categories it names and keeps the others.
 *
 * <p>Sources (to verify against the current texts): 军人抚恤优待条例 (2024 revision) for the disability
 * certificate and the death certificates of survivors; 烈士褒扬条例 (2024 revision) for 烈士证明书; 退役军人事务部
 * 优待证管理办法（试行） (2022) for 优待证, issued to veterans and other entitled persons; the evidence lists follow
 * the national procedures for recognising each category (伤残抚恤管理办法 for disability; the military's approval of
 * a death; kinship for survivors), as city policy.
 *
 * @param typesByCategory certificates a category may hold; default: each category its own certificate plus 优待证
 * @param requiredEvidence evidence types a category needs before a certificate is issued; default as in
 *     {@link #DEFAULT_REQUIRED_EVIDENCE}
 * @param requireCompleteEvidence whether a certificate is issued only when the category's evidence is complete;
 *     default {@code true}
 * @param revokedOnDeath certificates revoked when the holder dies (注销/收回); default 残疾军人证 and 优待证 (the
 *     certificates of a soldier's death stay with the family)
 */
@ConfigurationProperties("veterans.certificates")
public record CertificatePolicy(Map<EntitledCategory, Set<CertificateType>> typesByCategory,
    Map<EntitledCategory, Set<EvidenceType>> requiredEvidence, Boolean requireCompleteEvidence,
    Set<CertificateType> revokedOnDeath) {

  /** Default certificates by category. */
  static final Map<EntitledCategory, Set<CertificateType>> DEFAULT_TYPES = defaultTypes();

  /** Default evidence by category. */
  static final Map<EntitledCategory, Set<EvidenceType>> DEFAULT_REQUIRED_EVIDENCE = Map.of(
      EntitledCategory.DISABLED_VETERAN, Set.of(EvidenceType.DISCHARGE_CERTIFICATE, EvidenceType.DISABILITY_ASSESSMENT),
      EntitledCategory.MARTYR_SURVIVOR, Set.of(EvidenceType.MARTYR_APPROVAL, EvidenceType.KINSHIP_PROOF),
      EntitledCategory.DUTY_DEATH_SURVIVOR, Set.of(EvidenceType.DEATH_APPROVAL, EvidenceType.KINSHIP_PROOF),
      EntitledCategory.ILLNESS_DEATH_SURVIVOR, Set.of(EvidenceType.DEATH_APPROVAL, EvidenceType.KINSHIP_PROOF),
      EntitledCategory.DEMOBILISED_VETERAN, Set.of(EvidenceType.DISCHARGE_CERTIFICATE),
      EntitledCategory.ILL_RETURNED_VETERAN, Set.of(EvidenceType.DISCHARGE_CERTIFICATE),
      EntitledCategory.WAR_PARTICIPANT, Set.of(EvidenceType.DISCHARGE_CERTIFICATE, EvidenceType.WAR_PARTICIPATION_PROOF),
      EntitledCategory.NUCLEAR_TEST_PARTICIPANT, Set.of(EvidenceType.DISCHARGE_CERTIFICATE, EvidenceType.NUCLEAR_TEST_PROOF),
      EntitledCategory.OLDER_RURAL_VETERAN, Set.of(EvidenceType.DISCHARGE_CERTIFICATE));

  public CertificatePolicy {
    typesByCategory = overlay(DEFAULT_TYPES, typesByCategory);
    requiredEvidence = overlay(DEFAULT_REQUIRED_EVIDENCE, requiredEvidence);
    requireCompleteEvidence = requireCompleteEvidence == null || requireCompleteEvidence;
    revokedOnDeath = revokedOnDeath == null
        ? Set.of(CertificateType.DISABLED_VETERAN_CERTIFICATE, CertificateType.PREFERENTIAL_TREATMENT_CERTIFICATE)
        : Set.copyOf(revokedOnDeath);
  }

  /** The policy with every default. */
  public static CertificatePolicy defaults() {
    return new CertificatePolicy(null, null, null, null);
  }

  /** Certificates the category may hold. */
  Set<CertificateType> typesOf(EntitledCategory category) {
    return typesByCategory.getOrDefault(category, Set.of());
  }

  /** Evidence the category needs. */
  Set<EvidenceType> evidenceOf(EntitledCategory category) {
    return requiredEvidence.getOrDefault(category, Set.of());
  }

  private static Map<EntitledCategory, Set<CertificateType>> defaultTypes() {
    Map<EntitledCategory, Set<CertificateType>> types = new EnumMap<>(EntitledCategory.class);
    for (EntitledCategory category : EntitledCategory.values()) {
      types.put(category, Set.of(CertificateType.PREFERENTIAL_TREATMENT_CERTIFICATE));
    }
    types.put(EntitledCategory.DISABLED_VETERAN, Set.of(CertificateType.DISABLED_VETERAN_CERTIFICATE,
        CertificateType.PREFERENTIAL_TREATMENT_CERTIFICATE));
    types.put(EntitledCategory.MARTYR_SURVIVOR, Set.of(CertificateType.MARTYR_CERTIFICATE,
        CertificateType.PREFERENTIAL_TREATMENT_CERTIFICATE));
    types.put(EntitledCategory.DUTY_DEATH_SURVIVOR, Set.of(CertificateType.DUTY_DEATH_CERTIFICATE,
        CertificateType.PREFERENTIAL_TREATMENT_CERTIFICATE));
    types.put(EntitledCategory.ILLNESS_DEATH_SURVIVOR, Set.of(CertificateType.ILLNESS_DEATH_CERTIFICATE,
        CertificateType.PREFERENTIAL_TREATMENT_CERTIFICATE));
    return Map.copyOf(types);
  }

  private static <T extends Enum<T>> Map<EntitledCategory, Set<T>> overlay(Map<EntitledCategory, Set<T>> defaults,
      Map<EntitledCategory, Set<T>> configured) {
    Map<EntitledCategory, Set<T>> result = new EnumMap<>(EntitledCategory.class);
    result.putAll(defaults);
    if (configured != null) {
      configured.forEach((category, values) -> result.put(category, values == null ? Set.of() : Set.copyOf(values)));
    }
    return Map.copyOf(result);
  }
}
