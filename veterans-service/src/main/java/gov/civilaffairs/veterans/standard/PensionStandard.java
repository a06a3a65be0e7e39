package gov.civilaffairs.veterans.standard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

import gov.civilaffairs.veterans.person.DisabilityCause;
import gov.civilaffairs.veterans.person.EntitledCategory;

/**
 * A pension standard (抚恤补助标准): the monthly amount of one category (and, for disabled veterans, one
 * grade and cause) from its effective month until the next standard of the same scale. The national part
 * is set yearly by 退役军人事务部 and 财政部 (军人抚恤优待条例, 2024 revision: standards adjusted with the
 * economy; verify the article), the city adds its local supplement (地方补贴).
 *
 * @param disabilityGrade 1 to 10 for {@link EntitledCategory#DISABLED_VETERAN}, else {@code null}
 * @param disabilityCause for {@link EntitledCategory#DISABLED_VETERAN}, else {@code null}
 * @param effectiveFrom first month paid at this standard; may be before {@code publishedOn} (backdated)
 * @param nationalAmount yuan per month, scale 2, the national standard
 * @param localSupplement yuan per month, scale 2, the city's supplement (0.00 if none)
 * @param nationalSource the document that set the national amount, e.g. 退役军人部发〔2026〕12号
 * @param localSource the city's document that set the supplement, or {@code null} if none
 * @param publishedOn civil date (Asia/Shanghai) the standard was published
 */
public record PensionStandard(long id, EntitledCategory category, Integer disabilityGrade,
    DisabilityCause disabilityCause, YearMonth effectiveFrom, BigDecimal nationalAmount, BigDecimal localSupplement,
    String nationalSource, String localSource, LocalDate publishedOn) {

  /** Yuan per month paid at this standard: national amount plus local supplement. */
  public BigDecimal monthlyAmount() {
    return nationalAmount.add(localSupplement);
  }

  /** Whether this standard sets the amount of a person of the category, grade and cause given. */
  public boolean appliesTo(EntitledCategory category, Integer disabilityGrade, DisabilityCause disabilityCause) {
    return this.category == category && Objects.equals(this.disabilityGrade, disabilityGrade)
        && this.disabilityCause == disabilityCause;
  }

  /** The scale key stored in {@code pension_standard.applies_to}: the category, or category/grade/cause. */
  static String scaleOf(EntitledCategory category, Integer disabilityGrade, DisabilityCause disabilityCause) {
    return disabilityGrade == null ? category.name() : category + "/" + disabilityGrade + "/" + disabilityCause;
  }
}
