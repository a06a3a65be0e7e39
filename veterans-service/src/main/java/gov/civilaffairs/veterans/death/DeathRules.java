package gov.civilaffairs.veterans.death;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.PeriodicPension;

import org.springframework.stereotype.Component;

/** The amounts and months a death decides, by the city's {@link DeathPolicy}. No state, no Spring needed to test. */
@Component
class DeathRules {

  private final DeathPolicy policy;

  DeathRules(DeathPolicy policy) {
    this.policy = policy;
  }

  /** The last month a pension is paid for a death on {@code dateOfDeath} (Asia/Shanghai civil date). */
  YearMonth lastPaidMonth(LocalDate dateOfDeath) {
    return policy.pensionPaidThrough().lastPaidMonth(dateOfDeath);
  }

  /**
   * The funeral subsidy (丧葬补助费): the configured months ({@code veterans.death.funeral-subsidy-months}) of
   * the monthly pension the person received in the month of death, at the standard in force that month
   * (DOMAIN.md, "The death rule", point 6: "增发 N 个月其原享受的定期抚恤金/残疾抚恤金"; 军人抚恤优待条例, see
   * {@link DeathPolicy}).
   *
   * @param monthlyPension yuan per month due for the month of death under the standard in force then (the
   *     registered amount where no standard covers the scale)
   * @param pensionBasis where {@code monthlyPension} comes from, for the record (the standard and its documents)
   * @return nothing if the category (or, for a disabled veteran, the cause) earns none
   */
  Optional<Award> funeralSubsidy(EntitledPerson person, BigDecimal monthlyPension, String pensionBasis) {
    int months = policy.funeralSubsidyMonths().getOrDefault(person.category(), 0);
    boolean causeEarnsIt = person.category() != EntitledCategory.DISABLED_VETERAN
        || policy.funeralSubsidyDisabilityCauses().contains(person.disabilityCause());
    if (months == 0 || !causeEarnsIt || monthlyPension.signum() == 0) {
      return Optional.empty();
    }
    BigDecimal amount = monthlyPension.multiply(BigDecimal.valueOf(months)).setScale(2);
    return Optional.of(new Award(amount, months + " x " + monthlyPension.setScale(2)
        + " monthly " + person.category().pensionKind() + " " + pensionBasis
        + " (军人抚恤优待条例; veterans.death.funeral-subsidy-months." + person.category() + ")"));
  }

  /** The one-off pension (一次性抚恤金) configured for the person's category, if any. */
  Optional<Award> oneOffPension(EntitledPerson person) {
    BigDecimal amount = policy.oneOffPension().get(person.category());
    if (amount == null || amount.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(new Award(amount.setScale(2),
        "one-off pension for " + person.category() + " (veterans.death.one-off-pension." + person.category() + ")"));
  }

  /** Whether the death opens a caseworker task to check a survivor's claim to a periodic pension. */
  boolean opensSurvivorReview(EntitledPerson person) {
    DeathPolicy.SurvivorReview review = policy.survivorReview();
    if (!review.categories().contains(person.category())) {
      return false;
    }
    return person.category() != EntitledCategory.DISABLED_VETERAN
        || (person.disabilityGrade() != null && person.disabilityGrade() <= review.maxDisabilityGrade()
            && review.causes().contains(person.disabilityCause()));
  }

  /**
   * Arrears when a stopped pension resumes: the months after {@code paidThrough} up to and including
   * {@code currentMonth} that the pension covers (city policy: a month is paid within the month; verify), each
   * at the amount due for that month (the pension standard in force then, {@code monthlyDue}).
   *
   * @param monthlyDue yuan due for a month, scale 2
   * @return months owed and their amount in yuan (scale 2); none if no month was missed
   */
  static Optional<Award> arrears(PeriodicPension pension, YearMonth paidThrough, YearMonth currentMonth,
      Function<YearMonth, BigDecimal> monthlyDue) {
    int months = 0;
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    Set<BigDecimal> rates = new TreeSet<>();
    for (YearMonth month = paidThrough.plusMonths(1); !month.isAfter(currentMonth); month = month.plusMonths(1)) {
      if (pension.covers(month)) {
        BigDecimal due = monthlyDue.apply(month).setScale(2);
        total = total.add(due);
        rates.add(due);
        months++;
      }
    }
    if (months == 0) {
      return Optional.empty();
    }
    return Optional.of(new Award(total, months + " months for " + paidThrough.plusMonths(1) + " to " + currentMonth
        + " at the standards in force each month (monthly " + rates + ")"));
  }
}
