package gov.civilaffairs.incomeverification.verification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.incomeverification.department.Finding;
import gov.civilaffairs.incomeverification.department.Finding.Category;
import gov.civilaffairs.incomeverification.department.Finding.Kind;
import gov.civilaffairs.incomeverification.department.Source;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;

/**
 * The household's economic situation as the departments reported it (核对报告), and its determination.
 *
 * @param members per member: incomes (yuan per month) and assets (yuan) by category, and whether the
 *     registry knows the member as deceased
 * @param householdMonthlyIncome sum of the members' incomes, yuan per month, scale 2
 * @param livingMembers members the registry does not know as deceased: the per-capita divisor
 * @param perCapitaMonthlyIncome household income / living members, yuan per month, scale 2 (rounding
 *     {@code income-verification.thresholds.rounding-mode}); {@code null} with no living member
 * @param assets household totals by asset category, yuan
 * @param missingSources departments whose data is not in this report
 * @param determination the finding against the thresholds and the rule that decided it
 */
public record HouseholdReport(List<MemberReport> members, BigDecimal householdMonthlyIncome, int livingMembers,
    BigDecimal perCapitaMonthlyIncome, Map<Category, BigDecimal> assets, List<Source> missingSources,
    Determination determination) {

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  /**
   * @param nationalIdNumber 18 characters
   * @param incomes yuan per month by income category (categories with no finding are absent)
   * @param assets yuan by asset category
   * @param deceased whether the registry holds a confirmed death
   */
  public record MemberReport(@Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, Map<Category, BigDecimal> incomes,
      Map<Category, BigDecimal> assets, boolean deceased) {
  }

  /**
   * Builds the report and applies the rules in this order (first that applies decides): a missing
   * source makes it {@code INCONCLUSIVE}; assets over a category's limit (limit per capita x living
   * members); then per-capita income against the allowance standard of the household's residence and
   * the near-poverty multiple (DOMAIN.md, 低保 and 低保边缘; values from configuration).
   *
   * @param memberIds the household members' national ID numbers, in request order
   * @param findings every finding of the answered sources
   * @param missingSources the sources that have not answered
   */
  public static HouseholdReport of(List<String> memberIds, Collection<Finding> findings,
      Collection<Source> missingSources, Residence residence, VerificationProperties.Thresholds thresholds) {
    List<MemberReport> members = new ArrayList<>();
    Map<Category, BigDecimal> assets = new EnumMap<>(Category.class);
    BigDecimal income = ZERO;
    int living = 0;
    for (String member : memberIds) {
      Map<Category, BigDecimal> memberIncomes = new EnumMap<>(Category.class);
      Map<Category, BigDecimal> memberAssets = new EnumMap<>(Category.class);
      boolean deceased = false;
      for (Finding finding : findings) {
        if (!finding.nationalIdNumber().equals(member)) {
          continue;
        }
        switch (finding.category().kind()) {
          case INCOME -> memberIncomes.merge(finding.category(), finding.amount(), BigDecimal::add);
          case ASSET -> memberAssets.merge(finding.category(), finding.amount(), BigDecimal::add);
          case STATUS -> deceased = true;
        }
      }
      income = memberIncomes.values().stream().reduce(income, BigDecimal::add);
      memberAssets.forEach((category, amount) -> assets.merge(category, amount, BigDecimal::add));
      living += deceased ? 0 : 1;
      members.add(new MemberReport(member, memberIncomes, memberAssets, deceased));
    }
    BigDecimal perCapita = living == 0 ? null
        : income.divide(BigDecimal.valueOf(living), 2, thresholds.roundingMode());
    List<Source> missing = missingSources.stream().sorted().toList();
    Determination determination = determine(missing, assets, living, perCapita, residence, thresholds);
    return new HouseholdReport(members, income.setScale(2, thresholds.roundingMode()), living, perCapita, assets,
        missing, determination);
  }

  static Determination determine(List<Source> missing, Map<Category, BigDecimal> assets, int living,
      BigDecimal perCapita, Residence residence, VerificationProperties.Thresholds thresholds) {
    if (!missing.isEmpty()) {
      return new Determination(Determination.Outcome.INCONCLUSIVE, "sources-missing",
          "No data yet from " + missing);
    }
    if (living == 0) {
      return new Determination(Determination.Outcome.INCONCLUSIVE, "no-living-member",
          "The registry knows every member as deceased");
    }
    for (var limit : new EnumMap<>(thresholds.assetLimitsPerCapita()).entrySet()) {
      BigDecimal householdLimit = limit.getValue().multiply(BigDecimal.valueOf(living));
      BigDecimal held = assets.getOrDefault(limit.getKey(), ZERO);
      if (limit.getKey().kind() == Kind.ASSET && held.compareTo(householdLimit) > 0) {
        return new Determination(Determination.Outcome.ASSETS_OVER_LIMIT, "asset-limit:" + limit.getKey(),
            limit.getKey() + " " + held + " yuan exceeds " + householdLimit + " yuan (" + limit.getValue()
                + " per living member x " + living + ")");
      }
    }
    BigDecimal standard = thresholds.allowanceStandard(residence);
    BigDecimal nearPovertyLine = standard.multiply(thresholds.nearPovertyMultiple())
        .setScale(2, thresholds.roundingMode());
    String figures = "per-capita income " + perCapita + " yuan/month; " + residence.name().toLowerCase()
        + " allowance standard " + standard + ", near-poverty line " + nearPovertyLine + " ("
        + thresholds.nearPovertyMultiple() + " x standard)";
    if (perCapita.compareTo(standard) < 0) {
      return new Determination(Determination.Outcome.BELOW_ALLOWANCE_STANDARD,
          "per-capita-income-below-allowance-standard", figures);
    }
    if (perCapita.compareTo(nearPovertyLine) < 0) {
      return new Determination(Determination.Outcome.NEAR_POVERTY, "per-capita-income-below-near-poverty-line",
          figures);
    }
    return new Determination(Determination.Outcome.ABOVE_NEAR_POVERTY_LINE,
        "per-capita-income-at-or-above-near-poverty-line", figures);
  }
}
