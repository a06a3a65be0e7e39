package gov.civilaffairs.veterans.certificate;

/** Why a certificate is replaced. */
public enum ReplacementReason {
  /** 遗失补发. */
  LOST,
  /** 损坏换发. */
  DAMAGED,
  /** 信息变更换发: e.g. a new disability grade or a corrected name. */
  DETAILS_CHANGED
}
