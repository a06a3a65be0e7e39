package gov.civilaffairs.eldercare.institution;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The star rating of care institutions (养老机构等级划分与评定, GB/T 37276-2018), {@code eldercare.star-rating.*}.
 *
 * @param criteria the score sheet: criterion to its maximum score. Default, after GB/T 37276-2018 (1000 points):
 *     ENVIRONMENT 120 (环境), FACILITIES 130 (设施设备), OPERATION_MANAGEMENT 150 (运营管理), SERVICE 600 (服务).
 *     Verify against the standard and the province's rating rules (细则).
 * @param stars the minimum total score for each number of stars; default 1: 500, 2: 600, 3: 700, 4: 800, 5: 900
 *     (city/province rating rules, verify). Below the lowest, the institution gets 0 stars.
 */
@ConfigurationProperties("eldercare.star-rating")
@Validated
public record StarRatingProperties(Map<String, @NotNull @DecimalMin("1") BigDecimal> criteria,
    List<@Valid @NotNull Threshold> stars) {

  static final Map<String, BigDecimal> DEFAULT_CRITERIA = defaultCriteria();
  static final List<Threshold> DEFAULT_STARS = List.of(new Threshold(1, new BigDecimal("500")),
      new Threshold(2, new BigDecimal("600")), new Threshold(3, new BigDecimal("700")),
      new Threshold(4, new BigDecimal("800")), new Threshold(5, new BigDecimal("900")));

  public StarRatingProperties {
    criteria = criteria == null || criteria.isEmpty() ? DEFAULT_CRITERIA : Map.copyOf(criteria);
    stars = stars == null || stars.isEmpty() ? DEFAULT_STARS
        : stars.stream().sorted(Comparator.comparingInt(Threshold::stars)).toList();
  }

  /** The stars a total score yields: the most stars whose minimum it reaches, 0 below all. */
  public int starsFor(BigDecimal total) {
    return stars.stream().filter(t -> total.compareTo(t.minimumScore()) >= 0).mapToInt(Threshold::stars).max()
        .orElse(0);
  }

  /**
   * Stars and the minimum total score for them.
   *
   * @param stars 1 to 5
   * @param minimumScore the total of the score sheet needed
   */
  public record Threshold(@Min(1) @Max(5) int stars, @NotNull BigDecimal minimumScore) {
  }

  private static Map<String, BigDecimal> defaultCriteria() {
    Map<String, BigDecimal> criteria = new LinkedHashMap<>();
    criteria.put("ENVIRONMENT", new BigDecimal("120"));
    criteria.put("FACILITIES", new BigDecimal("130"));
    criteria.put("OPERATION_MANAGEMENT", new BigDecimal("150"));
    criteria.put("SERVICE", new BigDecimal("600"));
    return java.util.Collections.unmodifiableMap(criteria);
  }
}
