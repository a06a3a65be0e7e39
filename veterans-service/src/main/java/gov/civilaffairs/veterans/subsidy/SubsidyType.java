package gov.civilaffairs.veterans.subsidy;

/** A one-off subsidy an entitled person may be granted on request. */
public enum SubsidyType {
  /** 门诊医疗补助: part of outpatient costs not covered by medical insurance. */
  OUTPATIENT_MEDICAL,
  /** 住院医疗补助: part of inpatient costs not covered by medical insurance. */
  INPATIENT_MEDICAL,
  /** 临时困难补助: a one-off payment in a temporary hardship (illness, accident, disaster). */
  TEMPORARY_HARDSHIP
}
