package gov.civilaffairs.incomeverification.verification;

/** Which allowance standard applies to a household (低保标准 has separate urban and rural values). */
public enum Residence {
  URBAN, RURAL
}
