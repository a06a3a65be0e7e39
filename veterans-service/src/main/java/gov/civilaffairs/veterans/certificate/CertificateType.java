package gov.civilaffairs.veterans.certificate;

/**
 * A certificate an entitled person holds; which category may hold which is {@link CertificatePolicy#typesByCategory()}.
 * Article numbers to verify against the current texts.
 */
public enum CertificateType {
  /** 中华人民共和国残疾军人证: issued with the disability assessment (军人抚恤优待条例, 2024 revision, disability chapter; 伤残抚恤管理办法). */
  DISABLED_VETERAN_CERTIFICATE,
  /** 烈士证明书: issued to the martyr's survivors (烈士褒扬条例, 2024 revision). */
  MARTYR_CERTIFICATE,
  /** 军人因公牺牲证明书: issued to the survivors of a soldier who died on duty (军人抚恤优待条例, 2024 revision, death chapter). */
  DUTY_DEATH_CERTIFICATE,
  /** 军人病故证明书: issued to the survivors of a soldier who died of illness (军人抚恤优待条例, 2024 revision, death chapter). */
  ILLNESS_DEATH_CERTIFICATE,
  /** 优待证: 退役军人、其他优抚对象优待证 (退役军人事务部, 优待证管理办法（试行）, 2022; verify). */
  PREFERENTIAL_TREATMENT_CERTIFICATE,
  /** 定期抚恤补助金领取证: a local pension book; no category holds one unless the city configures it. */
  PENSION_BOOK
}
