package gov.civilaffairs.platform.idnumber;

/**
 * Sex as encoded in a national ID number (GB 11643-1999, section 5.3: the sequence code, digit 17,
 * is odd for men and even for women).
 */
public enum Sex {
  MALE,
  FEMALE
}
