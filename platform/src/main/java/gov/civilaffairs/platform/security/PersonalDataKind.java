package gov.civilaffairs.platform.security;

/** Personal data masked in responses for roles that do not need it (QUALITY.md; PIPL art. 51). */
public enum PersonalDataKind {
  /** 居民身份证号码 (GB 11643), masked as {@code 330681********123X}. */
  ID_NUMBER,
  /** Mobile or landline number. */
  PHONE,
  /** Bank card or account number. */
  BANK_ACCOUNT
}
