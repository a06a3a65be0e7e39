package gov.civilaffairs.veterans.subsidy;

/**
 * A one-off subsidy an entitled person may be granted on request. Who may receive each, its evidence and its
 * limits are {@link SubsidyPolicy}; the sources are cited there.
 */
public enum SubsidyType {
  /** 门诊医疗补助: part of outpatient costs not covered by medical insurance. */
  OUTPATIENT_MEDICAL,
  /** 住院医疗补助: part of inpatient costs not covered by medical insurance. */
  INPATIENT_MEDICAL,
  /** 临时困难补助: a one-off payment in a temporary hardship (illness, accident, disaster). */
  TEMPORARY_HARDSHIP,
  /**
   * 工伤保险补助: the work-injury insurance contributions of a laid-off disabled veteran (下岗失业残疾军人), for one
   * year; at most once per calendar year.
   */
  WORK_INJURY_INSURANCE,
  /**
   * 社会保险补助: the basic pension and medical insurance contributions of a laid-off disabled veteran, for one
   * year; at most once per calendar year.
   */
  SOCIAL_INSURANCE
}
