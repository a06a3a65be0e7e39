package gov.civilaffairs.incomeverification.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.civilaffairs.incomeverification.department.Finding;
import gov.civilaffairs.incomeverification.department.Finding.Category;
import gov.civilaffairs.incomeverification.department.Source;

/** The report's sums and the order of the determination rules, against the thresholds in force. */
class HouseholdReportTest {

  static final VerificationProperties.Thresholds THRESHOLDS = new VerificationProperties.Thresholds(
      new BigDecimal("1000.00"), new BigDecimal("800.00"), new BigDecimal("1.5"),
      Map.of(Category.VEHICLES, new BigDecimal("30000.00")), RoundingMode.HALF_UP);

  static final String A = "110101198001010011";
  static final String B = "110101198202020022";
  static final String C = "110101201003030033";

  @Test
  void perCapitaIncomeIsTheHouseholdsIncomeOverItsLivingMembersRoundedToFen() {
    HouseholdReport report = report(List.of(A, B, C), List.of(income(A, Category.WAGES, "1000.00"),
        income(A, Category.BUSINESS_INCOME, "500.00"), income(B, Category.PENSION, "600.01")), Residence.URBAN);

    assertThat(report.householdMonthlyIncome()).isEqualByComparingTo("2100.01");
    assertThat(report.perCapitaMonthlyIncome()).isEqualTo(new BigDecimal("700.00"));
    assertThat(report.members().get(0).incomes()).containsEntry(Category.WAGES, new BigDecimal("1000.00"));
    assertThat(report.determination().outcome()).isEqualTo(Determination.Outcome.BELOW_ALLOWANCE_STANDARD);
  }

  @Test
  void nearPovertyIsFromTheStandardUpToBelowTheMultiple() {
    assertThat(outcomeFor("1000.00", Residence.URBAN)).isEqualTo(Determination.Outcome.NEAR_POVERTY);
    assertThat(outcomeFor("1499.99", Residence.URBAN)).isEqualTo(Determination.Outcome.NEAR_POVERTY);
    assertThat(outcomeFor("1500.00", Residence.URBAN)).isEqualTo(Determination.Outcome.ABOVE_NEAR_POVERTY_LINE);
    assertThat(outcomeFor("999.99", Residence.URBAN)).isEqualTo(Determination.Outcome.BELOW_ALLOWANCE_STANDARD);
    assertThat(outcomeFor("1000.00", Residence.RURAL)).isEqualTo(Determination.Outcome.NEAR_POVERTY);
    assertThat(outcomeFor("1200.00", Residence.RURAL)).isEqualTo(Determination.Outcome.ABOVE_NEAR_POVERTY_LINE);
  }

  @Test
  void assetsOverTheLimitPerLivingMemberDecideBeforeIncome() {
    HouseholdReport report = report(List.of(A, B), List.of(income(A, Category.VEHICLES, "60000.01")),
        Residence.URBAN);

    assertThat(report.determination().outcome()).isEqualTo(Determination.Outcome.ASSETS_OVER_LIMIT);
    assertThat(report.determination().rule()).isEqualTo("asset-limit:VEHICLES");
    assertThat(report(List.of(A, B), List.of(income(A, Category.VEHICLES, "60000.00")), Residence.URBAN)
        .determination().outcome()).isEqualTo(Determination.Outcome.BELOW_ALLOWANCE_STANDARD);
  }

  @Test
  void aMissingSourceMakesTheDeterminationInconclusive() {
    HouseholdReport report = HouseholdReport.of(List.of(A), List.of(), List.of(Source.TAX), Residence.URBAN,
        THRESHOLDS);

    assertThat(report.missingSources()).containsExactly(Source.TAX);
    assertThat(report.determination().outcome()).isEqualTo(Determination.Outcome.INCONCLUSIVE);
    assertThat(report.determination().rule()).isEqualTo("sources-missing");
  }

  @Test
  void aDeceasedMemberIsNotCountedInThePerCapitaIncome() {
    HouseholdReport report = report(List.of(A, B), List.of(income(A, Category.WAGES, "1800.00"),
        income(B, Category.DECEASED, "0.00")), Residence.URBAN);

    assertThat(report.livingMembers()).isEqualTo(1);
    assertThat(report.members().get(1).deceased()).isTrue();
    assertThat(report.perCapitaMonthlyIncome()).isEqualByComparingTo("1800.00");
  }

  private static Determination.Outcome outcomeFor(String perCapita, Residence residence) {
    return report(List.of(A), List.of(income(A, Category.WAGES, perCapita)), residence).determination().outcome();
  }

  private static HouseholdReport report(List<String> members, List<Finding> findings, Residence residence) {
    return HouseholdReport.of(members, findings, List.of(), residence, THRESHOLDS);
  }

  private static Finding income(String member, Category category, String amount) {
    return new Finding(member, category, new BigDecimal(amount));
  }
}
