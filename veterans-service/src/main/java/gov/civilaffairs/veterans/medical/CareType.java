package gov.civilaffairs.veterans.medical;

/** Outpatient (门诊) or inpatient (住院) care. */
public enum CareType {
  OUTPATIENT,
  INPATIENT
}
