package gov.civilaffairs.relief.statistics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The social-assistance figures of the bureau's reports (DOMAIN.md "Reports") for a period and a region.
 *
 * @param from first month of the period
 * @param to last month of the period; stocks (households, persons) are as of this month
 * @param region the region code prefix counted ({@code null}: the whole city)
 * @param allowance minimum living allowance: stock at {@code to}, urban/rural, additions and cancellations
 * @param applications allowance applications received, confirmed and refused in the period
 * @param temporaryAssistance cases paid in the period: persons and money, by kind
 * @param subsidyBatches one-off subsidy batches whose reference month lies in the period, counted in the region
 * @param medicalAssistance one-stop settlements in the period by kind: persons, person-times, money paid
 */
public record SocialAssistanceStatistics(YearMonth from, YearMonth to, String region, AllowanceFigures allowance,
    ApplicationFigures applications, List<TemporaryFigures> temporaryAssistance, List<BatchFigures> subsidyBatches,
    List<MedicalFigures> medicalAssistance) {

  /**
   * @param households households whose allowance is paid for {@code to}; {@code persons} their living members
   * @param urbanHouseholds of them urban; {@code ruralHouseholds} rural (and persons likewise)
   * @param additions allowances that started in the period; {@code cancellations} that ended in it
   * @param monthlyAmount the amounts due for {@code to}, yuan
   */
  public record AllowanceFigures(int households, int persons, int urbanHouseholds, int urbanPersons,
      int ruralHouseholds, int ruralPersons, int additions, int cancellations, BigDecimal monthlyAmount) {
  }

  public record ApplicationFigures(int received, int confirmed, int refused) {
  }

  /** @param persons distinct persons; {@code amount} yuan */
  public record TemporaryFigures(String kind, int cases, int persons, BigDecimal amount) {
  }

  /** @param personTimes settlements (人次); {@code persons} distinct persons; {@code amount} yuan paid by assistance */
  public record MedicalFigures(String kind, int persons, int personTimes, BigDecimal amount) {
  }

  public record BatchFigures(long batchId, String kind, String title, YearMonth referenceMonth, int households,
      int persons, BigDecimal amount) {
  }
}
