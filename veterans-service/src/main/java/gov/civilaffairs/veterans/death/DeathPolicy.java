package gov.civilaffairs.veterans.death;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import gov.civilaffairs.veterans.person.DisabilityCause;
import gov.civilaffairs.veterans.person.EntitledCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the death of an entitled person does ({@code veterans.death.*}); DOMAIN.md, "The death rule",
 * point 6. Every value has a default; a map set in configuration is laid over the default map (set a
 * category to 0 to turn its rule off).
 *
 * <p>Sources. 军人抚恤优待条例 (国务院、中央军委令第788号, 2024 revision, in force 2024-10-01) keeps the
 * rules of the 2011 revision cited below; the article numbers of the 2024 text are to be verified:
 * <ul>
 *   <li>2011 revision art. 19: a survivor receiving a periodic pension (定期抚恤金) who dies is paid 6 more
 *       months of it as funeral subsidy (丧葬补助费); the implementing rules stop the pension from the
 *       month after death (死亡次月起停发).</li>
 *   <li>2011 revision art. 29: a retired veteran disabled in war or on duty (因战、因公致残) who dies of
 *       illness: 12 months of disability pension as funeral subsidy; for grades 1 to 4 the survivors are
 *       treated as survivors of a soldier who died of illness (病故军人遗属), i.e. they may qualify for a
 *       periodic pension. Verify the 2024 article numbers.</li>
 *   <li>The one-off pension (一次性抚恤金) is due when a disabled veteran dies of a recurrence of a war or
 *       duty injury (2011 revision art. 28, at the standard for a soldier who died on duty); the registry's
 *       event does not say the cause of death, so no category has one by default (city policy, verify).</li>
 * </ul>
 *
 * @param pensionPaidThrough the month rule; default {@link PaidThrough#MONTH_OF_DEATH}
 * @param funeralSubsidyMonths months of the monthly pension granted as funeral subsidy, by category, 0 to
 *     60; default 6 for the three survivor categories, 12 for {@code DISABLED_VETERAN}, 0 otherwise
 * @param funeralSubsidyDisabilityCauses for disabled veterans, the causes of disability that earn the
 *     funeral subsidy; default {@code WAR, DUTY}
 * @param oneOffPension one-off pension in yuan (scale 2) by category; default none
 * @param survivorReview which deaths open a caseworker task to check whether a survivor now qualifies
 *     for a periodic pension
 */
@ConfigurationProperties("veterans.death")
@Validated
public record DeathPolicy(
    PaidThrough pensionPaidThrough,
    Map<EntitledCategory, @NotNull @Min(0) @Max(60) Integer> funeralSubsidyMonths,
    Set<DisabilityCause> funeralSubsidyDisabilityCauses,
    Map<EntitledCategory, @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal> oneOffPension,
    @Valid SurvivorReview survivorReview) {

  /** Default months of funeral subsidy by category (see the class comment for sources). */
  static final Map<EntitledCategory, Integer> DEFAULT_FUNERAL_SUBSIDY_MONTHS = Map.of(
      EntitledCategory.MARTYR_SURVIVOR, 6,
      EntitledCategory.DUTY_DEATH_SURVIVOR, 6,
      EntitledCategory.ILLNESS_DEATH_SURVIVOR, 6,
      EntitledCategory.DISABLED_VETERAN, 12);

  public DeathPolicy {
    pensionPaidThrough = pensionPaidThrough == null ? PaidThrough.MONTH_OF_DEATH : pensionPaidThrough;
    Map<EntitledCategory, Integer> months = new EnumMap<>(EntitledCategory.class);
    months.putAll(DEFAULT_FUNERAL_SUBSIDY_MONTHS);
    if (funeralSubsidyMonths != null) {
      months.putAll(funeralSubsidyMonths);
    }
    funeralSubsidyMonths = Map.copyOf(months);
    funeralSubsidyDisabilityCauses = funeralSubsidyDisabilityCauses == null
        ? Set.of(DisabilityCause.WAR, DisabilityCause.DUTY) : Set.copyOf(funeralSubsidyDisabilityCauses);
    oneOffPension = oneOffPension == null ? Map.of() : Map.copyOf(oneOffPension);
    survivorReview = survivorReview == null ? new SurvivorReview(null, null, null) : survivorReview;
  }

  /** The policy with every default: what a city that sets nothing gets. */
  public static DeathPolicy defaults() {
    return new DeathPolicy(null, null, null, null, null);
  }

  /**
   * Deaths after which a survivor may qualify for a periodic pension (2011 revision art. 29: grades 1 to
   * 4, disabled in war or on duty; verify the 2024 article).
   *
   * @param categories categories of the deceased that open a task; default {@code DISABLED_VETERAN}
   * @param maxDisabilityGrade for disabled veterans, the least severe grade that opens a task, 1 to 10;
   *     default 4
   * @param causes for disabled veterans, the causes of disability that open a task; default {@code WAR, DUTY}
   */
  public record SurvivorReview(Set<EntitledCategory> categories, @Min(1) @Max(10) Integer maxDisabilityGrade,
      Set<DisabilityCause> causes) {

    public SurvivorReview {
      categories = categories == null ? Set.of(EntitledCategory.DISABLED_VETERAN) : Set.copyOf(categories);
      maxDisabilityGrade = maxDisabilityGrade == null ? 4 : maxDisabilityGrade;
      causes = causes == null ? Set.copyOf(EnumSet.of(DisabilityCause.WAR, DisabilityCause.DUTY)) : Set.copyOf(causes);
    }
  }
}
