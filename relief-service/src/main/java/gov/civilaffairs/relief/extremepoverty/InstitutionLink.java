package gov.civilaffairs.relief.extremepoverty;

import java.time.LocalDate;

/**
 * Institution-linked home support (户院挂钩): an extreme-poverty person supported at home whom a support institution
 * looks after by visits (persons with mental illness or an infectious disease who cannot live in the institution;
 * local practice, verify the city's rule).
 *
 * @param endedOn null while linked
 */
public record InstitutionLink(long id, long institutionId, long caseId, Reason reason, LocalDate linkedOn,
    String linkedBy, LocalDate endedOn) {

  /** Why the person is supported at home rather than in the institution. */
  public enum Reason {
    /** 精神障碍. */
    MENTAL_ILLNESS,
    /** 传染性疾病. */
    INFECTIOUS_DISEASE,
    /** 其他不宜入住机构的情形. */
    OTHER
  }
}
