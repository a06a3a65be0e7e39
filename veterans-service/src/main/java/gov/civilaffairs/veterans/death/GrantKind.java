package gov.civilaffairs.veterans.death;

/** A one-off amount due because of a death or its revocation. */
public enum GrantKind {
  /** 丧葬补助费. */
  FUNERAL_SUBSIDY,
  /** 一次性抚恤金. */
  ONE_OFF_PENSION,
  /** 补发: pension months missed while a wrong death record applied. */
  PENSION_ARREARS
}
