package gov.civilaffairs.eldercare.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Levels by total score, default after GB/T 42195-2022: 90, 66-89, 46-65, 30-45, 0-29. */
class CareAssessmentPropertiesTest {

  private final CareAssessmentProperties defaults = new CareAssessmentProperties(null, null);

  @Test
  void eachBoundaryFallsInTheLevelWhoseMinimumItIs() {
    assertThat(defaults.levelOf(90)).isEqualTo("ABLE");
    assertThat(defaults.levelOf(89)).isEqualTo("MILD");
    assertThat(defaults.levelOf(66)).isEqualTo("MILD");
    assertThat(defaults.levelOf(65)).isEqualTo("MODERATE");
    assertThat(defaults.levelOf(46)).isEqualTo("MODERATE");
    assertThat(defaults.levelOf(45)).isEqualTo("SEVERE");
    assertThat(defaults.levelOf(30)).isEqualTo("SEVERE");
    assertThat(defaults.levelOf(29)).isEqualTo("TOTAL");
    assertThat(defaults.levelOf(0)).isEqualTo("TOTAL");
  }

  @Test
  void theDefaultItemsAddUpToNinetyAndConfiguredLevelsAreReadHighestFirst() {
    assertThat(defaults.items().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(90);
    var threeLevels = new CareAssessmentProperties(null, List.of(new CareAssessmentProperties.Level("C", 0),
        new CareAssessmentProperties.Level("A", 80), new CareAssessmentProperties.Level("B", 40)));
    assertThat(threeLevels.levelOf(80)).isEqualTo("A");
    assertThat(threeLevels.levelOf(79)).isEqualTo("B");
    assertThat(threeLevels.levelOf(39)).isEqualTo("C");
  }
}
