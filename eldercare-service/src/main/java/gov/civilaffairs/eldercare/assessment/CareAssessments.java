package gov.civilaffairs.eldercare.assessment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import gov.civilaffairs.eldercare.person.ElderlyPerson;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care-level assessments (护理等级, GB/T 42195-2022 老年人能力评估规范): a score per configured item, the total,
 * and the level ({@link CareAssessmentProperties}). Tables {@code care_assessment} and {@code care_assessment_item}.
 */
@Service
public class CareAssessments {

  private final JdbcClient jdbc;
  private final CareAssessmentProperties policy;
  private final BureauClock clock;

  CareAssessments(JdbcClient jdbc, CareAssessmentProperties policy, BureauClock clock) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Records an assessment.
   *
   * @throws ProblemException 422 {@code unknown-item}, {@code missing-item}, {@code score-out-of-range} (naming the
   *     item and its maximum), {@code future-date}
   */
  @Transactional
  public CareAssessment assess(ElderlyPerson person, LocalDate assessedOn, String assessor, Map<String, Integer> items) {
    if (assessedOn.isAfter(clock.today())) {
      throw ProblemException.unprocessable("future-date", "assessedOn: " + assessedOn + " is after today.");
    }
    for (String item : items.keySet()) {
      if (!policy.items().containsKey(item)) {
        throw ProblemException.unprocessable("unknown-item", "items." + item + " is not an assessment item "
            + new TreeMap<>(policy.items()).keySet() + ".");
      }
    }
    int total = 0;
    for (var item : policy.items().entrySet()) {
      Integer score = items.get(item.getKey());
      if (score == null) {
        throw ProblemException.unprocessable("missing-item", "items." + item.getKey() + " is missing.");
      }
      if (score < 0 || score > item.getValue()) {
        throw ProblemException.unprocessable("score-out-of-range", "items." + item.getKey() + " must be between 0 and "
            + item.getValue() + ".");
      }
      total += score;
    }
    String level = policy.levelOf(total);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO care_assessment (person_id, assessed_on, total_score, care_level, assessor, created_at)
        VALUES (?, ?, ?, ?, ?, ?)""").params(person.id(), assessedOn, total, level, assessor, clock.now()).update(key);
    long id = key.getKey().longValue();
    items.forEach((item, score) -> jdbc.sql("INSERT INTO care_assessment_item (assessment_id, item, score) VALUES (?, ?, ?)")
        .params(id, item, score).update());
    return new CareAssessment(id, person.id(), assessedOn, assessor, new TreeMap<>(items), total, level);
  }

  /** The person's assessments, oldest first. */
  public List<CareAssessment> of(ElderlyPerson person) {
    record Row(long id, LocalDate assessedOn, String assessor, int totalScore, String careLevel) {
    }
    return jdbc.sql("SELECT id, assessed_on, assessor, total_score, care_level FROM care_assessment WHERE person_id = ?"
        + " ORDER BY id").param(person.id()).query(Row.class).list().stream()
        .map(row -> new CareAssessment(row.id(), person.id(), row.assessedOn(), row.assessor(), items(row.id()),
            row.totalScore(), row.careLevel()))
        .toList();
  }

  private Map<String, Integer> items(long assessmentId) {
    Map<String, Integer> items = new LinkedHashMap<>();
    jdbc.sql("SELECT item, score FROM care_assessment_item WHERE assessment_id = ? ORDER BY item").param(assessmentId)
        .query(rs -> {
          items.put(rs.getString("item"), rs.getInt("score"));
        });
    return items;
  }
}
