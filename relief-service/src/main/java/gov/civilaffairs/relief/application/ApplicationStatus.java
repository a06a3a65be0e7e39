package gov.civilaffairs.relief.application;

/**
 * Where a minimum-living-allowance application stands (民发〔2021〕57号: 受理, 家庭经济状况核对, 入户调查,
 * 乡镇审核, 民主评议, 公示, 审核确认). The order of the steps is that of DOMAIN.md.
 */
public enum ApplicationStatus {
  /** Received with the household's consent; waiting for income-verification-service's report. */
  VERIFICATION,
  /** The report is below the standard; the township or village visits the household (入户调查). */
  HOME_INVESTIGATION,
  /** Investigated; the township reviews it (初审 / 乡镇审核). */
  FIRST_REVIEW,
  /** The township asked for a community review (民主评议), to be recorded. */
  COMMUNITY_REVIEW,
  /** Published in the village or community for the notice period (公示); an objection sends it back. */
  PUBLIC_NOTICE,
  /** Confirmed (审核确认): the household's allowance is granted from the month after. Final. */
  CONFIRMED,
  /** Refused with reasons at a review step or by the verification report. Final. */
  REFUSED;

  /** Whether no step follows. */
  public boolean closed() {
    return this == CONFIRMED || this == REFUSED;
  }
}
