package gov.civilaffairs.veterans.roll;

/** What a pension roll line pays. */
public enum LineKind {
  /** The pension of the roll's month. */
  MONTHLY,
  /** 补发: money owed for an earlier month ({@code forMonth}) paid at a lower amount. */
  ARREARS
}
