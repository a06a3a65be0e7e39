package gov.civilaffairs.eldercare.institution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Star ratings (星级评定) of care institutions: a score sheet with one score per configured criterion, its total
 * and the stars it yields ({@link StarRatingProperties}, after GB/T 37276-2018). The latest rating sets the
 * institution's stars. Tables {@code star_rating} and {@code star_rating_score}.
 */
@Service
public class StarRatings {

  private final JdbcClient jdbc;
  private final StarRatingProperties policy;
  private final CareInstitutionRepository institutions;
  private final BureauClock clock;

  StarRatings(JdbcClient jdbc, StarRatingProperties policy, CareInstitutionRepository institutions, BureauClock clock) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.institutions = institutions;
    this.clock = clock;
  }

  /**
   * Rates an institution.
   *
   * @param scores criterion to score, at most 2 decimals
   * @throws ProblemException 422 {@code unknown-criterion}, {@code missing-criterion} or {@code score-out-of-range}
   *     (naming the criterion and its maximum); 422 {@code future-date}
   */
  @Transactional
  public StarRating rate(CareInstitution institution, LocalDate ratedOn, Map<String, BigDecimal> scores) {
    if (ratedOn.isAfter(clock.today())) {
      throw ProblemException.unprocessable("future-date", "ratedOn: " + ratedOn + " is after today.");
    }
    for (String criterion : scores.keySet()) {
      if (!policy.criteria().containsKey(criterion)) {
        throw ProblemException.unprocessable("unknown-criterion", "scores." + criterion
            + " is not a criterion of the score sheet " + policy.criteria().keySet() + ".");
      }
    }
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (var criterion : policy.criteria().entrySet()) {
      BigDecimal score = scores.get(criterion.getKey());
      if (score == null) {
        throw ProblemException.unprocessable("missing-criterion", "scores." + criterion.getKey() + " is missing.");
      }
      if (score.signum() < 0 || score.compareTo(criterion.getValue()) > 0 || score.scale() > 2) {
        throw ProblemException.unprocessable("score-out-of-range", "scores." + criterion.getKey()
            + " must be between 0 and " + criterion.getValue() + " with at most 2 decimals.");
      }
      total = total.add(score);
    }
    int stars = policy.starsFor(total);
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO star_rating (institution_id, rated_on, total_score, stars, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(institution.id(), ratedOn, total, stars, clock.now()).update(key);
    long id = key.getKey().longValue();
    for (var criterion : policy.criteria().entrySet()) {
      jdbc.sql("INSERT INTO star_rating_score (rating_id, criterion, score, max_score) VALUES (?, ?, ?, ?)")
          .params(id, criterion.getKey(), scores.get(criterion.getKey()).setScale(2, RoundingMode.UNNECESSARY),
              criterion.getValue()).update();
    }
    institutions.updateStars(institution.id(), stars);
    return ratings(institution).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
  }

  /** The institution's ratings, oldest first. */
  public List<StarRating> ratings(CareInstitution institution) {
    return jdbc.sql("SELECT id, rated_on, total_score, stars FROM star_rating WHERE institution_id = ? ORDER BY id")
        .param(institution.id())
        .query((rs, row) -> new StarRating(rs.getLong("id"), rs.getObject("rated_on", LocalDate.class),
            rs.getBigDecimal("total_score"), rs.getInt("stars"), scoreSheet(rs.getLong("id"))))
        .list();
  }

  private List<StarRating.Score> scoreSheet(long ratingId) {
    return jdbc.sql("SELECT criterion, score, max_score FROM star_rating_score WHERE rating_id = ? ORDER BY criterion")
        .param(ratingId).query(StarRating.Score.class).list();
  }
}
