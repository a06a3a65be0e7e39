package gov.civilaffairs.veterans.person;

/**
 * Category of an entitled person (优抚对象), after 军人抚恤优待条例 (State Council and Central Military
 * Commission, 2024 revision, art. 2) and the national standards that pay each category. The category
 * decides which monthly benefit the person receives ({@link #pensionKind()}).
 */
public enum EntitledCategory {

  /** 残疾军人: disabled veteran; has a disability grade and cause; receives 残疾抚恤金. */
  DISABLED_VETERAN(PensionKind.DISABILITY_PENSION),
  /** 烈士遗属: martyr's survivor; receives 定期抚恤金. */
  MARTYR_SURVIVOR(PensionKind.PERIODIC_PENSION),
  /** 因公牺牲军人遗属: survivor of a soldier who died on duty; receives 定期抚恤金. */
  DUTY_DEATH_SURVIVOR(PensionKind.PERIODIC_PENSION),
  /** 病故军人遗属: survivor of a soldier who died of illness; receives 定期抚恤金. */
  ILLNESS_DEATH_SURVIVOR(PensionKind.PERIODIC_PENSION),
  /** 在乡复员军人: demobilised veteran living in the countryside; receives 定期生活补助. */
  DEMOBILISED_VETERAN(PensionKind.PERIODIC_LIVING_SUBSIDY),
  /** 带病回乡退伍军人: veteran who returned home with an illness; receives 定期生活补助. */
  ILL_RETURNED_VETERAN(PensionKind.PERIODIC_LIVING_SUBSIDY),
  /** 参战退役人员: war participant; receives 定期生活补助. */
  WAR_PARTICIPANT(PensionKind.PERIODIC_LIVING_SUBSIDY),
  /** 参试退役人员: nuclear-test participant; receives 定期生活补助. */
  NUCLEAR_TEST_PARTICIPANT(PensionKind.PERIODIC_LIVING_SUBSIDY),
  /** 农村籍退役士兵 (60 周岁以上): older rural veteran; receives 老年生活补助, a periodic living subsidy. */
  OLDER_RURAL_VETERAN(PensionKind.PERIODIC_LIVING_SUBSIDY);

  private final PensionKind pensionKind;

  EntitledCategory(PensionKind pensionKind) {
    this.pensionKind = pensionKind;
  }

  /** The monthly benefit this category receives. */
  public PensionKind pensionKind() {
    return pensionKind;
  }

  /** Whether the person is a survivor of a deceased soldier (烈士, 因公牺牲, 病故军人遗属). */
  public boolean isSurvivor() {
    return pensionKind == PensionKind.PERIODIC_PENSION;
  }
}
