package gov.civilaffairs.incomeverification.verification;

/** Why a household's economic situation is verified (核对用途). */
public enum Purpose {
  /** 低保申请: intake of a minimum living allowance application. */
  ALLOWANCE_APPLICATION,
  /** 动态管理: periodic review of a household receiving the allowance. */
  PERIODIC_REVIEW,
  /** 低保边缘家庭认定: near-poverty household determination. */
  NEAR_POVERTY_DETERMINATION,
  /** 保障性住房资格: affordable-housing eligibility. */
  AFFORDABLE_HOUSING_ELIGIBILITY
}
