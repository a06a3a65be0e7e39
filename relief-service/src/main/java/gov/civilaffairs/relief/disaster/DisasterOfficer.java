package gov.civilaffairs.relief.disaster;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A disaster information officer (灾害信息员) of a village or community: collects and reports disaster information
 * (《自然灾害情况统计调查制度》; 应急管理部 guidance on the officer corps: at least one officer per village or community,
 * trained and examined; verify the document in force).
 *
 * @param regionCode 12-digit village or community code (GB/T 2260 and statistical division codes)
 * @param mobilePhone 11-digit mobile number, or null
 * @param trainings training records, oldest first
 */
public record DisasterOfficer(long id, String regionCode, String nationalIdNumber, String name, String mobilePhone,
    LocalDate appointedOn, List<Training> trainings) {

  /**
   * A training attended, with its exam result if there was an exam.
   *
   * @param examScore score 0-100 with one decimal, or null when there was no exam
   * @param examPassed whether the score reached {@code relief.disaster.exam-pass-score}; null without an exam
   */
  public record Training(long id, String course, LocalDate trainedOn, BigDecimal examScore, Boolean examPassed) {
  }
}
