package gov.civilaffairs.veterans.person;

/** The monthly benefit paid to an entitled person, by category ({@link EntitledCategory#pensionKind()}). */
public enum PensionKind {
  /** 定期抚恤金: paid to survivors of martyrs and of soldiers who died on duty or of illness. */
  PERIODIC_PENSION,
  /** 定期生活补助: paid to demobilised veterans, war and nuclear-test participants and similar. */
  PERIODIC_LIVING_SUBSIDY,
  /** 残疾抚恤金: paid to disabled veterans by grade and cause. */
  DISABILITY_PENSION
}
