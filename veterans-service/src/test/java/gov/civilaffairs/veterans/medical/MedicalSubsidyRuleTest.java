package gov.civilaffairs.veterans.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import gov.civilaffairs.veterans.person.DisabilityCause;
import gov.civilaffairs.veterans.person.EntitledCategory;
import gov.civilaffairs.veterans.person.EntitledPerson;
import gov.civilaffairs.veterans.person.PersonStatus;
import org.junit.jupiter.api.Test;

class MedicalSubsidyRuleTest {

  private final MedicalSubsidyRule defaults = new MedicalSubsidyRule(MedicalPolicy.defaults());

  @Test
  void halfOfTheRemainingCostIsRoundedToTheFenHalfUp() {
    assertThat(defaults.subsidy(person(EntitledCategory.MARTYR_SURVIVOR, null), new BigDecimal("100.05"),
        BigDecimal.ZERO).amount()).isEqualTo("50.03");
    MedicalSubsidyRule down = new MedicalSubsidyRule(new MedicalPolicy(null, null, null, null, RoundingMode.DOWN));
    assertThat(down.subsidy(person(EntitledCategory.MARTYR_SURVIVOR, null), new BigDecimal("100.05"),
        BigDecimal.ZERO).amount()).isEqualTo("50.02");
  }

  @Test
  void theYearlyCapLimitsAllButSeverelyDisabledVeterans() {
    assertThat(defaults.subsidy(person(EntitledCategory.WAR_PARTICIPANT, null), new BigDecimal("10000.00"),
        new BigDecimal("19000.00")).amount()).isEqualTo("1000.00");
    assertThat(defaults.subsidy(person(EntitledCategory.WAR_PARTICIPANT, null), new BigDecimal("10000.00"),
        new BigDecimal("25000.00")).amount()).as("never negative").isEqualTo("0.00");
    assertThat(defaults.subsidy(person(EntitledCategory.DISABLED_VETERAN, 6), new BigDecimal("10000.00"),
        new BigDecimal("25000.00")).amount()).isEqualTo("10000.00");
    assertThat(defaults.subsidy(person(EntitledCategory.DISABLED_VETERAN, 7), new BigDecimal("10000.00"),
        BigDecimal.ZERO).amount()).as("grade 7: the category's share").isEqualTo("5000.00");
  }

  @Test
  void aCityMaySetTheShareOfACategory() {
    MedicalSubsidyRule city = new MedicalSubsidyRule(new MedicalPolicy(
        Map.of(EntitledCategory.MARTYR_SURVIVOR, new BigDecimal("0.80")), null, null, null, null));
    assertThat(city.subsidy(person(EntitledCategory.MARTYR_SURVIVOR, null), new BigDecimal("1000.00"),
        BigDecimal.ZERO).amount()).isEqualTo("800.00");
    assertThat(city.subsidy(person(EntitledCategory.WAR_PARTICIPANT, null), new BigDecimal("1000.00"),
        BigDecimal.ZERO).amount()).as("other categories keep the default").isEqualTo("500.00");
  }

  private static EntitledPerson person(EntitledCategory category, Integer grade) {
    return new EntitledPerson(1, "330681195203150019", "王建国", category, grade,
        grade == null ? null : DisabilityCause.WAR, "330681", PersonStatus.LIVING, null);
  }
}
