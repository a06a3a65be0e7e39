package gov.civilaffairs.veterans.person;

/** Cause of a disabled veteran's disability (军人抚恤优待条例, 2024 revision, chapter on disability pensions): 因战, 因公, 因病. */
public enum DisabilityCause {
  /** 因战致残. */
  WAR,
  /** 因公致残. */
  DUTY,
  /** 因病致残. */
  ILLNESS
}
