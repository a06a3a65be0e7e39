package gov.civilaffairs.relief.allowance;

/** Whether a household is assessed against the urban (城市) or the rural (农村) allowance standard. */
public enum Area {
  URBAN,
  RURAL
}
