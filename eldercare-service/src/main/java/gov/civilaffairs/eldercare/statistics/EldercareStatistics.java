package gov.civilaffairs.eldercare.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The eldercare figures of the bureau's reports (DOMAIN.md "Reports") for a period of months and a region. Counts
 * are of records whose region code lies in the region; money in yuan, scale 2.
 *
 * @param elderlyPersonsRegistered elderly persons registered by the end of the period
 * @param elderlyCardsIssued 老年证 issued in the period
 * @param transitCardsIssued 老年人免费乘车IC卡 issued in the period
 * @param oldAgeAllowance 高龄津贴 paid by rolls of the period's months that were sent to the bank
 * @param careInstitutions 养老机构 at the end of the period, beds and residents, admissions and discharges in it
 * @param inspections inspections of the period, those with findings, rectification orders given
 * @param homeCareOrdersCompleted 居家养老 service orders completed in the period, by service type and by payment kind
 * @param careAssessmentsByLevel care-level assessments of the period, by level
 * @param elderlyUniversity 老年电大 enrolment of the terms starting in the period and of the same terms a year before
 * @param welfareEnterprises 福利企业 annual inspections of the years in the period: inspected, passed, pass rate
 * @param lotterySales 福利彩票 sales of the period by game type, and the total
 */
public record EldercareStatistics(
    @Schema(example = "330681") String region,
    @Schema(type = "string", example = "2026-01") YearMonth from,
    @Schema(type = "string", example = "2026-06") YearMonth to,
    @Schema(example = "1520") long elderlyPersonsRegistered,
    @Schema(example = "310") long elderlyCardsIssued,
    @Schema(example = "122") long transitCardsIssued,
    AllowanceFigures oldAgeAllowance,
    InstitutionFigures careInstitutions,
    InspectionFigures inspections,
    @Schema(example = "{\"DAILY_CARE\":120,\"MEDICAL\":30}") Map<String, Long> homeCareOrdersCompletedByType,
    @Schema(example = "{\"GOVERNMENT_PAID\":100,\"LOW_COST\":40,\"VOLUNTEER\":10}") Map<String, Long> homeCareOrdersCompletedByPayment,
    @Schema(example = "{\"MILD\":12,\"MODERATE\":5}") Map<String, Long> careAssessmentsByLevel,
    EnrolmentFigures elderlyUniversity,
    WelfareEnterpriseFigures welfareEnterprises,
    LotteryFigures lotterySales) {

  /** Old-age allowance paid: persons and money, by the sent rolls of the period's months. */
  public record AllowanceFigures(@Schema(example = "830") long personsPaid,
      @Schema(example = "4720") long personMonthsPaid, @Schema(example = "312450.00") BigDecimal amountPaid) {
  }

  /** Care institutions at the end of the period and their movements in it. */
  public record InstitutionFigures(@Schema(example = "12") long institutions, @Schema(example = "5") long publicInstitutions,
      @Schema(example = "7") long privateInstitutions, @Schema(example = "1450") long beds,
      @Schema(example = "1088") long residents, @Schema(example = "96") long admissions,
      @Schema(example = "71") long discharges) {
  }

  /** Inspections of the period. */
  public record InspectionFigures(@Schema(example = "20") long inspections, @Schema(example = "6") long withFindings,
      @Schema(example = "9") long rectificationOrders) {
  }

  /**
   * Elderly-university enrolment of terms starting in the period, and of the same terms one year earlier.
   *
   * @param change {@code enrolled - enrolledSameTermsLastYear}
   * @param changeRate change divided by last year's enrolment, 4 decimals (HALF_UP), {@code null} without last year's
   */
  public record EnrolmentFigures(@Schema(example = "860") long enrolled,
      @Schema(example = "800") long enrolledSameTermsLastYear, @Schema(example = "60") long change,
      @Schema(example = "0.0750") BigDecimal changeRate) {
  }

  /**
   * Welfare enterprises' annual inspections of the years the period touches.
   *
   * @param passRate passed divided by inspected, 4 decimals (HALF_UP), {@code null} without inspections
   */
  public record WelfareEnterpriseFigures(@Schema(example = "40") long inspected, @Schema(example = "37") long passed,
      @Schema(example = "0.9250") BigDecimal passRate) {
  }

  /** Welfare-lottery sales of the period's months by game type, and their total, yuan. */
  public record LotteryFigures(@Schema(example = "{\"COMPUTER_DRAW\":1200000.00}") Map<String, BigDecimal> byGameType,
      @Schema(example = "1850000.00") BigDecimal total) {
  }
}
