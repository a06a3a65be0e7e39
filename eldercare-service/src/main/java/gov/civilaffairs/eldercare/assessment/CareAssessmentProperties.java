package gov.civilaffairs.eldercare.assessment;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The care-level assessment (老年人能力评估 / 护理等级), {@code eldercare.care-assessment.*}.
 *
 * @param items the assessed items with their maximum scores. Default: the four first-level indicators of
 *     GB/T 42195-2022 老年人能力评估规范 with a total of 90 — SELF_CARE 32 (自理能力), BASIC_MOTOR 16 (基础运动能力),
 *     MENTAL_STATE 30 (精神状态), PERCEPTION_SOCIAL 12 (感知觉与社会参与). Verify the per-indicator maxima against the
 *     standard's appendix; a city that scores the second-level items configures those instead.
 * @param levels the lowest total of each level, highest level of ability first. Default after GB/T 42195-2022
 *     (verify): ABLE 90 (能力完好), MILD 66 (轻度失能), MODERATE 46 (中度失能), SEVERE 30 (重度失能),
 *     TOTAL 0 (完全失能).
 */
@ConfigurationProperties("eldercare.care-assessment")
@Validated
public record CareAssessmentProperties(Map<String, @NotNull @Min(1) Integer> items,
    List<@Valid @NotNull Level> levels) {

  static final Map<String, Integer> DEFAULT_ITEMS = defaultItems();
  static final List<Level> DEFAULT_LEVELS = List.of(new Level("ABLE", 90), new Level("MILD", 66),
      new Level("MODERATE", 46), new Level("SEVERE", 30), new Level("TOTAL", 0));

  public CareAssessmentProperties {
    items = items == null || items.isEmpty() ? DEFAULT_ITEMS : Map.copyOf(items);
    levels = levels == null || levels.isEmpty() ? DEFAULT_LEVELS
        : levels.stream().sorted(Comparator.comparingInt(Level::minimumScore).reversed()).toList();
  }

  /** The level of a total score: the first level (highest minimum first) whose minimum it reaches. */
  public String levelOf(int total) {
    return levels.stream().filter(level -> total >= level.minimumScore()).findFirst()
        .orElse(levels.get(levels.size() - 1)).code();
  }

  /**
   * A care level.
   *
   * @param code for example {@code MODERATE}
   * @param minimumScore the lowest total of the level
   */
  public record Level(@NotNull String code, @Min(0) @Max(1000) int minimumScore) {
  }

  private static Map<String, Integer> defaultItems() {
    Map<String, Integer> items = new LinkedHashMap<>();
    items.put("SELF_CARE", 32);
    items.put("BASIC_MOTOR", 16);
    items.put("MENTAL_STATE", 30);
    items.put("PERCEPTION_SOCIAL", 12);
    return java.util.Collections.unmodifiableMap(items);
  }
}
