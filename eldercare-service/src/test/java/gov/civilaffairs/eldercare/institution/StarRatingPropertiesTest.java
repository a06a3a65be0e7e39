package gov.civilaffairs.eldercare.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Stars by total score with the default thresholds (500, 600, 700, 800, 900 of 1000; GB/T 37276-2018 sheet). */
class StarRatingPropertiesTest {

  private final StarRatingProperties defaults = new StarRatingProperties(null, null);

  @Test
  void theTotalGivesTheMostStarsWhoseMinimumItReaches() {
    assertThat(defaults.starsFor(new BigDecimal("499.99"))).isZero();
    assertThat(defaults.starsFor(new BigDecimal("500.00"))).isEqualTo(1);
    assertThat(defaults.starsFor(new BigDecimal("799.99"))).isEqualTo(3);
    assertThat(defaults.starsFor(new BigDecimal("800"))).isEqualTo(4);
    assertThat(defaults.starsFor(new BigDecimal("1000"))).isEqualTo(5);
  }

  @Test
  void theDefaultScoreSheetHasFourCriteriaOfAThousandPoints() {
    assertThat(defaults.criteria()).containsOnlyKeys("ENVIRONMENT", "FACILITIES", "OPERATION_MANAGEMENT", "SERVICE");
    assertThat(defaults.criteria().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("1000");
  }
}
