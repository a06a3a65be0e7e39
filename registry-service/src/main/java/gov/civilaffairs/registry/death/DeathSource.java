package gov.civilaffairs.registry.death;

/** Who reported a death (DOMAIN.md, the death rule, 1). */
public enum DeathSource {
  /** 户口注销: the police cancelled the household registration (户口登记条例, art. 8). */
  HUKOU_CANCELLATION,
  /** 居民死亡医学证明（推断）书: medical death certificate issued by a health institution. */
  MEDICAL_CERTIFICATE,
  /** 火化证明: cremation record of a funeral home (殡葬管理条例). */
  CREMATION,
  /** 宣告死亡判决: court declaration of death (民法典, arts. 46-48). */
  COURT_DECLARATION,
  /** 人工录入: entered by a caseworker of the bureau. */
  CASEWORKER
}
