package gov.civilaffairs.veterans.death;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import gov.civilaffairs.veterans.person.DisabilityCause;
import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.PensionKind;
import gov.civilaffairs.veterans.person.PensionStatus;
import gov.civilaffairs.veterans.person.PeriodicPension;
import gov.civilaffairs.veterans.person.PersonStatus;
import org.junit.jupiter.api.Test;

class DeathRulesTest {

  private final DeathRules defaults = new DeathRules(DeathPolicy.defaults());

  @Test
  void pensionIsPaidThroughTheMonthOfDeathByDefaultAndTheNextMonthIfConfigured() {
    assertThat(defaults.lastPaidMonth(LocalDate.of(2026, 6, 30))).isEqualTo(YearMonth.of(2026, 6));
    DeathRules nextMonth = new DeathRules(new DeathPolicy(PaidThrough.MONTH_AFTER_DEATH, null, null, null, null));
    assertThat(nextMonth.lastPaidMonth(LocalDate.of(2026, 12, 15))).isEqualTo(YearMonth.of(2027, 1));
  }

  @Test
  void survivorGetsSixMonthsOfPeriodicPensionAsFuneralSubsidy() {
    assertThat(defaults.funeralSubsidy(person(EntitledCategory.MARTYR_SURVIVOR, null, null), new BigDecimal("1500.00"),
        "at the registered amount"))
        .hasValueSatisfying(award -> assertThat(award.amount()).isEqualByComparingTo("9000.00"));
  }

  @Test
  void disabledVeteranOfWarOrDutyGetsTwelveMonthsButNotOfIllness() {
    assertThat(defaults.funeralSubsidy(person(EntitledCategory.DISABLED_VETERAN, 6, DisabilityCause.DUTY),
        new BigDecimal("2000.50"), "at the registered amount"))
        .hasValueSatisfying(award -> assertThat(award.amount()).isEqualTo("24006.00"));
    assertThat(defaults.funeralSubsidy(person(EntitledCategory.DISABLED_VETERAN, 6, DisabilityCause.ILLNESS),
        new BigDecimal("2000.50"), "at the registered amount")).isEmpty();
  }

  @Test
  void categoryWithoutRuleGetsNoFuneralSubsidyUnlessConfigured() {
    EntitledPerson veteran = person(EntitledCategory.WAR_PARTICIPANT, null, null);
    assertThat(defaults.funeralSubsidy(veteran, new BigDecimal("800.00"), "at the registered amount")).isEmpty();
    DeathRules city = new DeathRules(new DeathPolicy(null, Map.of(EntitledCategory.WAR_PARTICIPANT, 3), null, null, null));
    assertThat(city.funeralSubsidy(veteran, new BigDecimal("800.00"), "at the registered amount"))
        .hasValueSatisfying(award -> assertThat(award.amount()).isEqualTo("2400.00"));
    assertThat(city.funeralSubsidy(person(EntitledCategory.MARTYR_SURVIVOR, null, null), new BigDecimal("100.00"),
        "at the registered amount"))
        .as("defaults of other categories are kept").isPresent();
  }

  @Test
  void survivorReviewOpensForSevereWarOrDutyDisabilityOnly() {
    assertThat(defaults.opensSurvivorReview(person(EntitledCategory.DISABLED_VETERAN, 4, DisabilityCause.WAR))).isTrue();
    assertThat(defaults.opensSurvivorReview(person(EntitledCategory.DISABLED_VETERAN, 5, DisabilityCause.WAR))).isFalse();
    assertThat(defaults.opensSurvivorReview(person(EntitledCategory.DISABLED_VETERAN, 1, DisabilityCause.ILLNESS))).isFalse();
    assertThat(defaults.opensSurvivorReview(person(EntitledCategory.MARTYR_SURVIVOR, null, null))).isFalse();
  }

  @Test
  void arrearsCoverTheMonthsAfterTheLastPaidThroughTheCurrentMonthWithinThePensionsTerm() {
    PeriodicPension pension = new PeriodicPension(1, 1, PensionKind.PERIODIC_PENSION, new BigDecimal("1200.00"),
        YearMonth.of(2020, 1), YearMonth.of(2026, 10), PensionStatus.STOPPED, YearMonth.of(2026, 8), 7L);
    assertThat(DeathRules.arrears(pension, YearMonth.of(2026, 8), YearMonth.of(2026, 11), month -> pension.monthlyAmount()))
        .hasValueSatisfying(award -> assertThat(award.amount()).isEqualTo("2400.00"));
    assertThat(DeathRules.arrears(pension, YearMonth.of(2026, 8), YearMonth.of(2026, 8), month -> pension.monthlyAmount()))
        .isEmpty();
  }

  @Test
  void arrearsPayEachMonthAtTheStandardInForceThatMonth() {
    PeriodicPension pension = new PeriodicPension(1, 1, PensionKind.PERIODIC_PENSION, new BigDecimal("1200.00"),
        YearMonth.of(2020, 1), null, PensionStatus.STOPPED, YearMonth.of(2026, 7), 7L);
    // September 2026 onwards at a new standard of 1350.00: August 1200.00 + 3 x 1350.00.
    assertThat(DeathRules.arrears(pension, YearMonth.of(2026, 7), YearMonth.of(2026, 11),
        month -> month.isBefore(YearMonth.of(2026, 9)) ? new BigDecimal("1200.00") : new BigDecimal("1350.00")))
        .hasValueSatisfying(award -> {
          assertThat(award.amount()).isEqualTo("5250.00");
          assertThat(award.basis()).contains("2026-08 to 2026-11");
        });
  }

  private static EntitledPerson person(EntitledCategory category, Integer grade, DisabilityCause cause) {
    return new EntitledPerson(1, "330681195203150019", "王建国", category, grade, cause, "330681",
        PersonStatus.LIVING, null);
  }
}
